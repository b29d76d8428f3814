/* Messages of the carry-over forms and pages (繰越明許費, 事故繰越し), Japanese first. Loaded after app.js, before the page's script. */
'use strict';
Ledger.addMessages({
  ja: {
    'carry.title': '繰越（繰越明許費・事故繰越し）', 'carry.kind': '繰越の種類', 'carry.kind.explicit': '繰越明許費（第2表の範囲内）',
    'carry.kind.accident': '事故繰越し（地方自治法第220条第3項）', 'carry.from': '繰り越す事業（歳出）', 'carry.amount': '翌年度繰越額（円）',
    'carry.funding': '財源内訳（円）', 'carry.received': '既収入特定財源', 'carry.national': '未収入特定財源：国県支出金',
    'carry.bonds': '未収入特定財源：地方債', 'carry.other': '未収入特定財源：その他', 'carry.general': '一般財源',
    'carry.sum': '財源の合計：{0} 円（繰越額との差：{1} 円）', 'carry.accidentReason': '事故の理由（避けがたい事故のため年度内に支出を終わらなかった事情）',
    'carry.decidedOn': '繰越の決定日', 'carry.done': '記録しました。翌年度の事業（ID：{0}）が4月1日から計上されます。',
    'carry.limitTitle': '繰越明許費（第2表）', 'carry.limit': '繰越明許費の額（円）', 'carry.limitOptional': '繰越明許費（任意・円）', 'carry.basis': '議決', 'carry.basis.initial': '当初予算',
    'carry.budget': '補正予算', 'carry.limitNone': 'なし', 'carry.carried': '繰越済額', 'carry.carriedFrom': '繰越元',
    'carry.limitSet': '繰越明許費を記録しました。',
    'carryovers.title': '繰越明許費と繰越計算書', 'carryovers.limits': '第2表 繰越明許費', 'carryovers.statements': '繰越計算書',
    'carryovers.kan': '款', 'carryovers.kou': '項', 'carryovers.name': '事業名', 'carryovers.limitYen': '繰越明許費の額（千円）',
    'carryovers.amountYen': '翌年度繰越額（千円）', 'carryovers.limitAmount': '金額（千円）', 'carryovers.basis': '議決',
    'carryovers.explanation': '説明', 'carryovers.total': '合計', 'carryovers.none': '記録はありません。',
    'carryovers.fundingThousand': '財源内訳（千円）', 'carryovers.account': '会計'
  },
  en: {
    'carry.title': 'Carry-over into the next year', 'carry.kind': 'Kind', 'carry.kind.explicit': 'Explicit carry-over (within its limit, table 2)',
    'carry.kind.accident': 'Accident carry-over (Local Autonomy Act 220(3))', 'carry.from': 'Line to carry (expenditure)',
    'carry.amount': 'Amount carried (yen)', 'carry.funding': 'Funding (yen)', 'carry.received': 'Specific revenue received',
    'carry.national': 'Not yet received: national and prefectural', 'carry.bonds': 'Not yet received: bonds',
    'carry.other': 'Not yet received: other', 'carry.general': 'General revenue', 'carry.sum': 'Funding sums to {0} yen ({1} yen off the amount)',
    'carry.accidentReason': 'Reason of the accident (why the payment could not be finished within the year)', 'carry.decidedOn': 'Decided on',
    'carry.done': 'Recorded; the line {0} of the next year is in force from 1 April.', 'carry.limitTitle': 'Carry-over limit (table 2)',
    'carry.limit': 'Limit (yen)', 'carry.limitOptional': 'Carry-over limit (optional, yen)', 'carry.basis': 'Budget', 'carry.basis.initial': 'Initial budget', 'carry.budget': 'Supplementary budget',
    'carry.limitNone': 'none', 'carry.carried': 'Carried', 'carry.carriedFrom': 'Carried from', 'carry.limitSet': 'The limit was recorded.',
    'carryovers.title': 'Carry-over limits and statements', 'carryovers.limits': 'Table 2, carry-over limits',
    'carryovers.statements': 'Carry-over statements', 'carryovers.kan': 'Kan', 'carryovers.kou': 'Kou', 'carryovers.name': 'Line',
    'carryovers.limitYen': 'Limit (thousand yen)', 'carryovers.amountYen': 'Carried (thousand yen)', 'carryovers.limitAmount': 'Amount (thousand yen)',
    'carryovers.basis': 'Budget', 'carryovers.explanation': 'Explanation', 'carryovers.total': 'Total', 'carryovers.none': 'Nothing recorded.',
    'carryovers.fundingThousand': 'Funding (thousand yen)', 'carryovers.account': 'Account'
  }
});
