'use strict';
(async () => {
  const { t, el, api } = Ledger;
  await Ledger.header('nav.provisions');
  const year = document.getElementById('fiscalYear');
  await Ledger.fiscalYears(year, new URLSearchParams(location.search).get('fiscalYear') || Ledger.currentFiscalYear());
  const printed = level => level ? (level.code ? level.code + ' ' : '') + level.name : '';

  const level = Ledger.level;

  /** The year's 予算総則, read from its own events (so a registration shows at once). */
  async function load() {
    const provisions = await api('/api/general-provisions/' + encodeURIComponent(year.value));
    document.querySelector('#clauses tbody').replaceChildren(...provisions.transferClauses.map(c => el('tr', {},
      el('td', { text: c.accountName }), el('td', { text: c.article }), el('td', { text: c.text }), el('td', { text: printed(c.kan) }),
      el('td', { text: (c.kous && c.kous.length ? t('level.kou') + '：' + c.kous.map(printed).join('、')
        : t('level.setsu') + '：' + (c.setsus || []).map(printed).join('、')) }))));
    document.querySelector('#barred tbody').replaceChildren(...provisions.barredSetsu.map(b => el('tr', {},
      el('td', { text: b.accountName }), el('td', { text: printed(b.setsu) }), el('td', { text: b.reason }))));
    document.body.dataset.ready = 'true';
  }

  function submit(form, body) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      Ledger.clearErrors(form);
      try {
        await api('/api/general-provisions/' + encodeURIComponent(year.value) + '/' + form.dataset.path,
          { method: 'POST', json: body() });
        form.querySelector('.notice').textContent = t('recorded');
        await load();
      } catch (error) {
        Ledger.showErrors(form, error);
      }
    });
  }

  const value = (form, name) => form.elements[name].value.trim() || null;
  const clause = document.getElementById('clause');
  clause.dataset.path = 'transfer-clauses';
  submit(clause, () => {
    const levels = clause.elements.levels.value.split('\n').map(level).filter(Boolean);
    return { accountCode: value(clause, 'accountCode'), accountName: value(clause, 'accountName'), article: value(clause, 'article'),
      text: value(clause, 'text'), kan: level(clause.elements.kan.value), [clause.elements.kind.value]: levels };
  });
  const bar = document.getElementById('bar');
  bar.dataset.path = 'barred-setsu';
  submit(bar, () => ({ accountCode: value(bar, 'accountCode'), accountName: value(bar, 'accountName'),
    setsu: level(bar.elements.setsu.value), reason: value(bar, 'reason') }));

  document.getElementById('provisions-forms').classList.toggle('hidden', !Ledger.has('OFFICER'));
  year.addEventListener('change', () => load());
  await load();
})();
