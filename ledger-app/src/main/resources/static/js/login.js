'use strict';
(() => {
  Ledger.translate();
  const query = new URLSearchParams(location.search);
  if (query.has('error')) document.getElementById('login-error').textContent = Ledger.t('login.error');
  if (query.has('logout')) document.getElementById('login-out').textContent = Ledger.t('login.out');
  document.getElementById('login').addEventListener('submit', () => {
    document.getElementById('csrf').value = Ledger.cookie('XSRF-TOKEN');
  });
  document.getElementById('lang').addEventListener('click', () => {
    localStorage.setItem('ledger.lang', Ledger.lang === 'ja' ? 'en' : 'ja');
    location.reload();
  });
})();
