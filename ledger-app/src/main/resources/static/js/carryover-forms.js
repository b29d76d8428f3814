/*
 * The carry-over forms: on officer.html the 繰越 form (a line picked from the searchable list, the funding with a running sum),
 * on line.html the line's 繰越明許費 and carried amounts, where it was carried from, and the form of its limit.
 */
'use strict';
(async () => {
  const { t, el, api, thousand, yen } = Ledger;
  const digits = v => String(v || '').replace(/[,，\s]/g, '').replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xFEE0));
  const number = v => { const n = Number(digits(v)); return Number.isFinite(n) ? n : 0; };
  const blankToNull = v => (v === undefined || v === null || String(v).trim() === '') ? null : String(v).trim();

  const carryForm = document.getElementById('carryover');
  if (carryForm) {
    const year = document.getElementById('carryover-fiscalYear');
    const from = document.getElementById('carryover-fromId');
    const kind = document.getElementById('carryover-kind');
    const notRevenue = l => l.side !== 'revenue';
    await Ledger.fiscalYears(year);
    const refresh = minPosition => Ledger.linePicker(from, year.value, notRevenue, minPosition);
    year.addEventListener('change', () => refresh());
    await refresh();
    const sum = () => {
      const parts = [...carryForm.querySelectorAll('input.funding')].reduce((s, i) => s + number(i.value), 0);
      document.getElementById('carryover-sum').textContent = t('carry.sum', yen(parts), yen(number(carryForm.elements.amountYen.value) - parts));
    };
    carryForm.querySelectorAll('input.funding, #carryover-amountYen').forEach(i => i.addEventListener('input', sum));
    kind.addEventListener('change', () => document.getElementById('carryover-accident').classList.toggle('hidden', kind.value !== 'accident'));
    sum();
    carryForm.addEventListener('submit', async e => {
      e.preventDefault();
      Ledger.clearErrors(carryForm);
      const f = carryForm.elements;
      const funding = {};
      ['receivedYen', 'nationalPrefecturalYen', 'bondsYen', 'otherYen', 'generalYen'].forEach(n => { funding[n] = blankToNull(digits(f[n].value)); });
      const body = { kind: kind.value, fromId: blankToNull(f.fromId.value), amountYen: blankToNull(digits(f.amountYen.value)), funding,
        accidentReason: kind.value === 'accident' ? blankToNull(f.accidentReason.value) : null, decidedOn: blankToNull(f.decidedOn.value),
        reason: blankToNull(f.reason.value), reference: blankToNull(f.reference.value) };
      try {
        const result = await api('/api/carryovers', { method: 'POST', json: body });
        carryForm.querySelector('.notice').textContent = t('carry.done', result.carriedLineId);
        await refresh(result.position);
      } catch (error) {
        Ledger.showErrors(carryForm, error);
      }
    });
  }

  const limitForm = document.getElementById('carryover-limit');
  if (limitForm) {
    const id = new URLSearchParams(location.search).get('id');
    const me = await api('/api/me');
    let line = null;
    async function show(minPosition) {
      line = await api('/api/initiatives/' + encodeURIComponent(id) + (minPosition ? '?minPosition=' + minPosition : ''));
      document.getElementById('line-carryover-limit').textContent = line.carryoverLimitYen === null || line.carryoverLimitYen === undefined
        ? t('carry.limitNone') : thousand(line.carryoverLimitYen) + ' (' + yen(line.carryoverLimitYen) + ' 円)';
      document.getElementById('line-carried').textContent = thousand(line.carriedOverYen || 0) + ' (' + yen(line.carriedOverYen || 0) + ' 円)';
      if (line.carriedFrom) {
        document.querySelectorAll('.carried-from').forEach(n => n.classList.remove('hidden'));
        const source = document.getElementById('line-carried-from');
        source.replaceChildren(el('a', { href: '/line.html?id=' + encodeURIComponent(line.carriedFrom.initiativeId),
          text: line.carriedFrom.fiscalYear + '（' + Ledger.era(line.carriedFrom.fiscalYear) + '） ' + t('carry.kind.' + line.carriedFrom.kind) }));
      }
      const officer = me.roles.includes('OFFICER');
      document.getElementById('limit-section').classList.toggle('hidden',
        !officer || line.status === 'WITHDRAWN' || !!line.carriedFrom || line.side === 'revenue');
    }
    await show();
    const basis = document.getElementById('limit-basis');
    const budgets = await api('/api/supplementary-budgets?fiscalYear=' + line.fiscalYear);
    basis.replaceChildren(el('option', { value: '', text: t('carry.basis.initial') }),
      ...budgets.filter(b => b.inForcePosition !== null && b.inForcePosition !== undefined)
        .map(b => el('option', { value: b.id, text: b.title ? b.title + ' ' + b.name : b.name })));
    limitForm.addEventListener('submit', async e => {
      e.preventDefault();
      Ledger.clearErrors(limitForm);
      const f = limitForm.elements;
      const body = { limitYen: blankToNull(digits(f.limitYen.value)), supplementaryBudgetId: blankToNull(f.supplementaryBudgetId.value),
        effectiveDate: blankToNull(f.effectiveDate.value), reason: blankToNull(f.reason.value), reference: blankToNull(f.reference.value) };
      try {
        const result = await api('/api/initiatives/' + encodeURIComponent(id) + '/carryover-limit', { method: 'PUT', json: body });
        limitForm.querySelector('.notice').textContent = t('carry.limitSet');
        await show(result.position);
        document.getElementById('line-version').textContent = result.version;
      } catch (error) {
        Ledger.showErrors(limitForm, error);
      }
    });
  }
})();
