// A tiny history-API router. The server answers index.html for every extension-less path,
// so /admin/users can be reloaded or bookmarked. Links marked data-link are handled here.

export class Router {
  /** routes: [{path, ...}] matched exactly; onRoute(route, path) renders. */
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
    const route = this.routes.find((r) => r.path === path) || this.fallback;
    return this.onRoute(route, path);
  }
}
