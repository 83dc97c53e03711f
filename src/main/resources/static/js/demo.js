// The demo console: act as the platform, watch the outbox live, answer as a phone.
import { call, showError, fillRows, newKey } from './api.js';
import { startOutbox, showReply } from './outbox.js';
import { initPresence } from './presence.js';

const $ = (id) => document.getElementById(id);
const platformKey = $('demo').dataset.platformKey;
const users = [...document.querySelectorAll('tr.demo-user')].map((tr) => ({
  id: tr.dataset.id, name: tr.dataset.name, phone: tr.dataset.phone,
}));
const decisions = [];
const name = (id) => users.find((u) => u.id === id)?.name || id;
const nameOf = (phone) => users.find((u) => u.phone === phone)?.name;
const frontend = `${location.origin}`;

for (const select of document.querySelectorAll('select.user-select')) {
  select.replaceChildren(...users.map((u) => new Option(`${u.name} (${u.id})`, u.id)));
  select.selectedIndex = Math.min(Number(select.dataset.pick || 0), users.length - 1);
}

const platform = (method, path, body, headers) => call(method, path, { auth: { key: platformKey }, body, headers });
const event = (type, data) => platform('POST', '/api/v1/events', { type, data }, { 'Idempotency-Key': newKey() });
const value = (id) => $(id).value;

const builders = {
  dm: () => {
    const id = newKey();
    return event('direct_message.created', {
      thread_id: `thread-${value('dm-sender')}-${value('dm-recipient')}`, message_id: id,
      sender_id: value('dm-sender'), sender_name: name(value('dm-sender')),
      recipient_ids: [value('dm-recipient')], message_preview: value('dm-text'),
      thread_url: `${frontend}/messages/${id}`,
    });
  },
  battle: () => {
    const a = value('battle-a');
    const b = value('battle-b');
    const result = value('battle-winner');
    return event('battle.completed', {
      battle_id: newKey(), battle_topic: value('battle-topic'), battle_url: `${frontend}/battles/demo`,
      participants: [{ user_id: a, username: name(a) }, { user_id: b, username: name(b) }],
      winner_id: result === 'tie' ? null : (result === 'a' ? a : b), tie: result === 'tie',
    });
  },
  achievement: () => event('achievement.unlocked', {
    user_id: value('achievement-user'), achievement_id: newKey(),
    achievement_name: value('achievement-name'), points: Number(value('achievement-points')),
  }),
  security: () => event(value('security-type'), {
    user_id: value('security-user'), details: 'Chrome on macOS, from the demo console',
  }),
  invitation: () => event('battle.invitation', {
    invitation_id: newKey(), inviter_id: value('invitation-inviter'),
    inviter_name: name(value('invitation-inviter')), to_phone: value('invitation-phone'),
    battle_topic: value('invitation-topic'), invitation_link: `${frontend}/battles/invite`,
  }),
  challenge: async () => {
    const deadline = new Date(Date.now() + Number(value('challenge-minutes')) * 60000).toISOString();
    const id = `demo-${Date.now()}`;
    await platform('PUT', `/api/v1/platform/challenges/${id}`, {
      title: value('challenge-title-input'), challenge_url: `${frontend}/challenges/${id}`,
      deadline, participant_ids: [value('challenge-user')],
    });
    return { event_id: `challenge ${id}`, decisions: [{ user_id: value('challenge-user'), outcome: 'scheduled', reason: `reminders before ${new Date(deadline).toLocaleTimeString()}` }] };
  },
};

for (const form of document.querySelectorAll('form.event')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const kind = form.dataset.kind;
    const error = $(`error-${kind}`);
    showError(error, null);
    try {
      record(kind, await builders[kind]());
    } catch (failure) {
      if (failure.status === 404 || failure.code === 'unknown_event_type') {
        failure.message = `Not available on this service: ${failure.message}`;
      }
      showError(error, failure);
    }
  });
}

function record(kind, answer) {
  for (const d of answer.decisions || []) decisions.unshift({ kind, ...d });
  fillRows($('decisions'), decisions.slice(0, 50), [
    (d) => d.kind, (d) => (d.user_id ? name(d.user_id) : d.to_phone || '—'), (d) => d.outcome,
    (d) => d.reason || '—', (d) => d.message_id ?? '—',
  ], 'No decisions yet.');
}

$('inbound-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const keyword = e.submitter?.value || 'HELP';
  const reply = $('inbound-reply');
  showError(reply, null);
  try {
    const answer = await call('POST', '/api/v1/demo/inbound', { body: { from: value('inbound-from'), body: keyword } });
    reply.textContent = `${keyword} from ${answer.from}. Reply: ${answer.reply || '(none)'}`;
    if (answer.reply) showReply($('outbox'), nameOf, answer.from, answer.reply);
  } catch (error) {
    showError(reply, error);
  }
});

startOutbox($('outbox'), $('outbox-live'), nameOf);
initPresence(users);
