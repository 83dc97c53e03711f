// Calls the JSON API and turns RFC 9457 problems into errors a person can read.

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `The service answered ${status}.`);
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || String(status);
    this.retryAfter = retryAfter;
  }
}

/** auth: {bearer: token} or {key: apiKey} or nothing. Answers the parsed JSON body, or null. */
export async function call(method, path, { auth, body, headers } = {}) {
  const sent = { Accept: 'application/json', ...(headers || {}) };
  if (auth?.bearer) sent.Authorization = `Bearer ${auth.bearer}`;
  if (auth?.key) sent['X-Api-Key'] = auth.key;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: 'The service could not be reached.' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = { detail: text.slice(0, 200) }; }
  }
  if (!response.ok) {
    const retry = Number(response.headers.get('Retry-After'));
    throw new ApiError(response.status, json, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return json;
}

/** "in 1 min 5 s", for a Retry-After in seconds. */
export function wait(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/**
 * Shows an error in `el`; with a Retry-After the remaining time counts down, and `onReady` runs
 * when it is over. Returns a function that stops the countdown.
 */
export function showError(el, error, onReady) {
  clearInterval(el._timer);
  if (!error) { el.textContent = ''; return () => {}; }
  const detail = error.message || String(error);
  if (!error.retryAfter) { el.textContent = detail; return () => {}; }
  const until = Date.now() + error.retryAfter * 1000;
  const tick = () => {
    const left = (until - Date.now()) / 1000;
    if (left <= 0) {
      clearInterval(el._timer);
      el.textContent = `${detail} You can try again now.`;
      onReady?.();
      return;
    }
    el.textContent = `${detail} Try again in ${wait(left)}.`;
  };
  tick();
  el._timer = setInterval(tick, 1000);
  return () => clearInterval(el._timer);
}

/** Masks a number as the service's log does: country prefix and last two digits. */
export function mask(e164) {
  if (!e164) return '';
  return e164.length <= 5 ? e164 : e164.slice(0, 2) + '•'.repeat(e164.length - 4) + e164.slice(-2);
}

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** Replaces the rows of a tbody; `columns` is a list of functions of an item. */
export function fillRows(tbody, items, columns, emptyText) {
  tbody.replaceChildren();
  if (!items.length) {
    const tr = tbody.insertRow();
    tr.className = 'empty';
    const td = tr.insertCell();
    td.colSpan = columns.length;
    td.textContent = emptyText;
    return;
  }
  for (const item of items) {
    const tr = tbody.insertRow();
    for (const column of columns) {
      const td = tr.insertCell();
      const value = column(item);
      if (value instanceof Node) td.append(value); else td.textContent = value ?? '';
    }
  }
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export const newKey = () =>
  (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
