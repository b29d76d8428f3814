'use strict';
(async () => {
  const { t, el, api, thousand, params, instant } = Ledger;
  await Ledger.header('nav.dashboard');
  const form = document.getElementById('controls');
  const year = document.getElementById('fiscalYear');
  const stage = document.getElementById('stage');
  const query = new URLSearchParams(location.search);
  await Ledger.fiscalYears(year, query.get('fiscalYear'));
  document.getElementById('effectiveOn').value = query.get('effectiveOn') || '';
  const charts = {};

  const stages = () => Ledger.stages(stage, year.value);

  function chart(id, labels, values) {
    if (charts[id]) charts[id].destroy();
    charts[id] = Ledger.barChart(id, labels, values);
  }

  function table(id, rows) {
    document.querySelector('#' + id + ' tbody').replaceChildren(...rows.map(r =>
      el('tr', {}, el('th', { scope: 'row', text: r.label }), el('td', { class: 'num', text: thousand(r.totalYen) }),
        el('td', { class: 'num', text: r.initiativeCount }))));
  }

  async function show() {
    Ledger.yearBadge(document.getElementById('year-state'), year.value);
    const moment = { fiscalYear: year.value, effectiveOn: document.getElementById('effectiveOn').value,
      asOf: instant(document.getElementById('asOf').value), stage: stage.value };
    const q = params(moment);
    const [total, departments, categories] = await Promise.all([
      api('/api/totals?' + q), api('/api/totals/departments?' + q), api('/api/totals/categories?' + q)]);
    document.getElementById('total').textContent = thousand(total.totalYen);
    document.getElementById('count').textContent = total.initiativeCount;
    document.getElementById('moment').textContent = moment.effectiveOn || moment.asOf
      ? t('moment.at', moment.effectiveOn ? Ledger.date(moment.effectiveOn) : '—', moment.asOf ? Ledger.dateTime(moment.asOf) : t('now'))
      : t('moment.now');
    const deptRows = departments.map(d => ({ label: d.department, totalYen: d.totalYen, initiativeCount: d.initiativeCount }));
    const catRows = categories.map(c => ({ label: c.categoryCode + '. ' + c.categoryName, totalYen: c.totalYen, initiativeCount: c.initiativeCount }));
    chart('departmentChart', deptRows.map(r => r.label), deptRows.map(r => Math.round(r.totalYen / 1000)));
    chart('categoryChart', catRows.map(r => r.label), catRows.map(r => Math.round(r.totalYen / 1000)));
    table('departments', deptRows);
    table('categories', catRows);
    const base = '/api/reports/betsu?' + params({ fiscalYear: year.value });
    document.getElementById('export-betsu').href = base;
    document.getElementById('export-csv').href = base + '&format=csv';
    document.getElementById('export-xlsx').href = base + '&format=xlsx';
    document.getElementById('export-pdf').href = base + '&format=pdf';
  }

  form.addEventListener('submit', e => { e.preventDefault(); show(); });
  year.addEventListener('change', async () => { await stages(); show(); });
  document.getElementById('now').addEventListener('click', () => {
    document.getElementById('effectiveOn').value = ''; document.getElementById('asOf').value = ''; stage.value = ''; show();
  });
  await stages();
  await show();
  document.body.dataset.ready = 'true';
})();
