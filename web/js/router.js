// A tiny history-API router. The server answers index.html for every extension-less path,
// so /admin/users can be reloaded or bookmarked. Links marked data-link are handled here.
// A path segment ":name" matches one segment of digits (record ids), e.g. /prescriptions/:id.

export class Router {
  /** routes: [{path, ...}] matched exactly (":name" segments: digits); onRoute(route, path, params) renders. */
  constructor(routes, fallback, onRoute) {
    this.routes = routes;
    this.fallback = fallback;
    this.onRoute = onRoute;
  }

  start() {
    window.addEventListener('popstate', () => this.render());
    document.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-link]');
      if (!link || event.defaultPrevented || event.button !== 0) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const url = new URL(link.href);
      if (url.origin !== location.origin) return;
      event.preventDefault();
      this.navigate(url.pathname);
    });
    return this.render();
  }

  currentPath() {
    return location.pathname.replace(/\/+$/, '') || '/';
  }

  navigate(path, { replace = false } = {}) {
    if (path !== location.pathname) {
      if (replace) history.replaceState(null, '', path);
      else history.pushState(null, '', path);
    } else if (replace) {
      history.replaceState(null, '', path);
    }
    return this.render();
  }

  render() {
    const path = this.currentPath();
    for (const route of this.routes) {
      const params = matchPath(route.path, path);
      if (params) return this.onRoute(route, path, params);
    }
    return this.onRoute(this.fallback, path, {});
  }
}

function matchPath(pattern, path) {
  if (!pattern.includes(':')) return pattern === path ? {} : null;
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (!/^[1-9][0-9]{0,15}$/.test(have[i])) return null;
      params[want[i].slice(1)] = have[i];
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}
