// The console outbox: what each phone received, live through server-sent events.
import { call, el, when } from './api.js';

const MAX = 100;

export async function startOutbox(list, liveLabel, nameOf) {
  const seen = new Set();
  const show = (text, atTop) => {
    if (seen.has(text.message_id)) return;
    seen.add(text.message_id);
    const who = nameOf(text.to);
    const item = el('li', { className: 'sms' },
      el('div', { className: 'meta', textContent: `To ${who ? `${who}, ` : ''}${text.to} · ${text.message_type} · ${when(text.sent_at)}` }),
      el('div', { className: 'bubble', textContent: text.body }));
    item.dataset.type = text.message_type;
    item.dataset.to = text.to;
    if (atTop) list.prepend(item); else list.append(item);
    while (list.children.length > MAX) list.lastElementChild.remove();
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
