'use strict';
(async () => {
  const { t, el, api, thousand, params, instant } = Ledger;
  await Ledger.header('nav.lines');
  const query = new URLSearchParams(location.search);
  const year = document.getElementById('fiscalYear');
  await Ledger.fiscalYears(year, query.get('fiscalYear'));
  let lines = [];
  let sort = { key: null, direction: 1 };

  function options(select, values, keep) {
    select.replaceChildren(el('option', { value: '', text: t('filter.any') }), ...values.map(([value, label]) => el('option', { value, text: label })));
    if (values.some(([value]) => value === keep)) select.value = keep;
  }

  async function load() {
    const asOf = instant(document.getElementById('asOf').value);
    const effectiveOn = document.getElementById('effectiveOn').value;
    const raw = await api('/api/initiatives?' + params({ fiscalYear: year.value, asOf, effectiveOn }));
    lines = raw.map(l => ({ id: l.id, department: l.department, category: l.categoryCode ? l.categoryCode + '. ' + l.categoryName : '—', name: l.name,
      amountYen: l.amountYen, status: l.status || 'ACTIVE' }));
    const department = document.getElementById('department');
    const category = document.getElementById('category');
    options(department, [...new Set(lines.map(l => l.department))].map(d => [d, d]), department.value || query.get('department'));
    options(category, [...new Set(lines.map(l => l.category))].map(c => [c, c]), category.value);
    const base = '/api/reports/betsu?' + params({ fiscalYear: year.value });
    document.getElementById('export-betsu').href = base;
    document.getElementById('export-csv').href = base + '&format=csv';
    document.getElementById('export-xlsx').href = base + '&format=xlsx';
    document.getElementById('export-pdf').href = base + '&format=pdf';
    render();
  }

  function render() {
    const department = document.getElementById('department').value;
    const category = document.getElementById('category').value;
    const name = document.getElementById('name').value.trim().toLowerCase();
    let shown = lines.filter(l => (!department || l.department === department) && (!category || l.category === category)
      && (!name || l.name.toLowerCase().includes(name)));
    if (sort.key) {
      shown = [...shown].sort((a, b) => (a[sort.key] < b[sort.key] ? -1 : a[sort.key] > b[sort.key] ? 1 : 0) * sort.direction);
    }
    document.querySelector('#lines tbody').replaceChildren(...shown.map(l => el('tr', { class: 'status-' + l.status },
      el('td', { text: l.department }), el('td', { text: l.category }),
      el('td', {}, el('a', { href: '/line.html?id=' + encodeURIComponent(l.id), text: l.name })),
      el('td', { class: 'num', text: thousand(l.amountYen) }), el('td', { text: t('status.' + l.status) }))));
    document.getElementById('shown').textContent = shown.length;
    document.getElementById('sum').textContent = thousand(shown.reduce((s, l) => s + l.amountYen, 0));
    document.getElementById('empty').classList.toggle('hidden', shown.length > 0);
  }

  document.querySelectorAll('button.sort').forEach(button => button.addEventListener('click', () => {
    const key = button.dataset.key;
    sort = { key, direction: sort.key === key ? -sort.direction : 1 };
    document.querySelectorAll('th[aria-sort]').forEach(th => th.setAttribute('aria-sort', 'none'));
    button.parentElement.setAttribute('aria-sort', sort.direction === 1 ? 'ascending' : 'descending');
    render();
  }));
  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  ['department', 'category'].forEach(id => document.getElementById(id).addEventListener('change', render));
  document.getElementById('name').addEventListener('input', render);
  year.addEventListener('change', load);
  await load();
  document.body.dataset.ready = 'true';
})();
