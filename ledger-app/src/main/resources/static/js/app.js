/* Budget Ledger pages: shared helpers. All user data is written with textContent, never as HTML. */
'use strict';

const Ledger = (() => {
  const messages = {
    ja: {
      'brand': '予算台帳', 'page.onlyFor': 'この画面は {0} の権限を持つ利用者向けです。', 'role.OFFICER': '予算の入力（OFFICER）', 'role.AUDITOR': '監査（AUDITOR）', 'role.APPROVER': '承認（APPROVER）', 'role.ADMIN': '管理（ADMIN）', 'nav.dashboard': 'ダッシュボード', 'nav.subjects': '科目別', 'nav.lines': '事業一覧', 'nav.officer': '予算の入力', 'nav.audit': '監査', 'nav.approvals': '起案と承認',
      'logout': 'ログアウト', 'lang': 'English', 'skip': '本文へ移動',
      'fiscalYear': '年度', 'effectiveOn': '効力発生日', 'asOf': '記録時点', 'stage': '段階', 'stage.all': '現在の予算',
      'stage.initial': '当初予算', 'stage.proposed': '提出中の補正予算案を含む', 'show': '表示', 'now': '現在に戻す', 'thousandYen': '千円', 'lines': '事業',
      'department': '部局', 'category': '分類', 'subjectPath': '会計・科目', 'name': '細事業名', 'amount': '予算額（千円）', 'status': '状態', 'summary': '取組概要',
      'status.ACTIVE': '有効', 'status.WITHDRAWN': '廃止', 'byDepartment': '部局別', 'byCategory': '分類別',
      'total': '合計', 'count': '事業数', 'exports': '出力', 'export.betsu': '別紙形式', 'export.csv': 'CSV', 'export.xlsx': 'Excel (XLSX)', 'export.pdf': 'PDF (印刷用)',
      'export.table1.pdf': '第1表 歳入歳出予算 (PDF)', 'export.detail.pdf': '歳入歳出予算事項別明細書 (PDF)', 'export.current.pdf': '予算現額 (PDF)',
      'bills.summary.pdf': '補正予算の概要 (PDF)', 'bills.summary.xlsx': '補正予算の概要 (XLSX)',
      'moment.now': '現在の予算（記録済みのすべての変更）', 'moment.at': '効力発生日 {0} 時点・{1} までの記録',
      'dashboard.title': '予算ダッシュボード', 'lines.title': '事業一覧', 'line.title': '事業の詳細', 'officer.title': '予算の入力',
      'audit.title': '監査', 'filter.name': '事業名で絞り込み', 'filter.any': 'すべて', 'history': '変更履歴', 'history.needsAuditor': '変更履歴の閲覧には監査権限が必要です。',
      'amend': '予算額の変更', 'amend.kind': '変更の指定', 'amend.to': '変更後の額（円）', 'amend.by': '増減額（円）', 'amountYen': '金額（円）',
      'reason': '理由', 'reference': '根拠（議案番号など）', 'record': '記録する', 'recorded': '記録しました。',
      'drafted': '起案しました。承認後に反映されます。',
      'approvals.title': '起案と承認', 'approval.pending': '承認待ち', 'approval.approved': '承認済み', 'approval.rejected': '却下',
      'approval.requestedAt': '起案日時', 'approval.requester': '起案者', 'approval.change': '内容', 'approval.approver': '承認者',
      'approval.decision': '決裁', 'approval.approve': '承認する', 'approval.reject': '却下する', 'approval.rejectReason': '却下の理由',
      'approval.done': '承認しました。変更が反映されました。', 'approval.rejectedDone': '却下しました。', 'approval.none': '該当する起案はありません。',
      'kind.transfer': '流用', 'kind.reserve-fund-use': '予備費充用', 'kind.bill-submission': '補正予算の提出', 'kind.senketsu': '専決処分', 'yen': '円',
      'add.title': '事業の追加', 'bills.revenueBeforeAfter': '歳入 補正前 → 補正後（千円）', 'bills.expenditureBeforeAfter': '歳出 補正前 → 補正後（千円）', 'bills.actions': '操作', 'reassign.title': '所属・分類・科目の変更', 'correct.title': '記録の訂正', 'correct.which': '訂正する変更（取り消す増減）', 'correct.none': '（変更を選んでください）', 'book.title': '予算書（CSV）の取込み', 'book.unit': '金額の単位', 'book.unit.yen': '円', 'book.unit.thousand': '千円', 'book.side': '歳入・歳出', 'book.side.file': 'ファイルの「歳入歳出」列による', 'book.expected': '予算書に印刷された総額（円、照合用）', 'book.file': 'CSVファイル（UTF-8 または Shift_JIS）', 'book.byKan': '会計・歳入歳出・款ごとの合計', 'book.amount': '金額（千円）', 'book.sending': '送信中 {0}%', 'book.working': 'サーバーで処理中…', 'book.total': '合計', 'book.printed': '印刷された総額', 'book.match': '一致', 'book.mismatch': '不一致', 'add.classification': '会計・科目（科目のある年度）', 'add.departmentCode': '所属コード', 'add.partOfSet': '一連の入力の途中（歳入・歳出の一方だけを先に入力する）', 'categoryCode': '分類番号', 'categoryName': '分類名', 'transfer.title': '流用',
      'transfer.from': '流用元の事業ID', 'transfer.to': '流用先の事業ID', 'sb.title': '補正予算', 'sb.name': '補正予算の名称',
      'sb.resolvedOn': '議決日（効力発生日）', 'sb.items': '項目（1行に1項目：「事業ID,増減額」または「new,分類番号,分類名,部局,事業名,金額」）',
      'import.title': '別紙の取込み', 'import.file': '別紙ファイル（UTF-8 または Shift_JIS）', 'import.preview': 'プレビュー（記録しない）',
      'import.commit': '取り込む', 'import.sections': '区分ごとの合計', 'import.checks': '小計・合計の照合', 'import.errors': 'エラー',
      'printed': '記載額', 'computed': '計算額', 'row': '行', 'ok': '一致', 'mismatch': '不一致', 'field': '項目', 'problem': '内容',
      'audit.log': '監査ログ', 'actor': '変更者', 'from': '記録日（から）', 'to': '記録日（まで）', 'search': '検索', 'recordedAt': '記録日時',
      'type': '種類', 'before': '変更前', 'after': '変更後', 'prev': '前へ', 'next': '次へ', 'page': '{0} / {1} ページ（{2} 件）',
      'replay.title': '再生による検証', 'replay.run': '再生して照合', 'replay.replay': 'イベントの再生', 'replay.model': '読み取りモデル',
      'replay.match': '再生結果と読み取りモデルは一致しています。', 'replay.diff': '差異があります（不具合です）：', 'replay.rate': '{0} 件のイベントを {1} ミリ秒で読みました（毎秒 {2} 件）。',
      'verify.title': '改ざん検知', 'verify.run': 'すべてのイベントを検証', 'verify.ok': '{0} 件のイベントを検証しました。改ざんはありません。',
      'verify.broken': '改ざんを検出しました：位置 {0}（{1}）', 'digest.download': 'ダイジェストを保存', 'effective': '効力発生日',
      'login.title': 'ログイン', 'login.user': 'ユーザー名', 'login.password': 'パスワード', 'login.submit': 'ログイン',
      'login.error': 'ユーザー名またはパスワードが違います。', 'login.out': 'ログアウトしました。', 'id': '事業ID', 'version': '版',
      'error.generic': '処理できませんでした。', 'no.lines': 'この条件の事業はありません。',
      'rebuilding': '集計を再構築中です（{0}）。表示中の数値は完成するまで不完全な場合があります。',
      'subjects.title': '科目別の予算', 'subjects.drill': '科目の内訳', 'subjects.all': 'すべての会計', 'subjects.children': '内訳', 'subjects.lines': 'この科目の事業（各事業の履歴へ）',
      'subjects.childrenOf': '{0}別の内訳', 'subjects.code': 'コード', 'subjects.name': '名称', 'account': '会計',
      'balance.title': '会計ごとの歳入歳出', 'balance.revenue': '歳入（千円）', 'balance.expenditure': '歳出（千円）', 'balance.difference': '差引（千円）',
      'side.expenditure': '歳出', 'side.revenue': '歳入', 'level.account': '会計', 'level.side': '歳入・歳出', 'level.kan': '款', 'level.kou': '項',
      'level.moku': '目', 'level.jigyou': '事業', 'level.setsu': '節', 'level.saisetsu': '細節',
      'export.table1': '第1表 歳入歳出予算 (XLSX)', 'export.detail': '歳入歳出予算事項別明細書 (XLSX)',
      'nav.bills': '補正予算', 'linePicker.filter': '事業名・科目で検索', 'linePicker.none': '（事業を選んでください）',
      'linePicker.count': '{0} 件中 {1} 件', 'transfer.fromLine': '流用元の事業', 'transfer.toLine': '流用先の事業',
      'transfer.clause': '予算総則の項間流用条項（項をまたぐときの根拠条、例：第5条）', 'drafted.id': '起案しました。承認待ちです（起案ID：{0}）。',
      'reserve.title': '予備費充用', 'reserve.from': '予備費', 'reserve.to': '充用先の事業（歳出）',
      'sb.procedure': '手続', 'sb.procedure.assembly': '議会に提出（議決を待つ）', 'sb.procedure.senketsu': '専決処分',
      'sb.procedure.passed': '議決済み（提出と可決を同時に記録）', 'sb.billNumber': '議案番号', 'sb.date': '日付（提出日・専決日・議決日）',
      'sb.lines': '既存事業の増減', 'sb.addItem': '行を追加', 'sb.removeItem': '削除', 'sb.delta': '増減額（円）',
      'sb.newLines': '新しい事業', 'sb.addLine': '新しい事業の行を追加', 'sb.line': '事業', 'sb.codeName': '番号 名称（例：2 総務費）',
      'sb.col.account': '会計', 'sb.col.side': '歳入・歳出', 'sb.col.kan': '款', 'sb.col.kou': '項', 'sb.col.moku': '目', 'sb.col.category': '分類（科目なしの年度）',
      'sb.col.department': '部局', 'sb.col.name': '事業名', 'sb.col.amount': '金額（円）', 'sb.totals': '会計ごとの増減（入力中）',
      'sb.col.revenue': '歳入', 'sb.col.expenditure': '歳出', 'sb.col.balance': '差引（歳入−歳出）', 'sb.unclassified': '科目なしの事業',
      'sb.rowErrors': '誤りのある行があります（各行に表示）。',
      'bills.title': '補正予算（議案）', 'bills.number': '号', 'bills.titleCol': '件名', 'bills.state': '状態', 'bills.dates': '提出・議決',
      'bills.total': '補正額（千円）', 'bills.resolve': '議決の記録', 'bills.outcome': '議決結果', 'bills.outcome.passed': '可決',
      'bills.outcome.amended': '修正可決', 'bills.outcome.rejected': '否決', 'bills.resolvedOn': '議決日', 'bills.report': '専決処分の報告',
      'bills.report.approved': '承認', 'bills.report.disapproved': '不承認', 'bills.reportOn': '報告日', 'bills.none': 'この年度の補正予算はありません。',
      'state.submitted': '提出済み（審議中）', 'state.passed': '可決', 'state.amended': '修正可決', 'state.rejected': '否決',
      'state.senketsu': '専決処分', 'state.approved': '承認済み', 'state.disapproved': '不承認', 'state.pending': '承認待ち',
      'reserveFund': '予備費',
      'export.current': '予算現額 (XLSX)',
      'nav.provisions': '予算総則', 'provisions.title': '予算総則（流用の条項と流用できない節）', 'provisions.clauses': '項間流用の条項',
      'provisions.barred': '流用の財源にできない節', 'provisions.article': '条', 'provisions.text': '条文', 'provisions.covers': '対象',
      'provisions.addClause': '項間流用の条項を登録', 'provisions.addBarred': '流用の財源にできない節を登録',
      'provisions.accountCode': '会計コード', 'provisions.accountName': '会計名', 'provisions.kan': '款（コード 名称）',
      'provisions.kind': '流用できる範囲', 'provisions.bySetsu': '同じ款の各項の間で、次の節どうし', 'provisions.byKou': '同じ款の次の項の間',
      'provisions.levels': '節または項（1行に1つ：コード 名称）',
      'nav.years': '年度', 'kind.fiscal-year-reopening': '確定した年度の再開',
      'year.state.closed': '確定', 'year.state.open': '執行中', 'year.state.settlement': '出納整理期間', 'year.state.ended': '出納閉鎖',
      'year.closedOn': '{0} 確定', 'year.reopening': '{0}の再開', 'years.title': '年度の状態（確定・再開）', 'years.period': '会計年度の期間',
      'years.settlementEnd': '出納整理期間の末日', 'years.phase': '暦の上の段階', 'years.closed': '確定', 'years.closedBy': '確定した者',
      'years.seal': '封印（署名済みツリーヘッド）', 'years.reopenings': '再開', 'years.pending': '承認待ちの再開', 'years.none': '—',
      'years.forced': '出納整理期間中の確定', 'years.close': '年度を確定する', 'years.force': '出納整理期間の終了前に確定する（理由を記入）',
      'years.closeDone': '{0}を確定しました（ツリーサイズ {1}）。', 'years.reopen': '確定した年度の再開を起案する',
      'years.reopenDone': '再開を起案しました。別の承認者の承認後に再開されます（起案ID：{0}）。', 'years.asOf': '時点',
      'years.reopenedBy': '{0}（承認：{1}）',
      'nav.carryovers': '繰越',
      // 継続費
      'nav.continuing': '継続費', 'ce.title': '継続費調書', 'ce.register': '継続費の設定', 'ce.firstYear': '初年度', 'ce.name': '事業名（事項）',
      'ce.accountCode': '会計コード', 'ce.accountName': '会計名', 'ce.kan': '款（コード 名称）', 'ce.kou': '項（コード 名称）',
      'ce.moku': '目（コード 名称）', 'ce.jigyou': '事業（コード 名称、任意）', 'ce.total': '総額（円）', 'ce.shares': '年割額',
      'ce.addShare': '年度を追加', 'ce.shareYear': '年度', 'ce.shareAmount': '年割額（円）', 'ce.sum': '年割額の合計 {0} 円 / 総額 {1} 円',
      'ce.sumOk': '（一致）', 'ce.sumNg': '（不一致：差額 {0} 円）', 'ce.supplementary': '根拠の補正予算（当初予算のときは空欄）',
      'ce.carry': '逓次繰越', 'ce.expense': '継続費', 'ce.fromYear': '繰越元の年度', 'ce.none': '（継続費を選んでください）',
      'ce.period': '期間', 'ce.basis': '根拠', 'ce.shareOfYear': '当該年度の年割額', 'ce.carriedIn': '前年度からの逓次繰越額',
      'ce.carriedOut': '翌年度への逓次繰越額', 'ce.before': '前年度までの年割額', 'ce.from': '当該年度以降の年割額', 'ce.remaining': '残額',
      'ce.empty': 'この年度にかかる継続費はありません。', 'ce.byYear': '年度別', 'ce.initial': '当初',
      'ce.remainingNote': '残額 = 当該年度以降の年割額 + 前年度からの逓次繰越額（総額 − 前年度までの年割額 + 逓次繰越額）。金額は千円。',
      'nav.current': '予算現額', 'current.title': '予算現額（当初・補正・予備費充用・流用）', 'current.level': '集計の単位',
      'current.level.kan': '款', 'current.level.kou': '項', 'current.level.moku': '目', 'current.level.line': '事業',
      'current.col.kan': '款', 'current.col.kou': '項', 'current.col.moku': '目', 'current.col.line': '事業',
      'current.initial': '当初予算額', 'current.reserve': '予備費充用額', 'current.transfer': '流用増減', 'current.carried': '前年度繰越額',
      'current.current': '予算現額', 'current.sum': '合計', 'current.total': '総計', 'current.none': 'この年度の予算はまだありません。',
      'unit.thousandYen': '(単位:千円)',
      'nav.debts': '債務負担行為', 'debts.title': '債務負担行為（第3表）・債務負担行為調書', 'debts.matter': '事項', 'debts.period': '期間',
      'debts.limit': '限度額（千円）', 'debts.limitText': '限度額（文言）', 'debts.limitYen': '限度額（円）', 'debts.basis': '議決（当初・補正）',
      'debts.amendments': '補正の経過', 'debts.none': 'この年度に効力のある債務負担行為はありません。',
      'debts.note': '債務負担行為は将来の支出の約束であり、どの年度の予算額にも含まれません。', 'debts.set': '債務負担行為の設定',
      'debts.amend': '補正予算による変更・廃止', 'debts.periodFrom': '期間（開始年度）', 'debts.periodTo': '期間（終了年度）',
      'debts.commitment': '債務負担行為', 'debts.bill': '補正予算（議決済み）', 'debts.change': '内容', 'debts.change.amend': '変更',
      'debts.change.abolish': '廃止', 'debts.initial': '当初予算', 'debts.chooseBill': '（補正予算を選んでください）',
      'debts.chooseCommitment': '（債務負担行為を選んでください）'
    },
    en: {
      'page.onlyFor': 'This page is for users with the role {0}.', 'role.OFFICER': 'officer (OFFICER)', 'role.AUDITOR': 'auditor (AUDITOR)', 'role.APPROVER': 'approver (APPROVER)', 'role.ADMIN': 'administrator (ADMIN)', 'brand': 'Budget Ledger', 'nav.dashboard': 'Dashboard', 'nav.subjects': 'By subject', 'nav.lines': 'Lines', 'nav.officer': 'Record changes', 'nav.audit': 'Audit', 'nav.approvals': 'Approvals',
      'logout': 'Log out', 'lang': '日本語', 'skip': 'Skip to content',
      'fiscalYear': 'Fiscal year', 'effectiveOn': 'Effective on', 'asOf': 'As recorded at', 'stage': 'Stage', 'stage.all': 'Current budget',
      'stage.initial': 'Initial budget', 'stage.proposed': 'With the bills submitted', 'show': 'Show', 'now': 'Back to now', 'thousandYen': 'thousand yen', 'lines': 'lines',
      'department': 'Department', 'category': 'Category', 'subjectPath': 'Account and subject', 'name': 'Line', 'amount': 'Amount (thousand yen)', 'status': 'Status', 'summary': 'Summary',
      'status.ACTIVE': 'Active', 'status.WITHDRAWN': 'Withdrawn', 'byDepartment': 'By department', 'byCategory': 'By category',
      'total': 'Total', 'count': 'Lines', 'exports': 'Export', 'export.betsu': 'Betsu layout', 'export.csv': 'CSV', 'export.xlsx': 'Excel (XLSX)', 'export.pdf': 'PDF (for printing)',
      'export.table1.pdf': 'Table 1, revenue and expenditure (PDF)', 'export.detail.pdf': 'Itemised statement (PDF)', 'export.current.pdf': 'Current budget, 予算現額 (PDF)',
      'bills.summary.pdf': 'Summary of the bill (PDF)', 'bills.summary.xlsx': 'Summary of the bill (XLSX)',
      'moment.now': 'Current budget (every recorded change)', 'moment.at': 'In force on {0}, as recorded by {1}',
      'dashboard.title': 'Budget dashboard', 'lines.title': 'Budget lines', 'line.title': 'Budget line', 'officer.title': 'Record changes',
      'audit.title': 'Audit', 'filter.name': 'Filter by name', 'filter.any': 'All', 'history': 'History', 'history.needsAuditor': 'Reading the history needs the auditor role.',
      'amend': 'Amend the amount', 'amend.kind': 'Amend', 'amend.to': 'New amount (yen)', 'amend.by': 'Difference (yen)', 'amountYen': 'Amount (yen)',
      'reason': 'Reason', 'reference': 'Reference (bill number…)', 'record': 'Record', 'recorded': 'Recorded.',
      'drafted': 'Drafted; it takes effect once approved.',
      'approvals.title': 'Drafts and approvals', 'approval.pending': 'Pending', 'approval.approved': 'Approved', 'approval.rejected': 'Rejected',
      'approval.requestedAt': 'Drafted at', 'approval.requester': 'Requester', 'approval.change': 'Change', 'approval.approver': 'Approver',
      'approval.decision': 'Decision', 'approval.approve': 'Approve', 'approval.reject': 'Reject', 'approval.rejectReason': 'Reason to reject',
      'approval.done': 'Approved; the change took effect.', 'approval.rejectedDone': 'Rejected.', 'approval.none': 'No drafts match.',
      'kind.transfer': 'Transfer', 'kind.reserve-fund-use': 'Reserve fund use', 'kind.bill-submission': 'Bill submission', 'kind.senketsu': 'Senketsu', 'yen': 'yen',
      'add.title': 'Add a line', 'bills.revenueBeforeAfter': 'Revenue before → after (thousand yen)', 'bills.expenditureBeforeAfter': 'Expenditure before → after (thousand yen)', 'bills.actions': 'Actions', 'reassign.title': 'Move to another department, category or subject', 'correct.title': 'Correct a record', 'correct.which': 'Change to correct (reverse)', 'correct.none': '(choose a change)', 'book.title': 'Import a budget book (CSV)', 'book.unit': 'Unit of the amounts', 'book.unit.yen': 'yen', 'book.unit.thousand': 'thousand yen', 'book.side': 'Side', 'book.side.file': 'from the file\'s side column', 'book.expected': 'Total printed in the book (yen, to check against)', 'book.file': 'CSV file (UTF-8 or Shift_JIS)', 'book.byKan': 'Totals per account, side and kan', 'book.amount': 'Amount (thousand yen)', 'book.sending': 'Sending {0}%', 'book.working': 'Processing on the server…', 'book.total': 'Total', 'book.printed': 'Printed total', 'book.match': 'matches', 'book.mismatch': 'differs', 'add.classification': 'Account and subject (years with subjects)', 'add.departmentCode': 'Department code', 'add.partOfSet': 'Part of a set still being entered (one side first)', 'categoryCode': 'Category code', 'categoryName': 'Category name', 'transfer.title': 'Transfer',
      'transfer.from': 'From line id', 'transfer.to': 'To line id',
      'sb.title': 'Supplementary budget', 'sb.name': 'Name',
      'sb.resolvedOn': 'Resolved on (effective date)', 'sb.items': 'Items, one per line: "line id,difference" or "new,code,category,department,name,amount"',
      'import.title': 'Import a betsu table', 'import.file': 'File (UTF-8 or Shift_JIS)', 'import.preview': 'Preview (records nothing)',
      'import.commit': 'Import', 'import.sections': 'Sums per section', 'import.checks': 'Printed subtotals and totals', 'import.errors': 'Errors',
      'printed': 'Printed', 'computed': 'Computed', 'row': 'Row', 'ok': 'matches', 'mismatch': 'MISMATCH', 'field': 'Field', 'problem': 'Problem',
      'audit.log': 'Audit log', 'actor': 'Actor', 'from': 'Recorded from', 'to': 'Recorded until', 'search': 'Search', 'recordedAt': 'Recorded at',
      'type': 'Type', 'before': 'Before', 'after': 'After', 'prev': 'Previous', 'next': 'Next', 'page': 'Page {0} of {1} ({2} events)',
      'replay.title': 'Literal replay', 'replay.run': 'Replay and compare', 'replay.replay': 'Replayed events', 'replay.model': 'Read model',
      'replay.match': 'The replay and the read model agree.', 'replay.diff': 'They differ (a defect):', 'replay.rate': '{0} events read in {1} ms ({2} events/s).',
      'verify.title': 'Tamper evidence', 'verify.run': 'Verify every event', 'verify.ok': '{0} events verified; nothing was altered.',
      'verify.broken': 'Tampering found at position {0} ({1})', 'digest.download': 'Save the digest', 'effective': 'Effective',
      'login.title': 'Log in', 'login.user': 'User', 'login.password': 'Password', 'login.submit': 'Log in',
      'login.error': 'Wrong user or password.', 'login.out': 'You have logged out.', 'id': 'Line id', 'version': 'Version',
      'error.generic': 'The request could not be completed.', 'no.lines': 'No lines match.',
      'rebuilding': 'Figures are being rebuilt ({0}); they may be incomplete until the rebuild is done.',
      'subjects.title': 'Budget by subject', 'subjects.drill': 'Breakdown by subject', 'subjects.all': 'All accounts', 'subjects.children': 'Breakdown', 'subjects.lines': 'Lines of this subject (each links to its history)',
      'subjects.childrenOf': 'Breakdown by {0}', 'subjects.code': 'Code', 'subjects.name': 'Name', 'account': 'Account',
      'balance.title': 'Revenue and expenditure per account', 'balance.revenue': 'Revenue (thousand yen)', 'balance.expenditure': 'Expenditure (thousand yen)',
      'balance.difference': 'Difference (thousand yen)', 'side.expenditure': 'Expenditure', 'side.revenue': 'Revenue', 'level.account': 'account',
      'level.side': 'side', 'level.kan': 'kan (款)', 'level.kou': 'kou (項)', 'level.moku': 'moku (目)', 'level.jigyou': 'project', 'level.setsu': 'setsu (節)',
      'level.saisetsu': 'saisetsu (細節)', 'export.table1': 'Table 1, revenue and expenditure (XLSX)', 'export.detail': 'Itemised statement (XLSX)',
      'nav.bills': 'Supplementary budgets', 'linePicker.filter': 'Search by name or subject', 'linePicker.none': '(choose a line)',
      'linePicker.count': '{1} of {0} lines', 'transfer.fromLine': 'From line', 'transfer.toLine': 'To line',
      'transfer.clause': 'Clause of the general provisions allowing a transfer between kou (e.g. 第5条)', 'drafted.id': 'Drafted; waiting for approval (draft {0}).',
      'reserve.title': 'Use of the reserve fund', 'reserve.from': 'Reserve fund', 'reserve.to': 'Into line (expenditure)',
      'sb.procedure': 'Procedure', 'sb.procedure.assembly': 'Submit to the assembly (awaits its resolution)', 'sb.procedure.senketsu': 'Decided by the head (senketsu)',
      'sb.procedure.passed': 'Already passed (record submission and passing at once)', 'sb.billNumber': 'Bill number', 'sb.date': 'Date (submitted, decided or resolved)',
      'sb.lines': 'Changes of existing lines', 'sb.addItem': 'Add a row', 'sb.removeItem': 'Remove', 'sb.delta': 'Difference (yen)',
      'sb.addLine': 'Add a new line', 'sb.line': 'Line', 'sb.codeName': 'code name (e.g. 2 総務費)',
      'sb.col.account': 'Account', 'sb.col.side': 'Side', 'sb.col.kan': 'Kan', 'sb.col.kou': 'Kou', 'sb.col.moku': 'Moku', 'sb.col.category': 'Category (years without subjects)',
      'sb.col.department': 'Department', 'sb.col.name': 'Name', 'sb.col.amount': 'Amount (yen)', 'sb.totals': 'Change per account (as typed)',
      'sb.col.revenue': 'Revenue', 'sb.col.expenditure': 'Expenditure', 'sb.col.balance': 'Difference (revenue − expenditure)',
      'sb.unclassified': 'Lines without a subject', 'sb.rowErrors': 'Some rows have errors (shown on each row).',
      'sb.newLines': 'New lines',
      'bills.title': 'Supplementary budgets (bills)', 'bills.number': 'No.', 'bills.titleCol': 'Title', 'bills.state': 'State', 'bills.dates': 'Submitted, resolved',
      'bills.total': 'Change (thousand yen)', 'bills.resolve': 'Record the resolution', 'bills.outcome': 'Outcome', 'bills.outcome.passed': 'Passed',
      'bills.outcome.amended': 'Passed as amended', 'bills.outcome.rejected': 'Rejected', 'bills.resolvedOn': 'Resolved on', 'bills.report': 'Report to the assembly',
      'bills.report.approved': 'Approved', 'bills.report.disapproved': 'Disapproved', 'bills.reportOn': 'On', 'bills.none': 'No supplementary budgets this year.',
      'state.submitted': 'Submitted (in deliberation)', 'state.passed': 'Passed', 'state.amended': 'Passed as amended', 'state.rejected': 'Rejected',
      'state.senketsu': 'Decided by the head', 'state.approved': 'Approved', 'state.disapproved': 'Disapproved', 'state.pending': 'Pending approval',
      'reserveFund': 'reserve fund',
      'export.current': 'Current budget, 予算現額 (XLSX)',
      'nav.provisions': 'General provisions', 'provisions.title': 'General provisions (transfer clauses and barred setsu)',
      'provisions.clauses': 'Clauses allowing transfers between kou', 'provisions.barred': 'Setsu that may not fund a transfer',
      'provisions.article': 'Article', 'provisions.text': 'Text', 'provisions.covers': 'Covers', 'provisions.addClause': 'Register a transfer clause',
      'provisions.addBarred': 'Bar a setsu as a source', 'provisions.accountCode': 'Account code', 'provisions.accountName': 'Account name',
      'provisions.kan': 'Kan (code name)', 'provisions.kind': 'Transfers allowed', 'provisions.bySetsu': 'between the kou of the kan, among these setsu',
      'provisions.byKou': 'between these kou of the kan', 'provisions.levels': 'Setsu or kou, one per line: code name',
      'nav.years': 'Fiscal years', 'kind.fiscal-year-reopening': 'Reopening of a closed year',
      'year.state.closed': 'Closed', 'year.state.open': 'In execution', 'year.state.settlement': 'Settlement period', 'year.state.ended': 'Ended',
      'year.closedOn': 'closed {0}', 'year.reopening': 'Reopen {0}', 'years.title': 'Fiscal years (close and reopen)', 'years.period': 'Period',
      'years.settlementEnd': 'Settlement period ends', 'years.phase': 'Phase by the calendar', 'years.closed': 'Closed', 'years.closedBy': 'Closed by',
      'years.seal': 'Seal (signed tree head)', 'years.reopenings': 'Reopenings', 'years.pending': 'Reopening awaiting approval', 'years.none': '—',
      'years.forced': 'closed during the settlement period', 'years.close': 'Close a fiscal year', 'years.force': 'Close before the settlement period ends (give the reason)',
      'years.closeDone': 'Closed {0} (tree size {1}).', 'years.reopen': 'Ask to reopen a closed year',
      'years.reopenDone': 'Drafted; the year reopens once another approver approves it (draft {0}).', 'years.asOf': 'As of',
      'years.reopenedBy': '{0} (approved by {1})',
      'nav.carryovers': 'Carry-overs',
      // 継続費
      'nav.continuing': 'Continuing expenses', 'ce.title': 'Statement of continuing expenses (継続費調書)', 'ce.register': 'Set a continuing expense (継続費)',
      'ce.firstYear': 'First fiscal year', 'ce.name': 'Project (事業名)', 'ce.accountCode': 'Account code', 'ce.accountName': 'Account (会計)',
      'ce.kan': 'Kan (code name)', 'ce.kou': 'Kou (code name)', 'ce.moku': 'Moku (code name)', 'ce.jigyou': 'Jigyou (code name, optional)',
      'ce.total': 'Total (yen)', 'ce.shares': 'Annual shares (年割額)', 'ce.addShare': 'Add a year', 'ce.shareYear': 'Fiscal year',
      'ce.shareAmount': 'Share (yen)', 'ce.sum': 'Shares sum to {0} yen / total {1} yen', 'ce.sumOk': '(equal)', 'ce.sumNg': '(differ by {0} yen)',
      'ce.supplementary': 'Supplementary budget that sets it (empty for the initial budget)', 'ce.carry': 'Carry an unused share forward (逓次繰越)',
      'ce.expense': 'Continuing expense', 'ce.fromYear': 'From fiscal year', 'ce.none': '(choose a continuing expense)', 'ce.period': 'Period',
      'ce.basis': 'Basis', 'ce.shareOfYear': "This year's share", 'ce.carriedIn': 'Carried in from the year before',
      'ce.carriedOut': 'Carried out to the next year', 'ce.before': 'Shares of earlier years', 'ce.from': 'Shares of this year and later',
      'ce.remaining': 'Remaining', 'ce.empty': 'No continuing expense covers this year.', 'ce.byYear': 'By year', 'ce.initial': 'Initial budget',
      'ce.remainingNote': 'Remaining = shares of this year and later + carried in (total − shares of earlier years + carried in). Amounts in thousand yen.',
      'nav.current': 'Budget in force', 'current.title': 'Budget in force, 予算現額 (initial, supplementary, reserve fund, transfers)',
      'current.level': 'Rows per', 'current.level.kan': 'kan (款)', 'current.level.kou': 'kou (項)', 'current.level.moku': 'moku (目)',
      'current.level.line': 'line (事業)', 'current.col.kan': 'Kan (款)', 'current.col.kou': 'Kou (項)', 'current.col.moku': 'Moku (目)',
      'current.col.line': 'Line', 'current.initial': 'Initial', 'current.reserve': 'Reserve fund used', 'current.transfer': 'Transfers',
      'current.carried': 'Carried from last year', 'current.current': 'In force', 'current.sum': ' total', 'current.total': 'Grand total',
      'current.none': 'No budget for this year yet.', 'unit.thousandYen': '(thousand yen)',
      'nav.debts': 'Debt commitments', 'debts.title': 'Debt commitments (Table 3) and their statement', 'debts.matter': 'Matter',
      'debts.period': 'Period', 'debts.limit': 'Limit (thousand yen)', 'debts.limitText': 'Limit (as worded)', 'debts.limitYen': 'Limit (yen)',
      'debts.basis': 'Budget (initial or supplementary)', 'debts.amendments': 'Amendments', 'debts.none': 'No debt commitments bind this year.',
      'debts.note': 'A debt commitment promises future spending; no year\'s budget total includes it.', 'debts.set': 'Set a debt commitment',
      'debts.amend': 'Amend or abolish by a supplementary budget', 'debts.periodFrom': 'Period from (fiscal year)',
      'debts.periodTo': 'Period to (fiscal year)', 'debts.commitment': 'Debt commitment', 'debts.bill': 'Supplementary budget (in force)',
      'debts.change': 'Change', 'debts.change.amend': 'Amend', 'debts.change.abolish': 'Abolish', 'debts.initial': 'Initial budget',
      'debts.chooseBill': '(choose a supplementary budget)', 'debts.chooseCommitment': '(choose a debt commitment)'
    }
  };

  /** What the pages call each kind of event and each rule a refusal names, in Japanese first (never a class name or a rule code). */
  const labels = {
    ja: {
      'event.InitiativeAdded': '事業追加', 'event.AmountAmended': '増減額', 'event.InitiativeRevised': '内容の修正',
      'event.InitiativeReassigned': '所属・科目の変更', 'event.InitiativeWithdrawn': '事業の廃止', 'event.FundsTransferred': '流用',
      'event.ReserveFundUsed': '予備費充用', 'event.SupplementaryBudgetSubmitted': '補正予算の提出', 'event.SupplementaryBudgetResolved': '補正予算の議決',
      'event.SupplementaryBudgetEnacted': '補正予算の成立', 'event.SenketsuReportedToAssembly': '専決処分の報告',
      'event.BudgetDocumentImported': '予算書の取込み', 'event.TransferClauseRegistered': '予算総則（流用条項）の登録', 'event.SetsuBarred': '流用を禁じる節の指定',
      'event.ChangeDrafted': '起案', 'event.DraftApproved': '承認', 'event.DraftRejected': '却下', 'event.FiscalYearClosed': '年度の確定',
      'event.FiscalYearReopened': '確定の解除', 'event.FiscalYearSealed': '確定の封印（署名付きツリーヘッド）',
      'event.CarryoverLimitSet': '繰越明許費の設定', 'event.AmountCarriedOver': '翌年度への繰越',
      'event.ContinuingExpenseRegistered': '継続費の設定', 'event.ContinuingExpenseCarriedForward': '継続費の逓次繰越',
      'event.DebtCommitmentSet': '債務負担行為の設定', 'event.DebtCommitmentAmended': '債務負担行為の補正', 'event.DebtCommitmentAbolished': '債務負担行為の廃止',
      'rule.already-corrected': 'すでに訂正済みです', 'rule.amount-out-of-range': '金額が扱える範囲を超えています',
      'rule.assembly-already-reported': '議会への報告は記録済みです', 'rule.bill-across-accounts': '一つの補正予算は一つの会計に限ります',
      'rule.bill-not-submitted': '審議中の議案ではありません', 'rule.carryover-exceeds-line': '繰越額が予算額を超えています',
      'rule.carryover-funding-mismatch': '繰越額と財源内訳の合計が一致しません', 'rule.carryover-limit-above-amount': '繰越明許費が予算額を超えています',
      'rule.carryover-limit-below-carried': '繰越明許費が繰越済みの額を下回ります', 'rule.carryover-limit-budget-not-in-force': '根拠の補正予算が成立していません',
      'rule.carryover-limit-exceeded': '繰越明許費の額を超えています', 'rule.carryover-of-carried-line': '繰越された事業は繰越明許費として再び繰り越せません',
      'rule.carryover-revenue-side': '歳入は繰り越せません', 'rule.continuing-basis-not-in-force': '根拠の補正予算が成立していません',
      'rule.continuing-carry-exceeds-unused': '逓次繰越は年割額の残額までです', 'rule.continuing-carry-from-last-year': '最終年度からは逓次繰越できません',
      'rule.continuing-carry-not-positive': '逓次繰越の額は正の額です', 'rule.continuing-expense-expenditure-only': '継続費は歳出に限ります',
      'rule.continuing-expense-single-year': '継続費は二年度以上にわたります', 'rule.continuing-shares-do-not-sum': '年割額の合計が総額と一致しません',
      'rule.continuing-shares-not-consecutive': '年割額は連続する年度に定めます', 'rule.correction-not-allowed': 'この記録は訂正できません',
      'rule.draft-not-pending': 'この起案はすでに処理されています', 'rule.duplicate-clause': '同じ条項が登録済みです', 'rule.duplicate-initiative': '同じ事業が登録済みです',
      'rule.effective-before-line': '効力発生日が事業の開始より前です', 'rule.effective-date-outside-fiscal-year': '効力発生日が会計年度の外です',
      'rule.fiscal-year-already-closed': 'この年度は確定済みです', 'rule.fiscal-year-closed': 'この年度は確定済みのため変更できません',
      'rule.fiscal-year-ended': 'この年度は終了しています（出納整理期間後は繰越と訂正のみ）', 'rule.fiscal-year-mismatch': '年度が一致しません',
      'rule.fiscal-year-not-closed': 'この年度は確定していません', 'rule.fiscal-year-not-settled': '出納整理期間（5月31日まで）が終わっていません',
      'rule.fiscal-year-reopening-not-approved': '確定の解除には承認が必要です', 'rule.invalid-item': '明細に誤りがあります', 'rule.line-withdrawn': '廃止された事業です',
      'rule.negative-amount': '予算額が負になります', 'rule.no-carryover-limit': '繰越明許費が設定されていません', 'rule.no-such-event': '該当する記録がありません',
      'rule.not-a-reserve-fund': '予備費ではありません', 'rule.not-senketsu': '専決処分ではありません', 'rule.nothing-changes': '変更がありません',
      'rule.reserve-fund-across-account': '予備費は同じ会計の歳出にのみ充用できます', 'rule.reserve-fund-exceeded': '予備費の残額を超えています',
      'rule.reserve-fund-into-reserve': '予備費へは充用できません', 'rule.reserve-fund-revenue-side': '予備費は歳入に充用できません',
      'rule.self-approval': '自分の起案は承認できません', 'rule.setsu-already-barred': 'この節は指定済みです', 'rule.subject-name-conflict': '同じ科目コードに別の名称があります',
      'rule.supplementary-budget-not-in-force': '補正予算が成立していません', 'rule.supplementary-budget-of-another-year': '別の年度の補正予算です',
      'rule.transfer-across-account': '会計をまたぐ流用はできません', 'rule.transfer-across-kan': '款をまたぐ流用はできません（地方自治法第220条第2項）',
      'rule.transfer-across-kou': '項間の流用は予算総則の定めが必要です', 'rule.transfer-across-side': '歳入と歳出の間で流用はできません',
      'rule.transfer-from-barred-setsu': 'この節からの流用は禁じられています', 'rule.transfer-touches-reserve-fund': '予備費は流用でなく予備費充用で使います',
      'rule.unbalanced-account': '歳入と歳出の合計が一致しません', 'rule.unchanged-amount': '金額が変わりません', 'rule.unclassified-line': '科目のない事業です',
      'rule.unknown-clause': '予算総則にその条項がありません', 'rule.unknown-continuing-expense': 'その継続費はありません', 'rule.unknown-draft': 'その起案はありません',
      'rule.unknown-line': 'その事業はありません', 'rule.unknown-supplementary-budget': 'その補正予算はありません', 'rule.department-out-of-scope': '担当外の部局です'
    },
    en: {
      'event.InitiativeAdded': 'Line added', 'event.AmountAmended': 'Amount changed', 'event.InitiativeRevised': 'Line revised',
      'event.InitiativeReassigned': 'Department or subject changed', 'event.InitiativeWithdrawn': 'Line withdrawn', 'event.FundsTransferred': 'Transfer',
      'event.ReserveFundUsed': 'Reserve fund used', 'event.SupplementaryBudgetSubmitted': 'Supplementary budget submitted',
      'event.SupplementaryBudgetResolved': 'Supplementary budget resolved', 'event.SupplementaryBudgetEnacted': 'Supplementary budget in force',
      'event.SenketsuReportedToAssembly': 'Senketsu reported to the assembly', 'event.BudgetDocumentImported': 'Budget document imported',
      'event.TransferClauseRegistered': 'Transfer clause registered', 'event.SetsuBarred': 'Setsu barred as a source', 'event.ChangeDrafted': 'Drafted',
      'event.DraftApproved': 'Approved', 'event.DraftRejected': 'Rejected', 'event.FiscalYearClosed': 'Fiscal year closed',
      'event.FiscalYearReopened': 'Fiscal year reopened', 'event.FiscalYearSealed': 'Close sealed (signed tree head)',
      'event.CarryoverLimitSet': 'Carry-over limit set', 'event.AmountCarriedOver': 'Carried into the next year',
      'event.ContinuingExpenseRegistered': 'Continuing expense set', 'event.ContinuingExpenseCarriedForward': 'Continuing expense share carried forward',
      'event.DebtCommitmentSet': 'Debt commitment set', 'event.DebtCommitmentAmended': 'Debt commitment amended', 'event.DebtCommitmentAbolished': 'Debt commitment abolished'
    }
  };
  Object.entries(labels).forEach(([language, entries]) => Object.assign(messages[language], entries));

  /** Adds a page's own messages ({ ja: {...}, en: {...} }); a script that does so runs before the page calls header(). */
  function addMessages(more) {
    Object.entries(more).forEach(([language, entries]) => Object.assign(messages[language], entries));
  }

  /** An event's type as the pages name it: its label where it has one, else the type itself. */
  function eventType(type) {
    const key = 'event.' + type;
    const label = t(key);
    return label === key ? type : label;
  }

  let lang = localStorage.getItem('ledger.lang') || 'ja';
  let me = null;

  function t(key, ...args) {
    let text = (messages[lang] && messages[lang][key]) || messages.ja[key] || key;
    args.forEach((a, i) => { text = text.replace('{' + i + '}', String(a)); });
    return text;
  }

  function translate(root = document) {
    document.documentElement.lang = lang;
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => {
      if (v === undefined || v === null) return;
      if (k === 'text') node.textContent = v; else if (k === 'class') node.className = v; else node.setAttribute(k, v);
    });
    children.forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  function cookie(name) {
    const match = document.cookie.split('; ').find(c => c.startsWith(name + '='));
    return match ? decodeURIComponent(match.substring(name.length + 1)) : '';
  }

  async function api(path, options = {}) {
    const headers = { 'X-Requested-With': 'fetch', 'Accept': 'application/json' };
    const method = options.method || 'GET';
    let body;
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
    if (options.json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(options.json); }
    if (options.bytes !== undefined) { headers['Content-Type'] = 'application/octet-stream'; body = options.bytes; }
    const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    if (response.status === 401) { location.href = '/login.html'; throw new Error('unauthenticated'); }
    if (method === 'GET') showRebuilding(response.headers.get('X-Ledger-Rebuilding'));
    const text = await response.text();
    const data = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
    if (!response.ok) {
      const error = new Error((data && data.detail) || t('error.generic'));
      error.status = response.status; error.problem = data;
      throw error;
    }
    return data;
  }

  /**
   * Sends {@code bytes} as {@code contentType}, reporting the upload's progress ({@code onProgress(sent, total)}, then
   * {@code onProgress(null)} while the server works); answers and fails as {@link api} does.
   */
  function upload(path, bytes, contentType, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', path);
      request.setRequestHeader('X-Requested-With', 'fetch');
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('Content-Type', contentType);
      request.setRequestHeader('X-XSRF-TOKEN', cookie('XSRF-TOKEN'));
      request.upload.addEventListener('progress', e => onProgress(e.loaded, e.lengthComputable ? e.total : null));
      request.upload.addEventListener('load', () => onProgress(null));
      request.addEventListener('error', () => reject(new Error(t('error.generic'))));
      request.addEventListener('load', () => {
        if (request.status === 401) { location.href = '/login.html'; reject(new Error('unauthenticated')); return; }
        const text = request.responseText;
        const data = text && (request.getResponseHeader('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
        if (request.status >= 400) {
          const error = new Error((data && data.detail) || t('error.generic'));
          error.status = request.status; error.problem = data;
          reject(error);
        } else {
          resolve(data);
        }
      });
      request.send(bytes);
    });
  }

  /** While a projection is rebuilt the API says so in a header; the page says so in a banner. */
  function showRebuilding(names) {
    let banner = document.getElementById('rebuilding');
    if (!names) { if (banner) banner.remove(); return; }
    if (!banner) {
      banner = document.createElement('p');
      banner.id = 'rebuilding'; banner.className = 'banner'; banner.setAttribute('role', 'status');
      const main = document.querySelector('main') || document.body;
      main.insertBefore(banner, main.firstChild);
    }
    banner.textContent = t('rebuilding', names);
  }

  const number = new Intl.NumberFormat('ja-JP');
  /** Yen as 千円 with grouping, rounded half up as budget documents do. */
  function thousand(yen) {
    const value = Math.sign(yen) * Math.round(Math.abs(yen) / 1000);
    return number.format(value);
  }

  function yen(value) { return number.format(value); }

  /** Puts each problem+json error next to its field ([data-error-for]); the rest in the form's .form-error. */
  function showErrors(form, error) {
    clearErrors(form);
    const general = form.querySelector('.form-error');
    const problems = (error.problem && error.problem.errors) || [];
    const rule = ruleLabel(error.problem);
    let placed = false;
    problems.forEach(p => {
      const slot = p.field && form.querySelector('[data-error-for="' + CSS.escape(p.field) + '"]');
      if (slot) {
        slot.textContent = (rule ? rule + '：' : '') + p.reason; placed = true;
        const input = form.querySelector('[name="' + CSS.escape(p.field) + '"]');
        if (input) input.setAttribute('aria-invalid', 'true');
      } else if (general) {
        general.append(el('div', { text: (p.row ? t('row') + ' ' + p.row + ': ' : '') + (p.field ? p.field + ': ' : '') + p.reason }));
      }
    });
    if (!placed && general && !general.textContent) general.textContent = (rule ? rule + '：' : '') + error.message;
    else if (rule && general && !placed) general.prepend(el('div', { class: 'rule', text: rule }));
  }

  /** The rule a refusal names, in Japanese words on the Japanese pages (the problem's own detail stays beside it); none in English. */
  function ruleLabel(problem) {
    if (lang !== 'ja' || !problem) return null;
    const code = problem.rule;
    const key = 'rule.' + code;
    return code && messages.ja[key] ? messages.ja[key] : null;
  }

  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    form.querySelectorAll('.form-error, .notice').forEach(e => { e.textContent = ''; });
  }

  function has(role) { return me && me.roles.includes(role); }

  /**
   * A page for some roles only: for anyone else its content is replaced by a notice naming the roles it is for
   * (the API refuses them anyway; the page does not offer what they may not do). True when the user may use it.
   */
  function onlyFor(...roles) {
    if (roles.some(has)) return true;
    const main = document.querySelector('main');
    main.replaceChildren(main.querySelector('h1') || el('h1', { text: document.title }), el('p', { class: 'notice-role', role: 'status', id: 'not-for-role',
      text: t('page.onlyFor', roles.map(r => t('role.' + r)).join('・')) }));
    document.body.dataset.ready = 'true';
    return false;
  }

  async function header(current) {
    me = await api('/api/me');
    if (me.zone) zone = me.zone;
    const links = [['nav.dashboard', '/'], ['nav.subjects', '/subjects.html'], ['nav.lines', '/lines.html']];
    links.push(['nav.bills', '/bills.html'], ['nav.provisions', '/provisions.html'], ['nav.years', '/years.html'], ['nav.carryovers', '/carryovers.html']);
    links.push(['nav.continuing', '/continuing.html']);
    links.push(['nav.debts', '/debts.html']);
    links.push(['nav.current', '/current.html']);
    if (has('OFFICER')) links.push(['nav.officer', '/officer.html']);
    if (has('AUDITOR')) links.push(['nav.audit', '/audit.html']);
    if (has('OFFICER') || has('APPROVER')) links.push(['nav.approvals', '/approvals.html']);
    const nav = el('nav', { 'aria-label': 'main' }, el('ul', {}, ...links.map(([key, href]) =>
      el('li', {}, el('a', { href, 'data-i18n': key, 'aria-current': key === current ? 'page' : null })))));
    const langButton = el('button', { type: 'button', id: 'lang', 'data-i18n': 'lang' });
    langButton.addEventListener('click', () => { lang = lang === 'ja' ? 'en' : 'ja'; localStorage.setItem('ledger.lang', lang); location.reload(); });
    const logout = el('button', { type: 'button', id: 'logout', 'data-i18n': 'logout' });
    logout.addEventListener('click', async () => {
      await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') }, credentials: 'same-origin' });
      location.href = '/login.html?logout';
    });
    const bar = el('header', { class: 'site' },
      el('a', { class: 'skip', href: '#main', 'data-i18n': 'skip' }),
      el('span', { class: 'brand', 'data-i18n': 'brand' }), nav,
      el('div', { class: 'session' }, el('span', { id: 'user', text: me.name + ' (' + me.roles.join(', ') + ')' }), langButton, logout));
    document.body.prepend(bar);
    translate();
    return me;
  }

  /** Today's fiscal year in Japan time, whatever the browser's time zone: January to March belong to the year before. */
  function currentFiscalYear() {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric' }).formatToParts(new Date());
    const part = type => Number(parts.find(p => p.type === type).value);
    return part('month') >= 4 ? part('year') : part('year') - 1;
  }

  let yearStates = null;

  /** The fiscal years and their states now (GET /api/fiscal-years), read once per page unless {@code minPosition} asks again. */
  async function fiscalYearStates(minPosition) {
    if (!yearStates || minPosition) yearStates = await api('/api/fiscal-years?' + params({ minPosition }));
    return yearStates;
  }

  /** A year's state as a badge: 確定 (with the day of its close), 出納整理期間 or 執行中. */
  async function yearBadge(badge, fiscalYear) {
    const state = (await fiscalYearStates()).find(y => String(y.fiscalYear) === String(fiscalYear));
    const phase = state ? state.phase : 'open';
    badge.dataset.state = state && state.closed ? 'closed' : phase;
    badge.textContent = state && state.closed ? t('year.state.closed') + ' ' + t('year.closedOn', state.closedOn)
      : t('year.state.' + phase);
  }

  async function fiscalYears(select, preferred) {
    const years = (await fiscalYearStates()).map(y => y.fiscalYear);
    const current = currentFiscalYear();
    const all = Array.from(new Set([...years, current])).sort((a, b) => b - a);
    select.replaceChildren(...all.map(y => el('option', { value: y, text: y + '（' + era(y) + '）' })));
    const wanted = preferred || years.find(y => y <= current) || years[0] || current;
    select.value = String(wanted);
  }

  function era(year) {
    if (year >= 2019) return '令和' + (year === 2019 ? '元' : year - 2018) + '年度';
    return '平成' + (year === 1989 ? '元' : year - 1988) + '年度';
  }

  function params(values) {
    const search = new URLSearchParams();
    Object.entries(values).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') search.set(k, v); });
    return search.toString();
  }

  /** The ledger's time zone (ledger.calendar.zone, Japan time by default), from the session; every time on the pages is shown in it. */
  let zone = 'Asia/Tokyo';

  /**
   * An instant as the documents write it, in the ledger's time zone whatever the browser's: 2026年12月1日 18:06:36 in Japanese,
   * 1 Dec 2026, 18:06:36 JST in English.
   */
  function dateTime(iso) {
    if (!iso) return '';
    const when = new Date(iso);
    if (lang === 'ja') {
      return new Intl.DateTimeFormat('ja-JP', { timeZone: zone, year: 'numeric', month: 'long', day: 'numeric',
        hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(when);
    }
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(when) + ' ' + (zone === 'Asia/Tokyo' ? 'JST' : zone);
  }

  /** Kept for the pages that called it so: the same as {@link dateTime}. */
  function japanTime(iso) { return dateTime(iso); }

  /**
   * A day (YYYY-MM-DD) as the documents write it: 2026年12月1日, or 令和8年12月1日 with {@code era}; 1 Dec 2026 in English.
   */
  function date(day, era) {
    if (!day) return '';
    const when = new Date(day + 'T00:00:00Z');
    if (Number.isNaN(when.getTime())) return day;
    if (lang === 'ja') {
      return new Intl.DateTimeFormat(era ? 'ja-JP-u-ca-japanese' : 'ja-JP', { timeZone: 'UTC', era: era ? 'long' : undefined,
        year: 'numeric', month: 'long', day: 'numeric' }).format(when);
    }
    return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(when);
  }

  /** Milliseconds the ledger's zone is ahead of UTC at {@code millis}. */
  function zoneOffset(millis) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(millis));
    const part = type => Number(parts.find(p => p.type === type).value);
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(millis / 1000) * 1000;
  }

  /**
   * The stage picker of a fiscal year: the current budget, the initial budget, each supplementary budget in force (by its title
   * where it has one), and the budget as if every submitted bill passed.
   */
  async function stages(select, fiscalYear) {
    const budgets = await api('/api/supplementary-budgets?fiscalYear=' + fiscalYear);
    select.replaceChildren(el('option', { value: '', text: t('stage.all') }), el('option', { value: 'initial', text: t('stage.initial') }),
      ...budgets.filter(b => b.inForcePosition != null).map(b => el('option', { value: b.id, text: b.title ? b.title + ' ' + b.name : b.name })),
      el('option', { value: 'proposed', text: t('stage.proposed') }));
  }

  /** A horizontal bar chart of amounts in 千円 (Chart.js). */
  function barChart(id, labels, values) {
    return new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels, datasets: [{ label: t('amount'), data: values, backgroundColor: '#0b4f8a' }] },
      options: { indexAxis: 'y', maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { x: { ticks: { callback: v => yen(v) } } } }
    });
  }

  /** 「1 一般会計 › 歳出 › 2 総務費 › …」, as the history and the audit log print it; — for an unclassified line. */
  function subjectPath(line) {
    if (!line.subject) return '—';
    const printed = level => (level.code ? level.code + ' ' : '') + level.name;
    const levels = ['kan', 'kou', 'moku', 'jigyou', 'setsu', 'saisetsu'].map(k => line.subject[k]).filter(Boolean);
    return [printed({ code: line.accountCode, name: line.accountName }), line.side === 'revenue' ? '歳入' : '歳出', ...levels.map(printed)]
      .join(' › ');
  }

  /** How a picker names a line: its 会計・科目 path (if any), its name, its department and its amount in yen. */
  function lineLabel(line) {
    const subject = line.subject ? subjectPath(line) + ' — ' : '';
    return subject + line.name + '（' + line.department + '）' + yen(line.amountYen) + '円';
  }

  /**
   * Turns a select into a line picker: the fiscal year's active lines that {@code accept} takes, named by
   * 会計・科目, name and department, with a search box before it that narrows the list as one types.
   * The select's value is the chosen line's id; no one types an id. After a change, {@code minPosition} (its
   * position) makes the list wait until it shows the change.
   */
  async function linePicker(select, fiscalYear, accept = () => true, minPosition) {
    const lines = (await api('/api/initiatives?' + params({ fiscalYear, minPosition })))
      .filter(l => (l.status || 'ACTIVE') === 'ACTIVE' && accept(l));
    select.pickerLines = lines;
    let filter = select.previousElementSibling && select.previousElementSibling.classList.contains('picker-filter')
      ? select.previousElementSibling : null;
    if (!filter) {
      filter = el('input', { type: 'search', class: 'picker-filter', id: select.id + '-filter', 'aria-label': t('linePicker.filter'),
        placeholder: t('linePicker.filter'), 'aria-controls': select.id });
      select.before(filter);
      filter.addEventListener('input', () => fillPicker(select, filter));
    }
    fillPicker(select, filter);
    return lines;
  }

  /** Lists the picker's lines whose label holds every word of its search box, keeping the chosen one if it is still listed. */
  function fillPicker(select, filter) {
    const lines = select.pickerLines || [];
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = lines.filter(l => words.every(w => lineLabel(l).toLowerCase().includes(w)));
    const current = select.value;
    select.replaceChildren(el('option', { value: '', text: t('linePicker.none') + ' ' + t('linePicker.count', lines.length, shown.length) }),
      ...shown.map(l => el('option', { value: l.id, text: lineLabel(l) })));
    if (shown.some(l => l.id === current)) select.value = current;
  }

  /** 「10 教育費」 as a level {code, name}; a level without a code is its name alone; blank is none. */
  function level(text) {
    const match = /^\s*([0-9０-９]+)\s+(.+?)\s*$/.exec(text || '');
    if (match) return { code: match[1], name: match[2] };
    return text && text.trim() ? { code: null, name: text.trim() } : null;
  }

  /** An amount as typed (grouping commas, full-width digits) as a number; NaN when it is not one. */
  function digits(text) {
    return Number(String(text || '').replace(/[,，\s]/g, '').replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xFEE0)));
  }

  /** A datetime-local value, read as the ledger's time zone (not the browser's), as an ISO-8601 instant. */
  function instant(local) {
    if (!local) return '';
    const asUtc = Date.parse(local.length === 16 ? local + ':00Z' : local + 'Z');
    let millis = asUtc - zoneOffset(asUtc);
    millis = asUtc - zoneOffset(millis);
    return new Date(millis).toISOString();
  }

  return { t, translate, el, api, thousand, yen, showErrors, clearErrors, header, has, onlyFor, upload, fiscalYears, fiscalYearStates, yearBadge, currentFiscalYear, params, instant, era, cookie, japanTime, dateTime, date, level, digits, stages, barChart,
    subjectPath, lineLabel, linePicker, addMessages, eventType,
    get lang() { return lang; } };
})();
