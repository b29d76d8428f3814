'use strict';
(async () => {
  const { t, el, api, thousand, params, instant } = Ledger;
  await Ledger.header('nav.subjects');
  const form = document.getElementById('controls');
  const year = document.getElementById('fiscalYear');
  const stage = document.getElementById('stage');
  const query = new URLSearchParams(location.search);
  await Ledger.fiscalYears(year, query.get('fiscalYear'));
  document.getElementById('effectiveOn').value = query.get('effectiveOn') || '';
  let tree = [];
  let lines = [];
  let path = (query.get('path') || '').split('/').filter(p => p !== '').map(Number);
  let chart;

  const stages = () => Ledger.stages(stage, year.value);

  function moment() {
    return { fiscalYear: year.value, effectiveOn: document.getElementById('effectiveOn').value,
      asOf: instant(document.getElementById('asOf').value), stage: stage.value };
  }

  function label(node) {
    if (node.level === 'side') return t('side.' + node.code);
    return (node.code ? node.code + ' ' : '') + node.name;
  }

  /** The nodes from the root down along {@code path} (indexes into each level's children). */
  function trail() {
    const nodes = [];
    let level = tree;
    for (const index of path) {
      const node = level[index];
      if (!node) break;
      nodes.push(node);
      level = node.children || [];
    }
    path = path.slice(0, nodes.length);
    return nodes;
  }

  function go(newPath) {
    path = newPath;
    const q = new URLSearchParams(location.search);
    q.set('fiscalYear', year.value);
    if (path.length) q.set('path', path.join('/')); else q.delete('path');
    history.replaceState(null, '', '?' + q.toString());
    render();
  }

  function render() {
    const nodes = trail();
    const current = nodes[nodes.length - 1];
    const children = current ? (current.children || []) : tree;
    const crumbs = document.getElementById('crumbs');
    const top = el('button', { type: 'button', class: 'link', text: t('subjects.all') });
    top.addEventListener('click', () => go([]));
    crumbs.replaceChildren(el('li', {}, top), ...nodes.map((node, i) => {
      if (i === nodes.length - 1) return el('li', { 'aria-current': 'location', text: label(node) });
      const b = el('button', { type: 'button', class: 'link', text: label(node) });
      b.addEventListener('click', () => go(path.slice(0, i + 1)));
      return el('li', {}, b);
    }));
    const total = current ? current.totalYen : tree.reduce((s, n) => s + n.totalYen, 0);
    const count = current ? current.lineCount : tree.reduce((s, n) => s + n.lineCount, 0);
    document.getElementById('nodeName').textContent = current ? label(current) : t('subjects.all');
    document.getElementById('nodeTotal').textContent = thousand(total);
    document.getElementById('nodeCount').textContent = count;
    const levelName = children.length ? t('level.' + children[0].level) : '';
    document.getElementById('chartCaption').textContent = t('subjects.childrenOf', levelName);
    document.getElementById('tableCaption').textContent = t('subjects.childrenOf', levelName);
    document.querySelector('#children tbody').replaceChildren(...(children.length ? children.map((node, i) => {
      const name = (node.children && node.children.length) || node.lineCount > 0
        ? (() => { const b = el('button', { type: 'button', class: 'link', text: node.level === 'side' ? t('side.' + node.code) : node.name });
            b.addEventListener('click', () => go([...path, i])); return b; })()
        : document.createTextNode(node.level === 'side' ? t('side.' + node.code) : node.name);
      return el('tr', {}, el('td', { text: node.level === 'side' ? '' : (node.code || '') }), el('th', { scope: 'row' }, name),
        el('td', { class: 'num', text: thousand(node.totalYen) }), el('td', { class: 'num', text: node.lineCount }));
    }) : [el('tr', {}, el('td', { colspan: 4, text: t('no.lines') }))]));
    if (chart) chart.destroy();
    chart = Ledger.barChart('childrenChart', children.map(label), children.map(n => Math.round(n.totalYen / 1000)));
    const leaf = current && !children.length;
    document.getElementById('leaf').classList.toggle('hidden', !leaf);
    if (leaf) {
      const held = lines.filter(l => l.status !== 'WITHDRAWN' && under(l, nodes));
      document.querySelector('#leaf-lines tbody').replaceChildren(...held.map(l => el('tr', {},
        el('th', { scope: 'row' }, el('a', { href: '/line.html?id=' + encodeURIComponent(l.id), text: l.name })),
        el('td', { text: l.department }), el('td', { class: 'num', text: thousand(l.amountYen) }))));
    }
  }

  /** Whether a line sits under every node of the trail (会計, side, then each 科目 level by its code, else its name). */
  function under(line, nodes) {
    return nodes.every(node => {
      if (!line.subject) return !node.code && node.name === '未分類';
      if (node.level === 'account') return (node.code || null) === (line.accountCode || null) && node.name === line.accountName;
      if (node.level === 'side') return node.code === line.side;
      const level = line.subject[node.level];
      return !!level && (node.code ? node.code === level.code : node.name === level.name);
    });
  }

  async function show() {
    Ledger.yearBadge(document.getElementById('year-state'), year.value);
    const m = moment();
    const q = params(m);
    const [nodes, balance, held] = await Promise.all([api('/api/totals/tree?' + q + '&depth=moku'), api('/api/totals/balance?' + q),
      api('/api/initiatives?' + params({ fiscalYear: m.fiscalYear, effectiveOn: m.effectiveOn, asOf: m.asOf }))]);
    tree = nodes;
    lines = held;
    document.getElementById('moment').textContent = m.effectiveOn || m.asOf
      ? t('moment.at', m.effectiveOn ? Ledger.date(m.effectiveOn) : '—', m.asOf ? Ledger.dateTime(m.asOf) : t('now'))
      : t('moment.now');
    document.querySelector('#balance tbody').replaceChildren(...balance.map(b => el('tr', {},
      el('th', { scope: 'row', text: (b.accountCode ? b.accountCode + ' ' : '') + b.accountName }),
      el('td', { class: 'num', text: thousand(b.revenueYen) }), el('td', { class: 'num', text: thousand(b.expenditureYen) }),
      el('td', { class: 'num' + (b.differenceYen !== 0 ? ' ng' : ''), text: thousand(b.differenceYen) }))));
    document.getElementById('export-table1').href = '/api/reports/table1?' + q + '&format=xlsx';
    document.getElementById('export-detail').href = '/api/reports/detail?' + q + '&format=xlsx';
    document.getElementById('export-current').href = '/api/reports/current-budget?'
      + params({ fiscalYear: m.fiscalYear, effectiveOn: m.effectiveOn, asOf: m.asOf }) + '&format=xlsx';
    document.getElementById('export-table1-pdf').href = '/api/reports/table1?' + q + '&format=pdf';
    document.getElementById('export-detail-pdf').href = '/api/reports/detail?' + q + '&format=pdf';
    document.getElementById('export-current-pdf').href = '/api/reports/current-budget?'
      + params({ fiscalYear: m.fiscalYear, effectiveOn: m.effectiveOn, asOf: m.asOf }) + '&format=pdf';
    render();
  }

  form.addEventListener('submit', e => { e.preventDefault(); show(); });
  year.addEventListener('change', async () => { path = []; await stages(); show(); });
  document.getElementById('now').addEventListener('click', () => {
    document.getElementById('effectiveOn').value = ''; document.getElementById('asOf').value = ''; stage.value = ''; show();
  });
  await stages();
  await show();
  document.body.dataset.ready = 'true';
})();
