// Where a page keeps its credential: the tab's session storage, never the address bar.

export function load(name) {
  return sessionStorage.getItem(name);
}

export function save(name, value) {
  if (value) sessionStorage.setItem(name, value); else sessionStorage.removeItem(name);
}

/** Takes a `?token=` handed over by the platform and removes it from the URL at once. */
export function takeTokenFromUrl() {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (!token) return null;
  url.searchParams.delete('token');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  return token;
}

/** The `sub` of a JWT, for display only (the service checks the token). */
export function subject(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part)).sub || '';
  } catch (e) {
    return '';
  }
}
