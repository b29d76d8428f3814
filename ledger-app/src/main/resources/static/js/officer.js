'use strict';
(async () => {
  const { t, el, api, thousand } = Ledger;
  await Ledger.header('nav.officer');
  const year = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  ['add-fiscalYear', 'budget-fiscalYear', 'import-fiscalYear'].forEach(id => { document.getElementById(id).value = year; });

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
      ['fiscalYear', 'categoryCode', 'categoryName', 'department', 'name', 'amountYen', 'summary', 'effectiveDate', 'reason', 'reference']) });
    return t('recorded') + ' ' + t('id') + ': ' + result.id;
  });

  function move(form, path, names) {
    submit(form, async () => {
      const result = await api(path, { method: 'POST', json: values(form, names) });
      return t('recorded') + ' ' + result.id;
    });
  }
  const moved = ['fromId', 'toId', 'amountYen', 'effectiveDate', 'reason', 'reference'];
  move(document.getElementById('transfer'), '/api/transfers', moved.concat(['clause']));
  move(document.getElementById('reserve'), '/api/reserve-fund-uses', moved);

  const budget = document.getElementById('budget');
  submit(budget, async () => {
    const body = values(budget, ['fiscalYear', 'name', 'reference', 'resolvedOn']);
    body.items = budget.elements.items.value.split('\n').map(l => l.trim()).filter(Boolean).map(line => {
      const cells = line.split(',').map(c => c.trim());
      if (cells[0] === 'new') {
        return { categoryCode: cells[1], categoryName: cells[2], department: cells[3], name: cells[4], amountYen: cells[5] };
      }
      return { initiativeId: cells[0], deltaYen: cells[1] };
    });
    const result = await api('/api/supplementary-budgets', { method: 'POST', json: body });
    return t('recorded') + ' ' + result.id;
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
