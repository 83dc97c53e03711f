// The dashboard's figures: decisions by reason, delivery rates and costs, each from the API.
import { fillRows, el } from './api.js';

const $ = (id) => document.getElementById(id);

function bars(container, rows, label) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  container.replaceChildren(...rows.map((r) => {
    const fill = el('span', { className: 'fill' });
    fill.style.width = `${Math.round((r.value / max) * 100)}%`;
    return el('div', { className: 'bar', role: 'img', ariaLabel: `${r.name}: ${r.value} ${label}` },
      el('span', { textContent: r.name }), fill, el('span', { textContent: String(r.value) }));
  }));
}

function daysAgo(n) {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - n);
  return d.toISOString();
}

export async function loadDecisionCounts(api) {
  const box = $('decision-counts');
  try {
    const counts = await api('GET', `/api/v1/admin/decisions/counts?from=${encodeURIComponent(daysAgo(6))}`);
    const byReason = new Map();
    for (const c of counts) {
      const name = `${c.outcome}${c.reason ? `: ${c.reason}` : ''}`;
      byReason.set(name, (byReason.get(name) || 0) + c.count);
    }
    const rows = [...byReason].map(([name, value]) => ({ name, value })).sort((a, b) => b.value - a.value);
    if (!rows.length) { box.textContent = 'No decisions in the last 7 days.'; return; }
    bars(box, rows, 'decisions');
    perDay(counts, rows.map((r) => r.name));
    $('d-reasons').replaceChildren(...[...new Set(counts.map((c) => c.reason).filter(Boolean))].map((r) => new Option(r, r)));
  } catch (error) {
    box.textContent = `Not available: ${error.message}`;
  }
}

/** The same counts day by day (UTC days, as the service counts): a row per outcome and reason. */
function perDay(counts, names) {
  const days = [6, 5, 4, 3, 2, 1, 0].map((n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10));
  const cell = new Map();
  for (const c of counts) {
    const key = `${c.outcome}${c.reason ? `: ${c.reason}` : ''}|${c.day}`;
    cell.set(key, (cell.get(key) || 0) + c.count);
  }
  $('decision-days-head').replaceChildren(el('th', { scope: 'col', textContent: 'Outcome: reason (UTC days)' }),
    ...days.map((d) => el('th', { scope: 'col', textContent: d.slice(5) })));
  fillRows($('decision-days'), names.map((name) => ({ name })),
    [(r) => r.name, ...days.map((d) => (r) => String(cell.get(`${r.name}|${d}`) || 0))],
    'No decisions in the last 7 days.');
}

async function total(api, from, status) {
  const q = new URLSearchParams({ from, size: 1 });
  if (status) q.set('status', status);
  return (await api('GET', `/api/v1/admin/sms-messages?${q}`)).total;
}

async function period(api, title, from) {
  const [all, delivered, failed, undelivered] = await Promise.all([
    total(api, from), total(api, from, 'delivered'), total(api, from, 'failed'), total(api, from, 'undelivered'),
  ]);
  const finished = delivered + failed + undelivered;
  const rate = finished ? `${Math.round((delivered / finished) * 1000) / 10} %` : '—';
  const failures = await Promise.all(['failed', 'undelivered'].map((s) =>
    api('GET', `/api/v1/admin/sms-messages?${new URLSearchParams({ from, status: s, size: 200 })}`)));
  const byCode = new Map();
  failures.flatMap((p) => p.items).forEach((m) => byCode.set(m.error_code || 'none', (byCode.get(m.error_code || 'none') || 0) + 1));
  const stats = el('div', { className: 'stats' },
    ...[['Messages', all], ['Delivered', delivered], ['Failed', failed + undelivered], ['Delivery rate', rate]]
      .map(([k, v]) => el('div', { className: 'stat' }, el('b', { textContent: String(v) }), k)));
  const codes = [...byCode].map(([name, value]) => ({ name: `error ${name}`, value }));
  const list = el('div', { className: 'bars' });
  if (codes.length) bars(list, codes, 'failures'); else list.textContent = 'No failures.';
  return [el('h3', { textContent: title }), stats, list];
}

export async function loadDelivery(api) {
  try {
    const parts = await Promise.all([period(api, 'Today', daysAgo(0)), period(api, 'Last 7 days', daysAgo(6))]);
    $('delivery').replaceChildren(...parts.flat());
  } catch (error) {
    $('delivery').textContent = `Not available: ${error.message}`;
  }
}

async function optional(api, path) {
  try {
    return await api('GET', path);
  } catch (error) {
    if (error.status === 404 || error.status === 405) return null;
    throw error;
  }
}

const items = (body) => (Array.isArray(body) ? body : body?.rows || body?.items || []);
const day = (iso) => iso.slice(0, 10);

export async function loadCosts(api) {
  const status = $('costs-status');
  try {
    const [daily, users, alerts] = await Promise.all([
      optional(api, `/api/v1/admin/costs/daily?from=${day(daysAgo(6))}`),
      optional(api, `/api/v1/admin/costs/users?from=${day(daysAgo(6))}&size=10`),
      optional(api, '/api/v1/admin/alerts?size=20'),
    ]);
    status.textContent = daily || users || alerts ? '' : 'Cost reports are not available on this service.';
    if (daily) {
      const rows = items(daily).flatMap((d) => [
        { name: `${d.day} ${d.message_type} estimated`, value: Number(d.estimated_cost ?? 0) },
        { name: `${d.day} ${d.message_type} actual`, value: Number(d.actual_cost ?? 0) },
      ]);
      if (rows.length) bars($('costs-daily'), rows, daily.currency || 'USD');
      else $('costs-daily').textContent = 'No costs in the last 7 days.';
    }
    fillRows($('cost-users'), users ? items(users).slice(0, 10) : [], [
      (u) => u.user_id, (u) => u.messages, (u) => u.cost ?? u.actual_cost ?? u.estimated_cost,
    ], users ? 'No costs yet.' : 'Not available.');
    const list = alerts ? items(alerts) : [];
    $('alerts').replaceChildren(...(list.length
      ? list.map((a) => el('li', { textContent: `${a.kind}: ${a.message}` }))
      : [el('li', { className: 'muted', textContent: alerts ? 'No open alerts.' : 'Not available.' })]));
  } catch (error) {
    status.textContent = `Not available: ${error.message}`;
  }
}
