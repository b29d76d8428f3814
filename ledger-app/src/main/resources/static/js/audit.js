'use strict';
(async () => {
  const { t, el, api, thousand, yen, params, instant } = Ledger;
  await Ledger.header('nav.audit');
  if (!Ledger.onlyFor('AUDITOR')) return;
  const year = document.getElementById('fiscalYear');
  await Ledger.fiscalYears(year);
  document.getElementById('replay-fiscalYear').value = year.value;
  let page = 0;

  function filters() {
    const form = document.getElementById('log-filters');
    return { fiscalYear: year.value, actor: form.actor.value.trim(), department: form.department.value.trim(),
      from: form.from.value, to: form.to.value };
  }

  async function log() {
    const result = await api('/api/audit/events?' + params({ ...filters(), page, size: 50 }));
    document.querySelector('#log tbody').replaceChildren(...result.items.map(e => el('tr', {},
      el('td', { text: Ledger.dateTime(e.recordedAt) }), el('td', { text: Ledger.eventType(e.type) }), el('td', { text: e.department || '' }),
      el('td', { text: (e.subject || '') + (e.subjectPath ? '（' + e.subjectPath + '）' : '') }), el('td', { text: (e.actor || '') + (e.actorName ? '（' + e.actorName + '）' : '') }), el('td', { text: Ledger.date(e.effectiveDate) }),
      el('td', { text: e.reason || '' }), el('td', { text: e.reference || '' }),
      el('td', { class: 'num', text: e.amountBeforeYen === null ? '' : yen(e.amountBeforeYen) }),
      el('td', { class: 'num', text: e.amountAfterYen === null ? '' : yen(e.amountAfterYen) }))));
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    document.getElementById('page-info').textContent = t('page', page + 1, pages, result.total);
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = page + 1 >= pages;
    document.getElementById('log-csv').href = '/api/audit/events?' + params({ ...filters(), format: 'csv' });
  }

  document.getElementById('log-filters').addEventListener('submit', e => { e.preventDefault(); page = 0; log(); });
  document.getElementById('prev').addEventListener('click', () => { page--; log(); });
  document.getElementById('next').addEventListener('click', () => { page++; log(); });

  const replay = document.getElementById('replay');
  replay.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(replay);
    try {
      const report = await api('/api/audit/replays', { method: 'POST', json: { fiscalYear: replay.fiscalYear.value,
        effectiveOn: replay.effectiveOn.value || null, asOf: instant(replay.asOf.value) || null } });
      document.getElementById('replay-result').classList.remove('hidden');
      const verdict = document.getElementById('replay-verdict');
      verdict.className = report.matches ? 'ok' : 'ng';
      verdict.textContent = report.matches ? t('replay.match') : t('replay.diff') + ' ' + report.differences.join('; ');
      document.getElementById('replay-rate').textContent = t('replay.rate', report.eventsRead, report.millis, report.eventsPerSecond);
      const names = [...new Set([...Object.keys(report.replay.departmentsYen), ...Object.keys(report.readModel.departmentsYen)])];
      document.querySelector('#replay-departments tbody').replaceChildren(
        ...names.map(n => el('tr', {}, el('th', { scope: 'row', text: n }),
          el('td', { class: 'num', text: thousand(report.replay.departmentsYen[n] || 0) }),
          el('td', { class: 'num', text: thousand(report.readModel.departmentsYen[n] || 0) }))),
        el('tr', {}, el('th', { scope: 'row', text: t('total') }), el('td', { class: 'num', text: thousand(report.replay.totalYen) }),
          el('td', { class: 'num', text: thousand(report.readModel.totalYen) })));
    } catch (error) {
      Ledger.showErrors(replay, error);
    }
  });

  document.getElementById('verify').addEventListener('click', async () => {
    const out = document.getElementById('verify-result');
    out.textContent = '…';
    const report = await api('/api/audit/verify', { method: 'POST', json: {} });
    out.className = report.verified ? 'ok' : 'ng';
    out.textContent = report.verified ? t('verify.ok', report.eventsChecked) + ' SHA-256: ' + report.digest.digest
      : t('verify.broken', report.firstProblem.position, report.firstProblem.detail);
  });

  document.getElementById('digest').addEventListener('click', async () => {
    const digest = await api('/api/audit/digest');
    const link = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(digest, null, 2)], { type: 'application/json' })),
      download: 'budget-ledger-digest-' + digest.position + '.json' });
    document.body.append(link);
    link.click();
    link.remove();
  });

  await log();
  document.body.dataset.ready = 'true';
})();
