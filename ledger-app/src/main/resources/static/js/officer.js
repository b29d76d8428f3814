'use strict';
(async () => {
  const { t, el, api, thousand } = Ledger;
  await Ledger.header('nav.officer');
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
    const result = await api('/api/initiatives', { method: 'POST', json: values(add,
      ['fiscalYear', 'categoryCode', 'categoryName', 'department', 'name', 'amountYen', 'carryoverLimitYen', 'summary', 'effectiveDate',
        'reason', 'reference']) });
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

  let itemCount = 0;
  function addItem() {
    itemCount++;
    const select = el('select', { class: 'item-line', id: 'budget-item-' + itemCount, 'aria-label': t('transfer.fromLine') });
    const delta = el('input', { class: 'item-delta', id: 'budget-delta-' + itemCount, inputmode: 'numeric', 'aria-label': t('sb.delta'), placeholder: t('sb.delta') });
    const remove = el('button', { type: 'button', class: 'secondary', text: t('sb.removeItem') });
    const row = el('div', { class: 'item-row' }, select, delta, remove);
    remove.addEventListener('click', () => row.remove());
    document.getElementById('budget-add-item').before(row);
    Ledger.linePicker(select, budget.elements.fiscalYear.value);
  }
  document.getElementById('budget-add-item').addEventListener('click', addItem);
  addItem();

  const dateField = { assembly: 'submittedOn', senketsu: 'decidedOn', '': 'resolvedOn' };
  submit(budget, async () => {
    const body = values(budget, ['fiscalYear', 'name', 'reference', 'billNumber']);
    const procedure = budget.elements.procedure.value;
    if (procedure) body.procedure = procedure;
    body[dateField[procedure]] = budget.elements.date.value || null;
    const changes = Array.from(budget.querySelectorAll('.item-row'))
      .map(row => ({ initiativeId: row.querySelector('select').value, deltaYen: row.querySelector('input.item-delta').value.trim() }))
      .filter(item => item.initiativeId || item.deltaYen);
    const created = budget.elements.newLines.value.split('\n').map(l => l.trim()).filter(Boolean).map(line => {
      const cells = line.split(',').map(c => c.trim());
      return { categoryCode: cells[1], categoryName: cells[2], department: cells[3], name: cells[4], amountYen: cells[5] };
    });
    body.items = [...changes, ...created];
    const result = await api('/api/supplementary-budgets', { method: 'POST', json: body });
    return outcome(result, r => (r.title || r.name || '') + ' ' + r.id);
  });

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
