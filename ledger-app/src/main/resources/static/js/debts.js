'use strict';
(async () => {
  const { t, el, api, thousand, params } = Ledger;
  await Ledger.header('nav.debts');
  const year = document.getElementById('fiscalYear');
  await Ledger.fiscalYears(year, new URLSearchParams(location.search).get('fiscalYear'));
  const account = document.getElementById('account');

  /** The 第3表 / 調書 of the year: each commitment binding it, from the report (so the page shows what the CSV and XLSX print). */
  async function load(minPosition) {
    const query = { fiscalYear: year.value, account: account.value.trim(), minPosition };
    const report = await api('/api/reports/debt-commitments?' + params(query));
    document.querySelector('#debts tbody').replaceChildren(...report.records.map(r => el('tr', {},
      el('td', { text: r['会計'] }), el('td', { text: r['事項'] + (r['所管'] ? '（' + r['所管'] + '）' : '') }), el('td', { text: r['期間'] }),
      el('td', { class: 'num', text: r['限度額(円)'] === null ? '' : thousand(r['限度額(円)']) }), el('td', { text: r['限度額（文言）'] || '' }),
      el('td', { text: r['議決'] }), el('td', { text: r['補正の経過'] || '' }))));
    document.getElementById('no-debts').classList.toggle('hidden', report.records.length > 0);
    const download = format => '/api/reports/debt-commitments?' + params({ fiscalYear: year.value, account: account.value.trim(), format });
    document.getElementById('debts-csv').href = download('csv');
    document.getElementById('debts-xlsx').href = download('xlsx');
    document.getElementById('debts-pdf').href = download('pdf');
    if (Ledger.has('OFFICER')) await choices(minPosition);
    document.body.dataset.ready = 'true';
  }

  /** The forms' choices: the year's bills in force (never typed as ids) and the commitments the year's budget set. */
  async function choices(minPosition) {
    const bills = (await api('/api/supplementary-budgets?' + params({ fiscalYear: year.value, minPosition })))
      .filter(b => b.inForcePosition !== null && b.inForcePosition !== undefined)
      .map(b => el('option', { value: b.id, text: (b.title ? b.title + ' ' : '') + b.name }));
    document.getElementById('debt-set-basis').replaceChildren(el('option', { value: '', text: t('debts.initial') }), ...bills.map(o => o.cloneNode(true)));
    document.getElementById('debt-amend-basis').replaceChildren(el('option', { value: '', text: t('debts.chooseBill') }), ...bills);
    const commitments = (await api('/api/debt-commitments?' + params({ fiscalYear: year.value, minPosition })))
      .filter(c => c.fiscalYear === Number(year.value) && c.state === 'in-force');
    document.getElementById('debt-amend-id').replaceChildren(el('option', { value: '', text: t('debts.chooseCommitment') }),
      ...commitments.map(c => el('option', { value: c.id, text: c.matter + '（' + c.accountName + '、' + Ledger.era(c.periodFrom) + '～'
        + Ledger.era(c.periodTo) + '、' + (c.limitYen === null ? c.limitText : thousand(c.limitYen) + t('thousandYen')) + '）' })));
  }

  const value = (form, name) => form.elements[name].value.trim() || null;
  const number = (form, name) => value(form, name) === null ? null : Number(value(form, name).replace(/[,，]/g, ''));

  function submit(form, request) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      Ledger.clearErrors(form);
      try {
        const [path, body] = request();
        const result = await api(path, { method: 'POST', json: body });
        form.querySelector('.notice').textContent = t('recorded') + ' ' + result.id;
        await load(result.position);
      } catch (error) {
        Ledger.showErrors(form, error);
      }
    });
  }

  const set = document.getElementById('debt-set');
  submit(set, () => ['/api/debt-commitments', { fiscalYear: Number(year.value), matter: value(set, 'matter'),
    accountCode: value(set, 'accountCode'), accountName: value(set, 'accountName'), department: value(set, 'department'),
    periodFrom: number(set, 'periodFrom'), periodTo: number(set, 'periodTo'), limitYen: number(set, 'limitYen'),
    limitText: value(set, 'limitText'), supplementaryBudgetId: value(set, 'supplementaryBudgetId'),
    effectiveDate: value(set, 'effectiveDate'), reason: value(set, 'reason'), reference: value(set, 'reference') }]);
  const amend = document.getElementById('debt-amend');
  submit(amend, () => {
    const kind = amend.elements.kind.value;
    const body = { supplementaryBudgetId: value(amend, 'supplementaryBudgetId'), reason: value(amend, 'reason'), reference: value(amend, 'reference') };
    if (kind === 'amendments') Object.assign(body, { limitYen: number(amend, 'limitYen'), limitText: value(amend, 'limitText'), periodTo: number(amend, 'periodTo') });
    if (!value(amend, 'id')) throw Object.assign(new Error(t('debts.chooseCommitment')), { problem: { errors: [{ field: 'id', reason: t('debts.chooseCommitment') }] } });
    return ['/api/debt-commitments/' + encodeURIComponent(value(amend, 'id')) + '/' + kind, body];
  });
  amend.elements.kind.addEventListener('change', () => ['limitYen', 'limitText', 'periodTo'].forEach(n =>
    amend.elements[n].closest('label').classList.toggle('hidden', amend.elements.kind.value !== 'amendments')));

  document.getElementById('debt-forms').classList.toggle('hidden', !Ledger.has('OFFICER'));
  year.addEventListener('change', () => load());
  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  await load();
})();
