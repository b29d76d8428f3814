'use strict';
(async () => {
  const { t, el, api, thousand, params } = Ledger;
  await Ledger.header('nav.current');
  const query = new URLSearchParams(location.search);
  const year = document.getElementById('fiscalYear');
  await Ledger.fiscalYears(year, query.get('fiscalYear'));
  const form = document.getElementById('filters');
  const account = document.getElementById('account');
  const level = document.getElementById('level');
  const effectiveOn = document.getElementById('effectiveOn');
  const asOf = document.getElementById('asOf');
  if (query.get('level')) level.value = query.get('level');
  if (query.get('account')) account.value = query.get('account');

  const amount = yen => el('td', { class: 'num', text: thousand(yen) });

  /** The columns of a row's figures: 当初, each 補正, 予備費充用, 流用, (前年度繰越,) 予算現額. */
  function figures(f, carried) {
    return [amount(f.initialYen), ...f.supplementaryYen.map(amount), amount(f.reserveFundYen), amount(f.transferYen),
      ...(carried ? [amount(f.carriedYen)] : []), amount(f.currentYen)];
  }

  /** 予算現額 of the year per 会計 and side, as the report gives it (so the page shows what the CSV, XLSX and PDF print). */
  async function show() {
    const moment = { effectiveOn: effectiveOn.value || null, asOf: asOf.value ? Ledger.instant(asOf.value) : null };
    const asked = { fiscalYear: year.value, account: account.value.trim(), level: level.value, ...moment };
    const report = await api('/api/reports/current-budget?' + params(asked));
    const carried = report.total.carriedYen !== 0;
    const labels = { kan: ['kan'], kou: ['kan', 'kou'], moku: ['kan', 'kou', 'moku'], line: ['kan', 'kou', 'moku', 'line'] }[report.level];
    const headings = [...labels.map(l => t('current.col.' + l)), t('current.initial'), ...report.supplementaryBudgets.map(c => c.header),
      t('current.reserve'), t('current.transfer'), ...(carried ? [t('current.carried')] : []), t('current.current')];
    const head = () => el('thead', {}, el('tr', {}, ...headings.map((h, i) => el('th', { scope: 'col', class: i >= labels.length ? 'num' : '', text: h }))));
    const sections = report.groups.map(group => {
      const title = group.sideName ? group.accountName + ' ' + group.sideName : group.accountName;
      const rows = group.rows.map(row => {
        const own = row.code ? row.code + ' ' + row.name : row.name;
        const cells = labels.map((_, i) => el('td', { text: i === labels.length - 1 ? own : (row.path[i] || '') }));
        return el('tr', {}, ...cells, ...figures(row.figures, carried));
      });
      const subtotal = el('tr', { class: 'subtotal' }, el('th', { scope: 'row', colspan: String(labels.length),
        text: (group.sideName || group.accountName) + t('current.sum') }), ...figures(group.subtotal, carried));
      return el('section', {}, el('h2', { text: title }), el('table', { class: 'current' }, head(), el('tbody', {}, ...rows, subtotal)));
    });
    const total = report.groups.length ? [el('table', { class: 'current' }, head(), el('tbody', {}, el('tr', { class: 'subtotal' },
      el('th', { scope: 'row', colspan: String(labels.length), text: t('current.total') }), ...figures(report.total, carried))))] : [];
    document.getElementById('current-groups').replaceChildren(...sections, ...total);
    document.getElementById('no-current').classList.toggle('hidden', report.groups.length > 0);
    document.getElementById('current-moment').textContent = moment.effectiveOn || moment.asOf
      ? t('moment.at', moment.effectiveOn ? Ledger.date(moment.effectiveOn) : '—', moment.asOf ? Ledger.dateTime(moment.asOf) : t('now'))
      : t('moment.now');
    const download = format => '/api/reports/current-budget?' + params({ ...asked, format });
    document.getElementById('current-csv').href = download('csv');
    document.getElementById('current-xlsx').href = download('xlsx');
    document.getElementById('current-pdf').href = download('pdf');
    document.body.dataset.ready = 'true';
  }

  form.addEventListener('submit', e => { e.preventDefault(); show(); });
  await show();
})();
