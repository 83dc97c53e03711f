// The console outbox: what each phone received, live through server-sent events.
import { call, el, when } from './api.js';

const MAX = 100;

function text(nameOf, to, kind, at, body) {
  const who = nameOf(to);
  const item = el('li', { className: 'sms' },
    el('div', { className: 'meta', textContent: `To ${who ? `${who}, ` : ''}${to} · ${kind} · ${when(at)}` }),
    el('div', { className: 'bubble', textContent: body }));
  item.dataset.type = kind;
  item.dataset.to = to;
  return item;
}

function trim(list) {
  while (list.children.length > MAX) list.lastElementChild.remove();
}

export async function startOutbox(list, liveLabel, nameOf) {
  const seen = new Set();
  const show = (sms, atTop) => {
    if (seen.has(sms.message_id)) return;
    seen.add(sms.message_id);
    const item = text(nameOf, sms.to, sms.message_type, sms.sent_at, sms.body);
    if (atTop) list.prepend(item); else list.append(item);
    trim(list);
  };
  try {
    (await call('GET', '/api/v1/demo/outbox')).forEach((t) => show(t, false));
  } catch (error) {
    liveLabel.textContent = `(not available: ${error.message})`;
    return;
  }
  const source = new EventSource('/api/v1/demo/outbox/stream');
  source.addEventListener('ready', () => { liveLabel.textContent = '(live)'; });
  source.addEventListener('sms', (e) => show(JSON.parse(e.data), true));
  source.onerror = () => { liveLabel.textContent = '(reconnecting…)'; };
}

/** A keyword reply: it reaches the phone as the answer to its text, not through the provider. */
export function showReply(list, nameOf, to, body) {
  list.prepend(text(nameOf, to, 'keyword reply', new Date().toISOString(), body));
  trim(list);
}
