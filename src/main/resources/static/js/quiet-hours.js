// The quiet hours and time zone form of the settings page.
import { showError } from './api.js';

const $ = (id) => document.getElementById(id);

export function initQuietHours(api, onSaved) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  $('timezone').replaceChildren(...zones.map((z) => new Option(z, z)));
  $('quiet-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const start = $('quiet-start').value;
    const end = $('quiet-end').value;
    const body = { timezone: $('timezone').value };
    // a half-filled window goes to the service too, which says what is missing
    if (start || end) body.quiet_hours = { start, end };
    await save(api, body, onSaved);
  });
  $('quiet-clear').addEventListener('click', () => save(api, { quiet_hours: null }, onSaved));
}

async function save(api, body, onSaved) {
  const status = $('quiet-status');
  showError(status, null);
  try {
    onSaved(await api('PATCH', '/api/v1/me/sms-preferences', body));
    status.textContent = 'Saved.';
  } catch (error) {
    const fields = Object.values(error.problem.errors || {});
    if (fields.length) error.message = `${error.message} ${fields.join('; ')}.`;
    showError(status, error);
  }
}

export function renderQuietHours(view) {
  const zone = $('timezone');
  if (view.timezone && ![...zone.options].some((o) => o.value === view.timezone)) {
    zone.add(new Option(view.timezone, view.timezone));
  }
  zone.value = view.timezone || '';
  $('quiet-start').value = view.quiet_hours?.start || '';
  $('quiet-end').value = view.quiet_hours?.end || '';
}
