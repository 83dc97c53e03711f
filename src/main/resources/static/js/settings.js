// The user's SMS settings page: phone verification, category switches, quiet hours, history.
import { call, showError, mask, when, fillRows, ApiError } from './api.js';
import { load, save, takeTokenFromUrl, subject } from './session.js';
import { initQuietHours, renderQuietHours } from './quiet-hours.js';

const $ = (id) => document.getElementById(id);
const root = $('settings');
const TOKEN = 'sms.settings.token';
let token = null;
let prefs = null;

const api = (method, path, body) => call(method, path, { auth: { bearer: token }, body });

function start() {
  const handed = takeTokenFromUrl() || root.dataset.handoff;
  if (handed) save(TOKEN, handed);
  token = load(TOKEN);
  $('demo-login')?.addEventListener('submit', demoLogin);
  $('token-login').addEventListener('submit', (e) => {
    e.preventDefault();
    signIn($('token-input').value.trim());
  });
  $('sign-out').addEventListener('click', () => { save(TOKEN, null); location.reload(); });
  $('phone-form').addEventListener('submit', requestCode);
  $('change-button').addEventListener('click', () => $('phone-input').focus());
  $('remove-button').addEventListener('click', removePhone);
  $('enter-code-button').addEventListener('click', () => openCodeDialog(prefs?.pending_phone_number));
  $('code-form').addEventListener('submit', submitCode);
  $('code-cancel').addEventListener('click', () => $('code-dialog').close());
  $('consent-csv').addEventListener('click', downloadConsent);
  document.querySelectorAll('button[role="switch"]').forEach((b) => b.addEventListener('click', flip));
  initQuietHours(api, (view) => render(view));
  if (token) signIn(token);
}

async function demoLogin(e) {
  e.preventDefault();
  try {
    const minted = await call('POST', '/api/v1/demo/tokens', { body: { user_id: $('demo-user').value } });
    signIn(minted.access_token);
  } catch (error) {
    showError($('login-error'), error);
  }
}

async function signIn(candidate) {
  if (!candidate) return;
  token = candidate;
  try {
    const view = await api('GET', '/api/v1/me/sms-preferences');
    save(TOKEN, token);
    $('login').hidden = true;
    $('app').hidden = false;
    $('who').textContent = subject(token) || 'you';
    render(view);
    loadHistory();
  } catch (error) {
    save(TOKEN, null);
    token = null;
    showError($('login-error'), error.status === 401
      ? new Error('This token is not valid any more. Sign in again.') : error);
  }
}

function render(view) {
  prefs = view;
  const verified = view.phone_verified;
  $('phone-masked').textContent = view.phone_number ? mask(view.phone_number) : 'No number yet';
  $('phone-badge').textContent = verified ? 'Verified' : 'Unverified';
  $('phone-badge').className = `badge ${verified ? 'ok' : 'no'}`;
  $('verify-button').textContent = view.phone_number ? 'Verify new number' : 'Verify';
  $('remove-button').disabled = !view.phone_number;
  const pending = view.pending_phone_number;
  $('pending').textContent = pending ? `A code was sent to ${mask(pending)}.` : '';
  $('enter-code-button').hidden = !pending;
  $('stop-notice').hidden = !view.opted_out;
  for (const button of document.querySelectorAll('button[role="switch"]')) {
    const field = button.dataset.field;
    button.setAttribute('aria-checked', String(view[field] === true));
    button.disabled = !verified || !(field in view);
  }
  $('switch-hint').hidden = verified;
  renderQuietHours(view);
  const quota = 'remaining_this_hour' in view && 'remaining_today' in view;
  $('quota').hidden = !quota;
  if (quota) {
    $('remaining-hour').textContent = view.remaining_this_hour;
    $('remaining-day').textContent = view.remaining_today;
  }
}

async function requestCode(e) {
  e.preventDefault();
  const number = $('phone-input').value.trim();
  showError($('phone-error'), null);
  $('verify-button').disabled = true;
  try {
    const sent = await api('POST', '/api/v1/users/phone/request-verification', { phone_number: number });
    openCodeDialog(sent.phone_number);
    $('verify-button').disabled = false;
    render(await api('GET', '/api/v1/me/sms-preferences'));
  } catch (error) {
    const enable = () => { $('verify-button').disabled = false; };
    if (!error.retryAfter) enable();
    showError($('phone-error'), error, enable);
  }
}

function openCodeDialog(number) {
  $('code-sent-to').textContent = number ? `We texted a code to ${mask(number)}.` : '';
  $('code-input').value = '';
  showError($('code-error'), null);
  $('code-dialog').showModal();
  $('code-input').focus();
}

async function submitCode(e) {
  e.preventDefault();
  try {
    const view = await api('POST', '/api/v1/users/phone/verify', { code: $('code-input').value.trim() });
    $('code-dialog').close();
    $('phone-input').value = '';
    render(view);
    loadHistory();
  } catch (error) {
    if (error.problem.attempts_left !== undefined) {
      error.message = `${error.message} Attempts left: ${error.problem.attempts_left}.`;
    }
    showError($('code-error'), error);
  }
}

async function removePhone() {
  showError($('phone-error'), null);
  const number = prefs?.phone_number ? mask(prefs.phone_number) : 'your number';
  if (!window.confirm(`Remove ${number}? You will get no texts until you verify a number again.`)) return;
  try {
    await api('DELETE', '/api/v1/me/phone');
    render(await api('GET', '/api/v1/me/sms-preferences'));
  } catch (error) {
    showError($('phone-error'), error);
  }
}

/** Saves one switch optimistically; a failure puts back only that switch and says why. */
async function flip(e) {
  const button = e.currentTarget;
  const field = button.dataset.field;
  const before = button.getAttribute('aria-checked') === 'true';
  const error = $(`error-${field}`);
  button.setAttribute('aria-checked', String(!before));
  showError(error, null);
  try {
    const view = await api('PATCH', '/api/v1/me/sms-preferences', { [field]: !before });
    prefs = { ...prefs, [field]: view[field] };
  } catch (failure) {
    button.setAttribute('aria-checked', String(before));
    showError(error, new ApiError(failure.status, {
      detail: `Not saved: ${failure.message}`,
    }, failure.retryAfter));
  }
}

async function loadHistory() {
  try {
    const page = await api('GET', '/api/v1/me/sms-messages?size=10');
    fillRows($('recent-rows'), page.items, [
      (m) => when(m.created_at), (m) => m.message_type, (m) => m.status, (m) => m.body,
    ], 'No texts yet.');
  } catch (error) {
    fillRows($('recent-rows'), [], [() => ''], `Not available: ${error.message}`);
  }
  try {
    consent = await api('GET', '/api/v1/me/consent-history');
    fillRows($('consent-rows'), consent, [
      (c) => when(c.occurred_at), (c) => [c.action, c.category].filter(Boolean).join(' '), (c) => c.method,
    ], 'Nothing recorded yet.');
  } catch (error) {
    fillRows($('consent-rows'), [], [() => ''], `Not available: ${error.message}`);
  }
}

let consent = [];

function downloadConsent() {
  const columns = ['occurred_at', 'action', 'category', 'method', 'phone_number', 'disclosure_text', 'reference'];
  const quote = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const lines = [columns.join(','), ...consent.map((row) => columns.map((c) => quote(row[c])).join(','))];
  const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'sms-consent-history.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

start();
