'use strict';
(async () => {
  const { t, el, api, thousand, japanTime } = Ledger;
  await Ledger.header('nav.bills');
  const year = document.getElementById('fiscalYear');
  await Ledger.fiscalYears(year, new URLSearchParams(location.search).get('fiscalYear'));

  const state = b => b.state || 'passed';
  const date = d => Ledger.date(d, true);

  /** The 会計 a bill's title names (「令和N年度○○会計補正予算（第M号）」), — for lines without one. */
  function accountOf(b) {
    const match = /年度(.+会計)補正予算/.exec(b.title || '');
    return match ? match[1] : '—';
  }

  function dates(b) {
    const parts = [];
    if (b.submittedOn) parts.push(t('state.submitted').replace(/（.*）|\(.*\)/, '') + ' ' + date(b.submittedOn));
    if (b.decidedOn) parts.push(t('state.senketsu') + ' ' + date(b.decidedOn));
    if (b.resolvedOn && !b.decidedOn) parts.push(t('bills.resolvedOn') + ' ' + date(b.resolvedOn));
    if (b.assemblyReport) parts.push(t('bills.report') + ' ' + t('state.' + b.assemblyReport) + ' ' + date(b.assemblyReportOn));
    return parts.join(' / ');
  }

  /** The items of a bill that change existing lines: what a 修正可決 form lets one amend. */
  const changes = b => (b.items || []).filter(i => !i.newLine);

  function form(b, kind) {
    const f = el('form', { class: 'controls', id: kind + '-' + b.id, novalidate: '' });
    const fieldErrors = name => el('div', { class: 'field-error', 'data-error-for': name });
    if (kind === 'resolution') {
      const outcome = el('select', { name: 'outcome' }, ...['passed', 'amended', 'rejected'].map(o => el('option', { value: o, text: t('bills.outcome.' + o) })));
      const on = el('input', { type: 'date', name: 'resolvedOn' });
      const amended = el('div', { class: 'hidden amended' }, ...changes(b).map(i => el('label', {},
        el('span', { text: (i.name || i.initiativeId) + (i.department ? '（' + i.department + '）' : '') }),
        el('input', { name: 'item:' + i.initiativeId, value: i.deltaYen, inputmode: 'numeric', 'aria-label': t('sb.delta') }))));
      outcome.addEventListener('change', () => amended.classList.toggle('hidden', outcome.value !== 'amended'));
      f.append(el('label', {}, el('span', { text: t('bills.outcome') }), outcome), el('label', {}, el('span', { text: t('bills.resolvedOn') }), on),
        amended, fieldErrors('outcome'), fieldErrors('resolvedOn'), fieldErrors('items'));
    } else {
      const outcome = el('select', { name: 'outcome' }, ...['approved', 'disapproved'].map(o => el('option', { value: o, text: t('bills.report.' + o) })));
      f.append(el('label', {}, el('span', { text: t('bills.report') }), outcome),
        el('label', {}, el('span', { text: t('bills.reportOn') }), el('input', { type: 'date', name: 'on' })), fieldErrors('outcome'), fieldErrors('on'));
    }
    f.append(el('button', { type: 'submit', class: 'primary', text: t(kind === 'resolution' ? 'bills.resolve' : 'bills.report') }),
      el('div', { class: 'form-error', role: 'alert' }), el('div', { class: 'notice', role: 'status' }));
    f.addEventListener('submit', async e => {
      e.preventDefault();
      Ledger.clearErrors(f);
      try {
        let body, path;
        if (kind === 'resolution') {
          body = { outcome: f.elements.outcome.value, resolvedOn: f.elements.resolvedOn.value || null };
          if (body.outcome === 'amended') {
            body.items = changes(b).map(i => ({ initiativeId: i.initiativeId, deltaYen: f.elements['item:' + i.initiativeId].value.trim() }));
          }
          path = '/api/supplementary-budgets/' + encodeURIComponent(b.id) + '/resolutions';
        } else {
          body = { outcome: f.elements.outcome.value, on: f.elements.on.value || null };
          path = '/api/supplementary-budgets/' + encodeURIComponent(b.id) + '/assembly-reports';
        }
        const result = await api(path, { method: 'POST', json: body });
        f.querySelector('.notice').textContent = result && result.draftId ? t('drafted.id', result.draftId) : t('recorded');
        await load(result && result.position);
      } catch (error) {
        Ledger.showErrors(f, error);
      }
    });
    return f;
  }

  /**
   * Each bill in force with its 会計's 歳入 and 歳出 totals before and after it (the stage before it: the initial budget or the
   * bill in force before it; transfers and uses of the reserve fund move money within a side and change neither).
   */
  async function beforeAfter(bills, minPosition) {
    const inForce = bills.filter(b => b.inForcePosition != null).sort((a, b) => a.inForcePosition - b.inForcePosition);
    const stageIds = ['initial', ...inForce.map(b => b.id)];
    const balances = await Promise.all(stageIds.map(stage => api('/api/totals/balance?' + Ledger.params({ fiscalYear: year.value, stage, minPosition }))));
    const found = new Map();
    inForce.forEach((b, i) => {
      const account = accountOf(b);
      const pick = rows => rows.find(r => r.accountName === account) || (account === '—' && rows.length === 1 ? rows[0] : null);
      let before = null;
      for (let k = i; k >= 0 && !before; k--) before = pick(balances[k]);
      const after = pick(balances[i + 1]);
      if (after) found.set(b.id, { before: before || { revenueYen: 0, expenditureYen: 0 }, after });
    });
    return found;
  }

  const figures = (yen1, yen2) => thousand(yen1) + ' → ' + thousand(yen2);

  /** The year's bills; after a change, as of its position (the read model waits for it). */
  async function load(minPosition) {
    const bills = await api('/api/supplementary-budgets?' + Ledger.params({ fiscalYear: year.value, minPosition }));
    const sides = await beforeAfter(bills, minPosition);
    document.getElementById('no-bills').classList.toggle('hidden', bills.length > 0);
    const officer = Ledger.has('OFFICER');
    document.querySelector('#bills tbody').replaceChildren(...bills.map(b => {
      const actions = el('td', {});
      const summary = '/api/supplementary-budgets/' + encodeURIComponent(b.id) + '/summary?format=';
      actions.append(el('a', { href: summary + 'pdf', class: 'summary-pdf', text: t('bills.summary.pdf') }), ' ',
        el('a', { href: summary + 'xlsx', class: 'summary-xlsx', text: t('bills.summary.xlsx') }), ' ');
      if (officer && state(b) === 'submitted') actions.append(form(b, 'resolution'));
      if (officer && b.procedure === 'senketsu' && !b.assemblyReport) actions.append(form(b, 'report'));
      return el('tr', { class: state(b) === 'rejected' ? 'status-WITHDRAWN' : '' },
        el('td', { text: accountOf(b) }), el('td', { class: 'num', text: b.number ? '第' + b.number + '号' : '' }),
        el('td', { text: b.title || b.name }), el('td', { text: b.billNumber || b.reference || '' }),
        el('td', {}, el('span', { class: 'badge', text: t('state.' + state(b)) })), el('td', { text: dates(b) }),
        el('td', { class: 'num', text: thousand(b.deltaYen) }),
        el('td', { class: 'num', text: sides.has(b.id) ? figures(sides.get(b.id).before.revenueYen, sides.get(b.id).after.revenueYen) : '—' }),
        el('td', { class: 'num', text: sides.has(b.id) ? figures(sides.get(b.id).before.expenditureYen, sides.get(b.id).after.expenditureYen) : '—' }),
        actions);
    }));
    document.body.dataset.ready = 'true';
  }

  year.addEventListener('change', () => load());
  await load();
})();
