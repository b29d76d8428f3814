'use strict';
(async () => {
  const { t, el, api, yen, japanTime } = Ledger;
  const me = await Ledger.header('nav.approvals');
  const stateSelect = document.getElementById('state');
  const names = new Map();

  async function lineName(id) {
    if (!id) return '';
    if (!names.has(id)) {
      names.set(id, api('/api/initiatives/' + encodeURIComponent(id)).then(Ledger.lineLabel, () => id));
    }
    return names.get(id);
  }

  /** What the draft would change, in words: lines by name and 科目, never by id alone. */
  async function describe(d) {
    const p = d.proposal || {};
    const amount = p.amountYen ?? (p.amount && (p.amount.yen ?? p.amount));
    const from = p.fromId && (p.fromId.value || p.fromId);
    const to = p.toId && (p.toId.value || p.toId);
    const parts = [];
    if (from || to) parts.push(await lineName(from) + ' → ' + await lineName(to));
    if (amount !== undefined && amount !== null) parts.push(yen(amount) + '円');
    if (p.name) parts.push(p.name);
    const reason = (p.change && p.change.reason) || p.reason;
    if (reason) parts.push(t('reason') + '：' + reason);
    return parts.join('　');
  }

  function decision(d) {
    const cell = el('td', {});
    if (d.state !== 'pending') {
      cell.textContent = [d.approver, d.decidedAt ? japanTime(d.decidedAt) : '', d.reason || ''].filter(Boolean).join(' / ');
      return cell;
    }
    if (!Ledger.has('APPROVER') || d.requester === me.name) return cell;
    const f = el('form', { class: 'controls', novalidate: '' });
    const reason = el('input', { name: 'reason', 'aria-label': t('approvals.rejectReason'), placeholder: t('approvals.rejectReason') });
    const approve = el('button', { type: 'button', class: 'primary', text: t('approvals.approve') });
    const reject = el('button', { type: 'button', class: 'secondary', text: t('approvals.reject') });
    f.append(approve, reason, el('div', { class: 'field-error', 'data-error-for': 'reason' }), reject,
      el('div', { class: 'form-error', role: 'alert' }), el('div', { class: 'notice', role: 'status' }));
    async function send(path, body) {
      Ledger.clearErrors(f);
      try {
        await api('/api/approvals/' + encodeURIComponent(d.id) + path, { method: 'POST', json: body });
        await load();
      } catch (error) {
        Ledger.showErrors(f, error);
      }
    }
    approve.addEventListener('click', () => send('/approve', {}));
    reject.addEventListener('click', () => send('/reject', { reason: reason.value.trim() || null }));
    cell.append(f);
    return cell;
  }

  async function load() {
    const drafts = await api('/api/approvals?state=' + encodeURIComponent(stateSelect.value));
    document.getElementById('no-drafts').classList.toggle('hidden', drafts.length > 0);
    const rows = [];
    for (const d of drafts) {
      rows.push(el('tr', { id: 'draft-' + d.id },
        el('td', { text: t('kind.' + d.kind) }), el('td', { text: await describe(d) }), el('td', { text: d.requester }),
        el('td', { text: d.requestedAt ? japanTime(d.requestedAt) : '' }), el('td', {}, el('span', { class: 'badge', text: t('state.' + d.state) })),
        decision(d)));
    }
    document.querySelector('#drafts tbody').replaceChildren(...rows);
    document.body.dataset.ready = 'true';
  }

  stateSelect.addEventListener('change', load);
  await load();
})();
