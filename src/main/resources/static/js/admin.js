// The operator's dashboard: SMS log with details, decisions, delivery and costs.
import { call, showError, when, fillRows, el } from './api.js';
import { load, save } from './session.js';
import { meaning } from './twilio-errors.js';
import { loadDelivery, loadCosts, loadDecisionCounts } from './admin-stats.js';

const $ = (id) => document.getElementById(id);
const CREDENTIAL = 'sms.admin.credential';
const PAGE_SIZE = 20;
let credential = null;
let logPage = 0;

export const api = (method, path) => call(method, path, { auth: auth() });

function auth() {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(credential) ? { bearer: credential } : { key: credential };
}

function start() {
  $('key-login').addEventListener('submit', (e) => { e.preventDefault(); signIn($('admin-credential').value.trim()); });
  $('use-demo-key')?.addEventListener('click', () => signIn($('admin').dataset.demoKey));
  $('admin-sign-out').addEventListener('click', () => { save(CREDENTIAL, null); location.reload(); });
  $('log-filters').addEventListener('submit', (e) => { e.preventDefault(); logPage = 0; loadLog(); });
  $('log-prev').addEventListener('click', () => { logPage = Math.max(0, logPage - 1); loadLog(); });
  $('log-next').addEventListener('click', () => { logPage += 1; loadLog(); });
  $('decision-filters').addEventListener('submit', (e) => { e.preventDefault(); loadDecisions(); });
  const saved = load(CREDENTIAL);
  if (saved) signIn(saved);
}

async function signIn(candidate) {
  if (!candidate) return;
  credential = candidate;
  try {
    await api('GET', '/api/v1/admin/sms-messages?size=1');
  } catch (error) {
    credential = null;
    save(CREDENTIAL, null);
    showError($('admin-login-error'), error.status === 401 || error.status === 403
      ? new Error('This key or token is not an admin credential.') : error);
    return;
  }
  save(CREDENTIAL, candidate);
  $('admin-login').hidden = true;
  $('admin-app').hidden = false;
  loadLog();
  loadDecisions();
  loadDecisionCounts(api);
  loadDelivery(api);
  loadCosts(api);
}

function dayStart(value) {
  return value ? new Date(`${value}T00:00:00`).toISOString() : null;
}

function dayEnd(value) {
  if (!value) return null;
  const end = new Date(`${value}T00:00:00`);
  end.setDate(end.getDate() + 1);
  return end.toISOString();
}

async function loadLog() {
  const query = new URLSearchParams({ page: logPage, size: PAGE_SIZE });
  const filters = {
    status: $('f-status').value, message_type: $('f-type').value, user_id: $('f-user').value.trim(),
    phone_number: $('f-number').value.trim(), from: dayStart($('f-from').value), to: dayEnd($('f-to').value),
  };
  Object.entries(filters).forEach(([k, v]) => v && query.set(k, v));
  showError($('log-error'), null);
  try {
    const page = await api('GET', `/api/v1/admin/sms-messages?${query}`);
    fillRows($('log-rows'), page.items, [
      (m) => m.id, (m) => when(m.created_at), (m) => m.message_type, (m) => m.status,
      (m) => m.to_phone, (m) => m.recipient_user_id, (m) => m.segments,
      (m) => el('button', { type: 'button', className: 'secondary', textContent: 'Details',
        onclick: () => details(m), ariaLabel: `Details of message ${m.id}` }),
    ], 'No messages match.');
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    $('log-page').textContent = `Page ${page.page + 1} of ${pages} (${page.total} messages)`;
    $('log-prev').disabled = page.page === 0;
    $('log-next').disabled = page.page + 1 >= pages;
  } catch (error) {
    showError($('log-error'), error);
  }
}

function details(m) {
  const money = (v, unit) => (v === null || v === undefined ? '—' : `${v} ${unit || 'USD'}`);
  const rows = [
    ['Id', m.id], ['Type', m.message_type], ['Status', m.status], ['To', m.to_phone],
    ['User', m.recipient_user_id || '—'], ['Text', m.body || '—'],
    ['Created', when(m.created_at)], ['Sent', when(m.sent_at) || '—'],
    ['Delivered', when(m.delivered_at) || '—'], ['Valid until', when(m.expires_at) || '—'],
    ['Attempts', m.attempts], ['Error code', m.error_code || '—'],
    ['Error meaning', meaning(m.error_code) || '—'], ['Error message', m.error_message || '—'],
    ['Segments', m.segments], ['Encoding', m.encoding || '—'],
    ['Estimated cost', money(m.estimated_cost)], ['Actual cost', money(m.price, m.price_unit)],
    ['Provider', [m.provider, m.provider_message_id].filter(Boolean).join(' ') || '—'],
    ['Priority', m.priority || '—'],
  ];
  $('message-title').textContent = `Message ${m.id}`;
  $('message-details').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { textContent: k }), el('dd', { textContent: String(v ?? '') })]));
  $('message-dialog').showModal();
}

async function loadDecisions() {
  const query = new URLSearchParams({ size: 50 });
  const filters = { user_id: $('d-user').value.trim(), reason: $('d-reason').value.trim(), outcome: $('d-outcome').value };
  Object.entries(filters).forEach(([k, v]) => v && query.set(k, v));
  showError($('decision-error'), null);
  try {
    const page = await api('GET', `/api/v1/admin/decisions?${query}`);
    fillRows($('decision-rows'), page.items, [
      (d) => when(d.created_at), (d) => d.user_id || d.to_phone, (d) => d.message_type,
      (d) => d.outcome, (d) => d.reason || '—', (d) => d.message_id ?? '—',
    ], 'No decisions match.');
  } catch (error) {
    showError($('decision-error'), error);
  }
}

start();
