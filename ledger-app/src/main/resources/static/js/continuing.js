'use strict';
(async () => {
  const { t, el, api, thousand, params, instant } = Ledger;
  await Ledger.header('nav.continuing');
  const year = document.getElementById('fiscalYear');
  await Ledger.fiscalYears(year, new URLSearchParams(location.search).get('fiscalYear'));
  const asOf = document.getElementById('asOf');
  const num = yen => el('td', { class: 'num', text: thousand(yen) });

  /** The year's 継続費調書: a row per 継続費 with its figures for the year, then a row per year of its period. */
  async function load() {
    const query = { fiscalYear: year.value, asOf: instant(asOf.value) };
    const report = await api('/api/reports/continuing-expenses?' + params(query));
    const rows = [];
    report.continuingExpenses.forEach(e => {
      rows.push(el('tr', {}, el('th', { scope: 'row', text: e.name }), el('td', { text: e.kan || '' }), el('td', { text: e.kou || '' }),
        el('td', { text: e.firstYear + '–' + e.lastYear }), num(e.totalYen), num(e.shareOfYearYen), num(e.carriedIntoYearYen),
        num(e.carriedOutOfYearYen), num(e.sharesBeforeYen), num(e.sharesFromYen), num(e.remainingYen),
        el('td', { text: e.basis === '当初' ? t('ce.initial') : e.basis })));
      e.shares.forEach(s => rows.push(el('tr', { class: 'sub' }, el('td', {}), el('td', {}), el('td', {}),
        el('td', { text: s.fiscalYear + '（' + Ledger.era(s.fiscalYear) + '）' }), el('td', {}), num(s.amountYen), num(s.carriedInYen),
        num(s.carriedOutYen), el('td', {}), el('td', {}), el('td', {}), el('td', {}))));
    });
    document.querySelector('#statement tbody').replaceChildren(...rows);
    document.getElementById('ce-empty').classList.toggle('hidden', report.continuingExpenses.length > 0);
    document.getElementById('ce-csv').href = '/api/reports/continuing-expenses?' + params({ ...query, format: 'csv' });
    document.getElementById('ce-xlsx').href = '/api/reports/continuing-expenses?' + params({ ...query, format: 'xlsx' });
    document.getElementById('ce-pdf').href = '/api/reports/continuing-expenses?' + params({ ...query, format: 'pdf' });
    document.body.dataset.ready = 'true';
  }

  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  year.addEventListener('change', load);
  await load();
})();
