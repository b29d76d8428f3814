'use strict';
(async () => {
  const { t, el, api, thousand } = Ledger;
  await Ledger.header('nav.officer');
  if (!Ledger.onlyFor('OFFICER')) return;
  const year = Ledger.currentFiscalYear();
  ['add-fiscalYear', 'import-fiscalYear'].forEach(id => { document.getElementById(id).value = year; });

  function values(form, names) {
    const body = {};
    names.forEach(n => { const v = form.elements[n].value.trim(); body[n] = v === '' ? null : v; });
    return body;
  }

  function submit(form, handler) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      Ledger.clearErrors(form);
      try {
        const message = await handler();
        form.querySelector('.notice').textContent = message;
      } catch (error) {
        Ledger.showErrors(form, error);
      }
    });
  }

  const add = document.getElementById('add');
  submit(add, async () => {
    const body = values(add, ['fiscalYear', 'categoryCode', 'categoryName', 'department', 'name', 'amountYen', 'carryoverLimitYen', 'summary', 'effectiveDate',
      'reason', 'reference', 'departmentCode']);
    const account = Ledger.level(add.elements.account.value);
    const subject = { kan: Ledger.level(add.elements.kan.value), kou: Ledger.level(add.elements.kou.value), moku: Ledger.level(add.elements.moku.value) };
    if (account || subject.kan || subject.kou || subject.moku) {
      Object.assign(body, { accountCode: account ? account.code : null, accountName: account ? account.name : null,
        side: add.elements.side.value, subject });
    }
    if (add.elements.partOfSet.checked) body.partOfSet = true;
    const result = await api('/api/initiatives', { method: 'POST', json: body });
    return t('recorded') + ' ' + t('id') + ': ' + result.id;
  });

  /** A change that needs approval answers 202 with its draft; any other answer is the change itself. */
  function outcome(result, id) {
    return result && result.draftId ? t('drafted.id', result.draftId) : t('recorded') + ' ' + id(result);
  }

  const isReserve = l => l.reserveFund === true || (l.subject && l.subject.kan && l.subject.kan.name === '予備費');
  const pickers = {
    'transfer-fromId': l => !isReserve(l), 'transfer-toId': l => !isReserve(l),
    'reserve-fromId': isReserve, 'reserve-toId': l => !isReserve(l) && l.side === 'expenditure'
  };
  const years = document.querySelectorAll('select.line-year');
  for (const select of years) await Ledger.fiscalYears(select, year);

  async function refreshPickers(form, minPosition) {
    const fiscalYear = form.elements.fiscalYear.value;
    for (const select of form.querySelectorAll('select[id]')) {
      if (pickers[select.id]) await Ledger.linePicker(select, fiscalYear, pickers[select.id], minPosition);
    }
    form.querySelectorAll('select.item-line').forEach(select => Ledger.linePicker(select, fiscalYear, undefined, minPosition));
  }

  const transfer = document.getElementById('transfer');
  const reserve = document.getElementById('reserve');
  const budget = document.getElementById('budget');
  for (const form of [transfer, reserve, budget]) {
    form.elements.fiscalYear.addEventListener('change', () => refreshPickers(form));
    await refreshPickers(form);
  }

  submit(transfer, async () => {
    const body = values(transfer, ['fromId', 'toId', 'amountYen', 'effectiveDate', 'reason', 'reference', 'clause']);
    const result = await api('/api/transfers', { method: 'POST', json: body });
    await refreshPickers(transfer, result.position);
    return outcome(result, r => r.id);
  });

  submit(reserve, async () => {
    const result = await api('/api/reserve-fund-uses', { method: 'POST', json: values(reserve,
      ['fromId', 'toId', 'amountYen', 'effectiveDate', 'reason', 'reference']) });
    await refreshPickers(reserve, result.position);
    return outcome(result, r => r.id);
  });

  const level = Ledger.level;
  const digits = Ledger.digits;

  let itemCount = 0;
  /** A row changing a line of the year: the line picked by name, its 増減額. */
  function addItem() {
    itemCount++;
    const select = el('select', { class: 'item-line', id: 'budget-item-' + itemCount, 'aria-label': t('sb.line') });
    const delta = el('input', { class: 'item-delta', id: 'budget-delta-' + itemCount, inputmode: 'numeric', 'aria-label': t('sb.delta'), placeholder: t('sb.delta') });
    const remove = el('button', { type: 'button', class: 'secondary', text: t('sb.removeItem') });
    const error = el('div', { class: 'field-error row-error', id: 'budget-item-error-' + itemCount, role: 'alert' });
    const row = el('div', { class: 'item-row' }, select, delta, remove, error);
    remove.addEventListener('click', () => { row.remove(); totals(); });
    select.addEventListener('change', totals);
    delta.addEventListener('input', totals);
    document.getElementById('budget-add-item').before(row);
    Ledger.linePicker(select, budget.elements.fiscalYear.value);
  }
  document.getElementById('budget-add-item').addEventListener('click', addItem);
  addItem();

  let lineCount = 0;
  const newLineFields = ['account', 'side', 'kan', 'kou', 'moku', 'category', 'department', 'name', 'amount'];
  /** A row adding a line: its 会計, side, 款・項・目 (each 「code name」), department, name and amount. */
  function addLine() {
    lineCount++;
    const n = lineCount;
    const cells = newLineFields.map(f => {
      const id = 'budget-new-' + f + '-' + n;
      const input = f === 'side'
        ? el('select', { id, 'aria-label': t('sb.col.side') }, el('option', { value: 'expenditure', text: t('side.expenditure') }),
          el('option', { value: 'revenue', text: t('side.revenue') }))
        : el('input', { id, 'aria-label': t('sb.col.' + f), inputmode: f === 'amount' ? 'numeric' : null,
          placeholder: ['account', 'kan', 'kou', 'moku', 'category'].includes(f) ? t('sb.codeName') : null });
      input.addEventListener('input', totals);
      return el('td', {}, input);
    });
    const remove = el('button', { type: 'button', class: 'secondary', text: t('sb.removeItem') });
    const row = el('tr', { class: 'new-line-row', 'data-row': String(n) }, ...cells, el('td', {}, remove));
    const error = el('tr', { class: 'row-error-line' }, el('td', { colspan: String(newLineFields.length + 1) },
      el('div', { class: 'field-error row-error', id: 'budget-new-error-' + n, role: 'alert' })));
    remove.addEventListener('click', () => { row.remove(); error.remove(); totals(); });
    document.querySelector('#budget-new-table tbody').append(row, error);
  }
  document.getElementById('budget-add-line').addEventListener('click', addLine);

  function changeRows() { return Array.from(budget.querySelectorAll('.item-row')); }
  function lineRows() { return Array.from(budget.querySelectorAll('.new-line-row')); }
  const cell = (row, f) => row.querySelector('[id^="budget-new-' + f + '-"]').value.trim();

  /** The items the form holds, each with the row it came from (changes first, then new lines). */
  function items() {
    const changes = changeRows().map(row => ({ row, item: { initiativeId: row.querySelector('select').value,
      deltaYen: row.querySelector('input.item-delta').value.trim() } })).filter(({ item }) => item.initiativeId || item.deltaYen);
    const created = lineRows().map(row => {
      const account = level(cell(row, 'account'));
      const kan = level(cell(row, 'kan')), kou = level(cell(row, 'kou')), moku = level(cell(row, 'moku'));
      const category = level(cell(row, 'category'));
      const item = { department: cell(row, 'department'), name: cell(row, 'name'), amountYen: cell(row, 'amount'),
        categoryCode: category ? category.code : null, categoryName: category ? category.name : null };
      if (account || kan || kou || moku) {
        Object.assign(item, { accountCode: account ? account.code : null, accountName: account ? account.name : null,
          side: cell(row, 'side'), subject: { kan, kou, moku } });
      }
      return { row, item };
    }).filter(({ item }) => item.name || item.amountYen || item.department);
    return [...changes, ...created];
  }

  /** The change per 会計 and side as typed: 歳入, 歳出 and their difference (a 会計 with both sides must stay balanced). */
  function totals() {
    const sums = new Map();
    const add = (account, side, yen) => {
      if (!Number.isFinite(yen) || yen === 0) return;
      const key = account || '—';
      const sum = sums.get(key) || { revenue: 0, expenditure: 0, unclassified: 0 };
      sum[side || 'unclassified'] += yen;
      sums.set(key, sum);
    };
    changeRows().forEach(row => {
      const select = row.querySelector('select');
      const line = (select.pickerLines || []).find(l => l.id === select.value);
      if (line) add(line.accountName, line.side, digits(row.querySelector('input.item-delta').value));
    });
    lineRows().forEach(row => {
      const account = level(cell(row, 'account'));
      const classified = account || cell(row, 'kan');
      add(account ? account.name : null, classified ? cell(row, 'side') : null, digits(cell(row, 'amount')));
    });
    document.querySelector('#budget-totals tbody').replaceChildren(...Array.from(sums.entries()).map(([account, sum]) => {
      const balance = sum.revenue - sum.expenditure;
      const bothSides = sum.unclassified === 0;
      return el('tr', { class: bothSides && balance !== 0 ? 'mismatch' : '' }, el('th', { scope: 'row', text: account === '—' ? t('sb.unclassified') : account }),
        el('td', { class: 'num', text: Ledger.yen(sum.revenue) + ' 円' }),
        el('td', { class: 'num', text: Ledger.yen(sum.expenditure + sum.unclassified) + ' 円' }),
        el('td', { class: 'num', text: bothSides ? Ledger.yen(balance) + ' 円' : '—' }));
    }));
  }

  const dateField = { assembly: 'submittedOn', senketsu: 'decidedOn', '': 'resolvedOn' };
  budget.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(budget);
    const body = values(budget, ['fiscalYear', 'name', 'reference', 'billNumber']);
    const procedure = budget.elements.procedure.value;
    if (procedure) body.procedure = procedure;
    body[dateField[procedure]] = budget.elements.date.value || null;
    const held = items();
    body.items = held.map(h => h.item);
    try {
      const result = await api('/api/supplementary-budgets', { method: 'POST', json: body });
      budget.querySelector('.notice').textContent = outcome(result, r => (r.title || r.name || '') + ' ' + r.id);
    } catch (error) {
      const problems = (error.problem && error.problem.errors) || [];
      const onRows = problems.filter(p => /^items\[\d+\]/.test(p.field || ''));
      onRows.forEach(p => {
        const held_ = held[Number(/^items\[(\d+)\]/.exec(p.field)[1])];
        const slot = held_ && held_.row.querySelector('.row-error') || (held_ && held_.row.nextElementSibling
          && held_.row.nextElementSibling.querySelector('.row-error'));
        if (slot) slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + p.reason;
      });
      const rest = { ...error, message: error.message, problem: error.problem && { ...error.problem, errors: problems.filter(p => !onRows.includes(p)) } };
      if (onRows.length && !rest.problem.errors.length) {
        budget.querySelector('.form-error').textContent = t('sb.rowErrors');
      } else {
        Ledger.showErrors(budget, rest);
      }
    }
  });

  const book = document.getElementById('book');
  book.elements.fiscalYear.value = year;
  const bookCommit = document.getElementById('book-commit');
  const progressBox = document.getElementById('book-progress-box');
  const progress = document.getElementById('book-progress');
  const progressLabel = document.getElementById('book-progress-label');

  /** Shows the upload's progress, then an indeterminate bar while the server reads and records the book. */
  function showProgress(sent, total) {
    progressBox.classList.remove('hidden');
    if (sent === null || !total) {
      progress.removeAttribute('value');
      progressLabel.textContent = t('book.working');
    } else {
      progress.value = Math.round(100 * sent / total);
      progressLabel.textContent = t('book.sending', progress.value);
    }
  }

  function bookResult(report) {
    document.getElementById('book-result').classList.remove('hidden');
    const rows = [];
    report.accounts.forEach(a => a.sides.forEach(side => side.kan.forEach(k => rows.push(el('tr', {},
      el('td', { text: (a.code ? a.code + ' ' : '') + a.name }), el('td', { text: t('side.' + side.side) }),
      el('td', { text: (k.code ? k.code + ' ' : '') + k.name }), el('td', { class: 'num', text: k.lineCount }),
      el('td', { class: 'num', text: thousand(k.totalYen) }))))));
    rows.push(el('tr', { class: 'subtotal' }, el('th', { scope: 'row', colspan: '3', text: t('book.total') }),
      el('td', { class: 'num', text: report.linesParsed }), el('td', { class: 'num', text: thousand(report.totalYen) })));
    if (report.expectedTotalYen !== null && report.expectedTotalYen !== undefined) {
      const matches = report.expectedTotalYen === report.totalYen;
      rows.push(el('tr', { class: matches ? '' : 'mismatch', id: 'book-printed' }, el('th', { scope: 'row', colspan: '3', text: t('book.printed') }),
        el('td', { text: matches ? t('book.match') : t('book.mismatch') }), el('td', { class: 'num', text: thousand(report.expectedTotalYen) })));
    }
    document.querySelector('#book-kan tbody').replaceChildren(...rows);
    document.querySelector('#book-errors tbody').replaceChildren(...(report.errors || []).map(e => el('tr', { class: 'mismatch' },
      el('td', { text: e.row || '' }), el('td', { text: e.field || '' }), el('td', { text: e.reason }))));
  }

  async function sendBook(dryRun) {
    Ledger.clearErrors(book);
    const file = book.elements.file.files[0];
    const bytes = file ? await file.arrayBuffer() : new ArrayBuffer(0);
    const expected = book.elements.expectedTotalYen.value.trim();
    const path = '/api/imports/budget-csv?' + Ledger.params({ fiscalYear: book.elements.fiscalYear.value, unit: book.elements.unit.value,
      side: book.elements.side.value, expectedTotalYen: expected ? String(Ledger.digits(expected)) : '', dryRun, fileName: file ? file.name : '' });
    try {
      const report = await Ledger.upload(path, bytes, 'text/csv', showProgress);
      bookResult(report);
      bookCommit.disabled = !dryRun || report.errors.length > 0 || report.added === 0;
      book.querySelector('.notice').textContent = report.message;
    } catch (error) {
      bookCommit.disabled = true;
      if (error.problem && error.problem.report) bookResult(error.problem.report);
      Ledger.showErrors(book, error);
    } finally {
      progressBox.classList.add('hidden');
    }
  }
  document.getElementById('book-preview').addEventListener('click', () => sendBook(true));
  book.addEventListener('submit', e => { e.preventDefault(); sendBook(false); });

  const importForm = document.getElementById('import');
  const commit = document.getElementById('import-commit');

  async function sendImport(dryRun) {
    Ledger.clearErrors(importForm);
    const file = importForm.elements.file.files[0];
    const bytes = file ? await file.arrayBuffer() : new ArrayBuffer(0);
    const path = '/api/imports?fiscalYear=' + encodeURIComponent(importForm.elements.fiscalYear.value) + '&dryRun=' + dryRun;
    try {
      const report = await api(path, { method: 'POST', bytes });
      preview(report);
      commit.disabled = !dryRun || report.errors.length > 0 || report.added === 0;
      importForm.querySelector('.notice').textContent = report.message;
    } catch (error) {
      commit.disabled = true;
      if (error.problem && error.problem.report) preview(error.problem.report);
      Ledger.showErrors(importForm, error);
    }
  }

  function preview(report) {
    document.getElementById('preview').classList.remove('hidden');
    document.querySelector('#preview-sections tbody').replaceChildren(...report.sections.map(s => el('tr', {},
      el('td', { text: s.code }), el('td', { text: s.name }), el('td', { class: 'num', text: s.lines }), el('td', { class: 'num', text: thousand(s.sumYen) }))));
    document.querySelector('#preview-checks tbody').replaceChildren(...report.checks.map(c => el('tr', { class: c.matches ? '' : 'mismatch' },
      el('td', { text: c.row }), el('td', { text: c.label }), el('td', { class: 'num', text: thousand(c.printedYen) }),
      el('td', { class: 'num', text: thousand(c.computedYen) }), el('td', { text: c.matches ? t('ok') : t('mismatch') }))));
    document.querySelector('#preview-errors tbody').replaceChildren(...report.errors.map(e => el('tr', { class: 'mismatch' },
      el('td', { text: e.row || '' }), el('td', { text: e.field || '' }), el('td', { text: e.reason }))));
  }

  document.getElementById('import-preview').addEventListener('click', () => sendImport(true));
  importForm.addEventListener('submit', e => { e.preventDefault(); sendImport(false); });
  document.body.dataset.ready = 'true';
})();
