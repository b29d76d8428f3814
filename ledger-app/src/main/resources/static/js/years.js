'use strict';
(async () => {
  const { t, el, api, instant, era, japanTime } = Ledger;
  await Ledger.header('nav.years');
  const name = y => y + '（' + era(y) + '）';
  const closeForm = document.getElementById('close');
  const reopenForm = document.getElementById('reopen');

  function state(y) {
    if (y.closed) return t('year.state.closed') + ' ' + t('year.closedOn', y.closedOn) + (y.forced ? '（' + t('years.forced') + '）' : '');
    return t('year.state.' + y.phase);
  }

  function options(select, years) {
    const current = select.value;
    select.replaceChildren(...years.map(y => el('option', { value: y, text: name(y) })));
    if (years.map(String).includes(current)) select.value = current;
  }

  async function load(minPosition) {
    const asOf = instant(document.getElementById('asOf').value);
    const years = await api('/api/fiscal-years?' + Ledger.params({ asOf, minPosition }));
    document.querySelector('#years tbody').replaceChildren(...years.map(y => el('tr', { id: 'year-' + y.fiscalYear },
      el('th', { scope: 'row', text: name(y.fiscalYear) }), el('td', { text: y.period.firstDay + ' – ' + y.period.lastDay }),
      el('td', { text: y.settlementEnd }),
      el('td', {}, el('span', { class: 'badge year-state', 'data-state': y.closed ? 'closed' : y.phase, text: state(y) })),
      el('td', { text: y.closed ? (y.closedBy || '') + ' ' + japanTime(y.closedAt) : t('years.none') }),
      el('td', { text: y.closed ? y.reason + (y.reference ? '（' + y.reference + '）' : '') : '' }),
      el('td', { class: 'mono', text: y.seal ? y.seal.treeSize + ' / ' + y.seal.rootHash.substring(0, 16) + '…' : t('years.none') }),
      el('td', { text: y.reopenings.map(r => japanTime(r.reopenedAt) + ' ' + t('years.reopenedBy', r.requestedBy, r.approvedBy) + ' ' + r.reason)
        .join('\n') || t('years.none') }),
      el('td', { text: y.pendingReopening ? y.pendingReopening.requestedBy + '：' + y.pendingReopening.reason : t('years.none') }))));
    const current = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
    const known = years.map(y => y.fiscalYear);
    options(closeForm.elements.fiscalYear, Array.from(new Set([...known.filter(y => !years.find(s => s.fiscalYear === y).closed), current]))
      .sort((a, b) => b - a));
    options(reopenForm.elements.fiscalYear, years.filter(y => y.closed).map(y => y.fiscalYear));
    document.body.dataset.ready = 'true';
  }

  const value = (form, field) => form.elements[field].value.trim() || null;
  closeForm.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(closeForm);
    const year = closeForm.elements.fiscalYear.value;
    try {
      const closed = await api('/api/fiscal-years/' + encodeURIComponent(year) + '/close', { method: 'POST',
        json: { reason: value(closeForm, 'reason'), reference: value(closeForm, 'reference'), force: closeForm.elements.force.checked } });
      await load(closed.position);
      closeForm.querySelector('.notice').textContent = t('years.closeDone', name(closed.fiscalYear), closed.treeHead ? closed.treeHead.treeSize : '—');
    } catch (error) {
      Ledger.showErrors(closeForm, error);
    }
  });
  reopenForm.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(reopenForm);
    const year = reopenForm.elements.fiscalYear.value;
    try {
      const drafted = await api('/api/fiscal-years/' + encodeURIComponent(year) + '/reopen', { method: 'POST',
        json: { reason: value(reopenForm, 'reason'), reference: value(reopenForm, 'reference') } });
      await load(drafted.position);
      reopenForm.querySelector('.notice').textContent = t('years.reopenDone', drafted.draftId);
    } catch (error) {
      Ledger.showErrors(reopenForm, error);
    }
  });
  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  document.getElementById('now').addEventListener('click', () => { document.getElementById('asOf').value = ''; load(); });
  document.getElementById('year-forms').classList.toggle('hidden', !(Ledger.has('APPROVER') || Ledger.has('ADMIN')));
  await load();
})();
