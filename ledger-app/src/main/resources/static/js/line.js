'use strict';
(async () => {
  const { t, el, api, thousand, yen } = Ledger;
  await Ledger.header('nav.lines');
  const id = new URLSearchParams(location.search).get('id');

  async function load(minPosition) {
    const line = await api('/api/initiatives/' + encodeURIComponent(id) + (minPosition ? '?minPosition=' + minPosition : ''));
    document.getElementById('line-name').textContent = line.name;
    document.getElementById('line-id').textContent = line.id;
    document.getElementById('line-year').textContent = line.fiscalYear + '（' + Ledger.era(line.fiscalYear) + '）';
    document.getElementById('line-department').textContent = line.department;
    document.getElementById('line-category').textContent = line.categoryCode ? line.categoryCode + '. ' + line.categoryName : '—';
    document.getElementById('line-subject').textContent = Ledger.subjectPath(line);
    document.getElementById('line-amount').textContent = thousand(line.amountYen) + ' (' + yen(line.amountYen) + ' 円)';
    document.getElementById('line-status').textContent = t('status.' + line.status);
    document.getElementById('line-version').textContent = line.version;
    document.getElementById('line-summary').textContent = line.summary || '—';
    const officer = Ledger.has('OFFICER') && line.status !== 'WITHDRAWN';
    ['amend-section', 'reassign-section', 'correct-section'].forEach(section => document.getElementById(section).classList.toggle('hidden', !officer));
    await history();
  }

  async function history() {
    const list = document.getElementById('history');
    try {
      const events = await api('/api/initiatives/' + encodeURIComponent(id) + '/history');
      corrections(events);
      list.replaceChildren(...events.map(e => el('li', {},
        el('div', { class: 'when', text: Ledger.dateTime(e.recordedAt) + ' · ' + (e.actor || '—') + ' · ' + t('effective') + ' ' + (e.effectiveDate ? Ledger.date(e.effectiveDate) : '—') }),
        el('div', {}, el('span', { class: 'badge', text: Ledger.eventType(e.type) }), ' ', e.reason || ''),
        ...(e.changes && (e.changes.subjectPathAfter || e.changes.subjectPath)
          ? [el('div', { text: e.changes.subjectPathAfter && e.changes.subjectPathAfter !== e.changes.subjectPathBefore
            ? e.changes.subjectPathBefore + ' → ' + e.changes.subjectPathAfter : (e.changes.subjectPath || e.changes.subjectPathAfter) })] : []),
        el('div', { text: (e.reference ? e.reference + ' · ' : '') + (e.amountAfterYen !== null && e.amountAfterYen !== undefined
          ? (e.amountBeforeYen !== null && e.amountBeforeYen !== undefined ? yen(e.amountBeforeYen) + ' → ' : '') + yen(e.amountAfterYen) + ' 円' : '') }))));
    } catch (error) {
      if (error.status === 403) document.getElementById('history-denied').classList.remove('hidden'); else throw error;
    }
  }

  /** The amendments one may correct, each named by when, by how much and why; those corrected already are left out. */
  function corrections(events) {
    const isCorrection = e => e.changes && e.changes.cause && e.changes.cause.kind === 'correction';
    const corrected = new Set(events.filter(isCorrection).map(e => Number(e.changes.cause.id)));
    const amendments = events.filter(e => e.type === 'AmountAmended' && !isCorrection(e) && !corrected.has(e.sequence));
    document.getElementById('correct-sequence').replaceChildren(el('option', { value: '', text: t('correct.none') }),
      ...amendments.map(e => el('option', { value: e.sequence, text: Ledger.dateTime(e.recordedAt) + ' · '
        + (e.amountBeforeYen !== null ? yen(e.amountBeforeYen) + ' → ' : '') + yen(e.amountAfterYen) + ' 円 · ' + (e.reason || '') })));
  }

  const reassign = document.getElementById('reassign');
  reassign.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(reassign);
    const value = name => reassign.elements[name].value.trim() || null;
    const body = { department: value('department'), categoryCode: value('categoryCode'), categoryName: value('categoryName'),
      effectiveDate: value('effectiveDate'), reason: reassign.elements.reason.value, reference: value('reference') };
    const subject = { kan: Ledger.level(value('kan')), kou: Ledger.level(value('kou')), moku: Ledger.level(value('moku')) };
    if (subject.kan || subject.kou || subject.moku) body.subject = subject;
    try {
      const result = await api('/api/initiatives/' + encodeURIComponent(id) + '/reassignments', { method: 'POST', json: body });
      reassign.querySelector('.notice').textContent = t('recorded');
      reassign.reset();
      await load(result.position);
    } catch (error) {
      Ledger.showErrors(reassign, error);
    }
  });

  const correct = document.getElementById('correct');
  correct.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(correct);
    try {
      const result = await api('/api/initiatives/' + encodeURIComponent(id) + '/corrections', { method: 'POST', json: {
        sequence: correct.elements.sequence.value === '' ? null : Number(correct.elements.sequence.value),
        reason: correct.elements.reason.value, reference: correct.elements.reference.value.trim() || null } });
      correct.querySelector('.notice').textContent = t('recorded');
      correct.reset();
      await load(result.position);
    } catch (error) {
      Ledger.showErrors(correct, error);
    }
  });

  const form = document.getElementById('amend');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(form);
    const kind = form.querySelector('input[name="kind"]:checked').value;
    const body = { [kind]: form.amount.value.trim(), effectiveDate: form.effectiveDate.value || null,
      reason: form.reason.value, reference: form.reference.value || null };
    try {
      const result = await api('/api/initiatives/' + encodeURIComponent(id) + '/amendments', { method: 'POST', json: body });
      form.querySelector('.notice').textContent = t('recorded');
      form.reset();
      await load(result.position);
    } catch (error) {
      Ledger.showErrors(form, error);
    }
  });
  await load();
  document.body.dataset.ready = 'true';
})();
