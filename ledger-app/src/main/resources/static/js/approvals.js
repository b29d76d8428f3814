'use strict';
(async () => {
  const { t, el, api, yen, has } = Ledger;
  const me = await Ledger.header('nav.approvals');
  const form = document.getElementById('decide');
  const names = new Map();

  async function lineName(id) {
    if (!names.has(id)) {
      names.set(id, api('/api/initiatives/' + encodeURIComponent(id)).then(line => line.name, () => id));
    }
    return names.get(id);
  }

  async function change(draft) {
    const p = draft.proposal;
    if (draft.kind === 'transfer') {
      return (await lineName(p.fromId)) + ' → ' + (await lineName(p.toId)) + ' ' + yen(p.amount) + ' ' + t('yen');
    }
    if (draft.kind === 'fiscal-year-reopening') return t('year.reopening', p.fiscalYear + '（' + Ledger.era(p.fiscalYear) + '）');
    return draft.kind;
  }

  function decision(draft) {
    if (draft.state !== 'pending' || !has('APPROVER') || draft.requester === me.name) {
      return el('td', { text: draft.decidedAt ? Ledger.dateTime(draft.decidedAt) + (draft.reason ? ' ' + draft.reason : '') : '' });
    }
    const reason = el('input', { id: 'reason-' + draft.id, 'aria-label': t('approval.rejectReason'), placeholder: t('approval.rejectReason') });
    const approve = el('button', { type: 'button', class: 'primary', id: 'approve-' + draft.id, text: t('approval.approve') });
    const reject = el('button', { type: 'button', class: 'secondary', id: 'reject-' + draft.id, text: t('approval.reject') });
    approve.addEventListener('click', () => decide(draft, 'approve', undefined));
    reject.addEventListener('click', () => decide(draft, 'reject', { reason: reason.value }));
    return el('td', {}, approve, ' ', reason, ' ', reject);
  }

  async function decide(draft, action, json) {
    Ledger.clearErrors(form);
    try {
      const result = await api('/api/approvals/' + encodeURIComponent(draft.id) + '/' + action, { method: 'POST', json });
      await list(result.position);
      form.querySelector('.notice').textContent = t(action === 'approve' ? 'approval.done' : 'approval.rejectedDone');
    } catch (error) {
      Ledger.showErrors(form, error);
    }
  }

  async function list(minPosition) {
    const state = document.getElementById('state').value;
    const query = new URLSearchParams();
    if (state) query.set('state', state);
    if (minPosition) query.set('minPosition', minPosition);
    const drafts = await api('/api/approvals?' + query);
    const rows = [];
    for (const d of drafts) {
      rows.push(el('tr', { id: 'draft-' + d.id },
        el('td', { text: Ledger.dateTime(d.requestedAt) }), el('td', { text: t('kind.' + d.kind) }),
        el('td', { text: d.requester }), el('td', { text: await change(d) }),
        el('td', { text: d.proposal.change.reason + (d.proposal.change.reference ? '（' + d.proposal.change.reference + '）' : '') }),
        el('td', { class: 'state', text: t('approval.' + d.state) }), el('td', { text: d.approver || '' }), decision(d)));
    }
    document.querySelector('#approvals tbody').replaceChildren(...rows);
    document.getElementById('no-approvals').classList.toggle('hidden', drafts.length > 0);
  }

  document.getElementById('approval-filters').addEventListener('submit', e => { e.preventDefault(); list(); });
  await list();
  document.body.dataset.ready = 'true';
})();
