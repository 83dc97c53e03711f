// Marks a demo user online by opening their presence socket, as the platform's app would.
import { call } from './api.js';

const sockets = new Map();

export function initPresence(users) {
  for (const button of document.querySelectorAll('button.presence')) {
    button.addEventListener('click', () => toggle(button, users.find((u) => u.id === button.dataset.user)));
  }
}

async function toggle(button, user) {
  const state = document.getElementById(`presence-${user.id}`);
  const open = sockets.get(user.id);
  if (open) {
    open.close();
    return;
  }
  try {
    const minted = await call('POST', '/api/v1/demo/tokens', { body: { user_id: user.id } });
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws/presence?access_token=${encodeURIComponent(minted.access_token)}`);
    sockets.set(user.id, socket);
    state.textContent = 'Connecting…';
    socket.onopen = () => {
      state.textContent = 'Online';
      button.textContent = 'Go offline';
      button.setAttribute('aria-label', `Go offline as ${user.name}`);
    };
    socket.onclose = (e) => {
      sockets.delete(user.id);
      state.textContent = e.wasClean || e.code === 1000 ? 'Offline' : 'Presence is not available.';
      button.textContent = 'Go online';
      button.setAttribute('aria-label', `Go online as ${user.name}`);
    };
  } catch (error) {
    state.textContent = error.message;
  }
}
