'use strict';
(async () => {
  const { t, el, api, thousand } = Ledger;
  await Ledger.header('nav.carryovers');
  const year = document.getElementById('fiscalYear');
  const asOf = document.getElementById('asOf');
  await Ledger.fiscalYears(year, new URLSearchParams(location.search).get('fiscalYear'));
  const cell = (text, cls) => el('td', { text: text === null || text === undefined ? '' : String(text), class: cls });
  const amount = yen => cell(yen === null || yen === undefined ? '' : thousand(yen), 'num');
  const none = columns => el('tr', {}, el('td', { colspan: String(columns), text: t('carryovers.none') }));

  function links(prefix, path, query) {
    document.getElementById(prefix + '-csv').href = path + '?' + query + '&format=csv';
    document.getElementById(prefix + '-xlsx').href = path + '?' + query + '&format=xlsx';
    document.getElementById(prefix + '-pdf').href = path + '?' + query + '&format=pdf';
  }

  function limits(table) {
    const rows = [];
    table.accounts.forEach(a => {
      a.rows.forEach(r => rows.push(el('tr', {}, cell(a.accountName), cell(r.kan), cell(r.kou),
        el('td', {}, el('a', { href: '/line.html?id=' + encodeURIComponent(r.initiativeId), text: r.name })), amount(r.limitYen), cell(r.basis),
        amount(r.carriedYen))));
      rows.push(el('tr', { class: 'subtotal' }, cell(a.accountName + ' ' + t('carryovers.total')), cell(''), cell(''), cell(''),
        amount(a.totalYen), cell(''), cell('')));
    });
    document.querySelector('#limits tbody').replaceChildren(...(rows.length ? rows : [none(7)]));
  }

  function statement(s) {
    const explicit = s.kind === 'explicit';
    const heads = ['carryovers.kan', 'carryovers.kou', 'carryovers.name', ...(explicit ? ['carryovers.limitYen'] : []), 'carryovers.amountYen',
      'carry.received', 'carry.national', 'carry.bonds', 'carry.other', 'carry.general', 'carryovers.explanation'];
    const numeric = key => key.endsWith('Yen') || key.startsWith('carry.');
    const table = el('table', { class: 'statement', 'data-kind': s.kind },
      el('caption', { text: s.title + '（' + t('carryovers.fundingThousand') + '）' }),
      el('thead', {}, el('tr', {}, ...heads.map(h => el('th', { scope: 'col', class: numeric(h) ? 'num' : null, text: t(h) })))));
    const body = el('tbody');
    const figures = (limit, x, funding) => [...(explicit ? [amount(limit)] : []), amount(x), amount(funding.receivedYen),
      amount(funding.nationalPrefecturalYen), amount(funding.bondsYen), amount(funding.otherYen), amount(funding.generalYen)];
    s.accounts.forEach(a => {
      body.append(el('tr', { class: 'section' }, el('th', { scope: 'rowgroup', colspan: String(heads.length), text: a.accountName })));
      a.rows.forEach(r => body.append(el('tr', {}, cell(r.kan), cell(r.kou),
        el('td', {}, el('a', { href: '/line.html?id=' + encodeURIComponent(r.carriedLineId), text: r.name })),
        ...figures(r.limitYen, r.amountYen, r.funding), cell(r.accidentReason || r.reason))));
      body.append(el('tr', { class: 'subtotal' }, cell(t('carryovers.total')), cell(''), cell(''), ...figures(a.limitYen, a.amountYen, a.funding),
        cell('')));
    });
    if (!s.accounts.length) body.append(none(heads.length));
    table.append(body);
    return table;
  }

  async function show() {
    const query = Ledger.params({ fiscalYear: year.value, asOf: Ledger.instant(asOf.value) });
    const [table, statements] = await Promise.all([api('/api/reports/carryover-limits?' + query), api('/api/reports/carryovers?' + query)]);
    limits(table);
    document.getElementById('statements').replaceChildren(...statements.statements.map(statement));
    links('limits', '/api/reports/carryover-limits', query);
    links('statements', '/api/reports/carryovers', query);
  }

  document.getElementById('filters').addEventListener('submit', async e => { e.preventDefault(); await show(); });
  year.addEventListener('change', show);
  await show();
  document.body.dataset.ready = 'true';
})();
