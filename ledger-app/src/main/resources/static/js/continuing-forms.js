'use strict';
/* officer.html: setting a 継続費 (its shares with a running sum against the total) and recording a 逓次繰越. */
(async () => {
  const { t, el, api, yen, params } = Ledger;
  const form = document.getElementById('ce');
  const carry = document.getElementById('ce-carry');
  const current = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  form.elements.fiscalYear.value = current;

  const level = Ledger.level;

  const digits = Ledger.digits;

  function shareRows() { return Array.from(form.querySelectorAll('.share-row')); }

  function showSum() {
    const sum = shareRows().reduce((total, row) => total + (digits(row.querySelector('.share-amount').value) || 0), 0);
    const total = digits(form.elements.totalYen.value) || 0;
    document.getElementById('ce-sum').textContent = t('ce.sum', yen(sum), yen(total)) + ' '
      + (sum === total ? t('ce.sumOk') : t('ce.sumNg', yen(sum - total)));
  }

  let shares = 0;
  function addShare() {
    shares++;
    const rows = shareRows();
    const first = Number(form.elements.fiscalYear.value) || current;
    const yearInput = el('input', { type: 'number', class: 'share-year', id: 'ce-share-year-' + shares, 'aria-label': t('ce.shareYear'),
      value: rows.length ? Number(rows[rows.length - 1].querySelector('.share-year').value) + 1 : first });
    const amount = el('input', { class: 'share-amount', id: 'ce-share-amount-' + shares, inputmode: 'numeric', 'aria-label': t('ce.shareAmount'),
      placeholder: t('ce.shareAmount') });
    const remove = el('button', { type: 'button', class: 'secondary', text: t('sb.removeItem') });
    const row = el('div', { class: 'item-row share-row' }, yearInput, amount, remove);
    remove.addEventListener('click', () => { row.remove(); showSum(); });
    amount.addEventListener('input', showSum);
    document.getElementById('ce-add-share').before(row);
    showSum();
  }
  document.getElementById('ce-add-share').addEventListener('click', addShare);
  form.elements.totalYen.addEventListener('input', showSum);
  addShare();
  addShare();

  async function bases() {
    const select = form.elements.supplementaryBudgetId;
    const year = form.elements.fiscalYear.value;
    const budgets = year ? await api('/api/supplementary-budgets?fiscalYear=' + encodeURIComponent(year)).catch(() => []) : [];
    select.replaceChildren(el('option', { value: '', text: t('ce.initial') }),
      ...budgets.filter(b => b.inForcePosition != null).map(b => el('option', { value: b.id, text: b.title ? b.title + ' ' + b.name : b.name })));
  }
  form.elements.fiscalYear.addEventListener('change', bases);
  await bases();

  form.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(form);
    const value = n => { const v = form.elements[n].value.trim(); return v === '' ? null : v; };
    const subject = { kan: level(value('kan')), kou: level(value('kou')), moku: level(value('moku')), jigyou: level(value('jigyou')) };
    const body = { fiscalYear: value('fiscalYear'), name: value('name'), department: value('department'), accountCode: value('accountCode'),
      accountName: value('accountName'), side: 'expenditure', subject, totalYen: value('totalYen'),
      shares: shareRows().map(row => ({ fiscalYear: row.querySelector('.share-year').value, amountYen: row.querySelector('.share-amount').value.trim() })),
      supplementaryBudgetId: value('supplementaryBudgetId'), effectiveDate: value('effectiveDate'), reason: value('reason'),
      reference: value('reference') };
    try {
      const result = await api('/api/continuing-expenses', { method: 'POST', json: body });
      form.querySelector('.notice').textContent = t('recorded') + ' ' + result.id + ' (' + result.fiscalYear + '–' + result.lastYear + ')';
      const first = String(result.fiscalYear);
      if (!Array.from(carryYear.options).some(o => o.value === first)) {
        carryYear.append(el('option', { value: first, text: first + '（' + Ledger.era(result.fiscalYear) + '）' }));
      }
      carryYear.value = first;
      await expenses(result.position);
    } catch (error) {
      Ledger.showErrors(form, error);
    }
  });

  const carryYear = carry.elements.fiscalYear;
  await Ledger.fiscalYears(carryYear);

  /** The 継続費 whose period covers the chosen year, picked by name and period (never typed as an id). */
  async function expenses(minPosition) {
    const list = await api('/api/continuing-expenses?' + params({ fiscalYear: carryYear.value, minPosition }));
    carry.elements.expense.replaceChildren(el('option', { value: '', text: t('ce.none') }),
      ...list.map(c => el('option', { value: c.id, text: c.name + '（' + c.department + '）' + c.fiscalYear + '–' + c.lastYear + ' ' + yen(c.totalYen) + '円' })));
    carry.elements.fromYear.value = carryYear.value;
  }
  carryYear.addEventListener('change', () => expenses());
  await expenses();

  carry.addEventListener('submit', async e => {
    e.preventDefault();
    Ledger.clearErrors(carry);
    const id = carry.elements.expense.value;
    const body = { fromYear: carry.elements.fromYear.value, amountYen: carry.elements.amountYen.value.trim() || null,
      reason: carry.elements.reason.value.trim() || null, reference: carry.elements.reference.value.trim() || null };
    try {
      if (!id) throw Object.assign(new Error(t('ce.none')), { problem: null });
      const result = await api('/api/continuing-expenses/' + encodeURIComponent(id) + '/carry-forward', { method: 'POST', json: body });
      carry.querySelector('.notice').textContent = t('recorded') + ' ' + result.fromYear + ' → ' + result.toYear + ' ' + yen(result.amountYen) + t('yen');
      await expenses(result.position);
    } catch (error) {
      Ledger.showErrors(carry, error);
    }
  });
  Ledger.translate(form);
  Ledger.translate(carry);
})();
