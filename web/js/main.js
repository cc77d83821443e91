// The counter terminal's shell: session state, header and navigation, the router's guards
// (sign-in, first-login password change, roles), logout and the idle lock.
import { ApiError, del, get, onPasswordChangeRequired, onSessionLost, setCsrfToken } from './api.js';
import { h } from './dom.js';
import { idleMinutesFromPage, watchIdle } from './idle.js';
import { Router } from './router.js';
import * as login from './screens/login.js';
import * as password from './screens/password.js';
import * as home from './screens/home.js';
import * as users from './screens/users.js';
import * as clients from './screens/clients.js';
import * as audit from './screens/audit.js';
import * as clinics from './screens/clinics.js';
import * as drugs from './screens/drugs.js';
import * as queue from './screens/queue.js';
import * as prescription from './screens/prescription.js';
import * as intake from './screens/intake.js';
import * as originals from './screens/originals.js';
import * as reconcile from './screens/reconcile.js';
import * as reports from './screens/reports.js';
import * as guidance from './screens/guidance.js';
import * as guidanceSession from './screens/guidanceSession.js';
import * as dispatch from './screens/dispatch.js';
import * as delivery from './screens/delivery.js';
import * as receipts from './screens/receipts.js';
import * as notFound from './screens/notFound.js';

const routes = [
  { path: '/login', screen: login, public: true },
  { path: '/password', screen: password, beforePasswordChange: true },
  { path: '/', screen: home },
  { path: '/admin', redirect: '/admin/users' },
  { path: '/admin/users', screen: users, role: 'admin' },
  { path: '/admin/clients', screen: clients, role: 'admin' },
  { path: '/admin/audit', screen: audit, role: 'admin' },
  { path: '/admin/clinics', screen: clinics, role: 'admin' },
  { path: '/admin/drugs', screen: drugs, role: 'admin' },
  { path: '/prescriptions', screen: queue, roles: ['pharmacist', 'clerk'] },
  { path: '/prescriptions/new', screen: intake, roles: ['pharmacist', 'clerk'] },
  { path: '/prescriptions/:id', screen: prescription, roles: ['pharmacist', 'clerk'] },
  { path: '/guidance', screen: guidance, roles: ['pharmacist', 'clerk'] },
  { path: '/guidance/book/:id', screen: { render: guidance.renderBook }, roles: ['pharmacist', 'clerk'] },
  { path: '/guidance/appointments/:id', screen: guidanceSession, roles: ['pharmacist', 'clerk'] },
  { path: '/dispatch', screen: dispatch, roles: ['pharmacist', 'clerk'] },
  { path: '/dispatch/prescriptions/:id', screen: { render: dispatch.renderPlan }, roles: ['pharmacist', 'clerk'] },
  { path: '/dispatch/shipments/:id', screen: { render: dispatch.renderShipment }, roles: ['pharmacist', 'clerk'] },
  { path: '/dispatch/receipts', screen: receipts, roles: ['pharmacist', 'clerk'] },
  { path: '/delivery', screen: delivery, roles: ['delivery', 'pharmacist', 'clerk'] },
  { path: '/originals', screen: originals, roles: ['pharmacist', 'clerk'] },
  { path: '/originals/:id', screen: reconcile, roles: ['pharmacist', 'clerk'] },
  { path: '/reports', screen: reports, roles: ['pharmacist', 'admin'] },
];

const kRoleNames = { admin: '管理者', pharmacist: '薬剤師', clerk: '事務', delivery: '配送担当' };

const app = {
  session: null, // {user, csrf_token} from /api/v1/session
  flash: null, // {kind: 'info'|'warning'|'success', text}: shown once by the next screen
  nextPath: null, // where to go after signing in
  lastLogin: '', // pre-filled on the login screen after a lock
  stopIdle: null,
  renderCount: 0,
  leaveHandlers: [], // clean-ups of the current screen (timers, document listeners)
};

const router = new Router(routes, { path: '*', screen: notFound }, renderRoute);

// Tabs of this browser share the session cookie: when one signs out or locks, the others
// clear their screens too.
const tabs = 'BroadcastChannel' in window ? new BroadcastChannel('rxdesk.session') : null;
if (tabs)
  tabs.addEventListener('message', (event) => {
    if (event.data !== 'signed-out' || !app.session) return;
    app.lastLogin = app.session.user.login;
    app.nextPath = router.currentPath();
    endSession({ kind: 'info', text: '別のタブでログアウト、またはロックされました。もう一度ログインしてください。' });
  });

function setSession(session) {
  app.session = session;
  setCsrfToken(session ? session.csrf_token : null);
  renderChrome();
  if (app.stopIdle) app.stopIdle();
  app.stopIdle = session ? watchIdle(idleMinutesFromPage(), lockForIdle) : null;
}

function renderChrome() {
  const user = app.session && app.session.user;
  document.getElementById('user-area').hidden = !user;
  document.getElementById('user-name').textContent = user ? user.display_name || user.login : '';
  const role = document.getElementById('user-role');
  role.textContent = user ? user.role_label : '';
  role.dataset.role = user ? user.role : '';
  // Until the one-time password is replaced, no other screen can be used.
  const nav = document.getElementById('app-nav');
  nav.hidden = !user || user.password_change_required;
  for (const item of nav.querySelectorAll('[data-role]')) item.hidden = !user || user.role !== item.dataset.role;
  for (const item of nav.querySelectorAll('[data-roles]'))
    item.hidden = !user || !item.dataset.roles.split(' ').includes(user.role);
}

function markCurrentNav(path) {
  for (const link of document.querySelectorAll('#app-nav a[data-nav]')) {
    const target = link.dataset.nav;
    const current = target === '/' ? path === '/' : path === target || path.startsWith(`${target}/`);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Removes everything a signed-in user saw: screens, open dialogs (secrets included). */
function clearScreen() {
  // Screens that poll or listen on document stop here (ctx.onLeave).
  for (const stop of app.leaveHandlers.splice(0)) {
    try {
      stop();
    } catch {
      // A failing clean-up must not keep the next screen from rendering.
    }
  }
  for (const d of document.querySelectorAll('dialog')) {
    if (d.open) d.close();
    d.remove();
  }
  document.getElementById('main').replaceChildren();
}

function endSession(flash) {
  clearScreen();
  setSession(null);
  app.flash = flash;
  return router.navigate('/login', { replace: true });
}

async function logout() {
  try {
    await del('/api/v1/session', { expectUnauthenticated: true });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
  app.nextPath = null;
  app.lastLogin = '';
  if (tabs) tabs.postMessage('signed-out');
  await endSession({ kind: 'info', text: 'ログアウトしました。' });
}

// The lock ends the server session rather than covering the screen: rxdesk has no
// password-only re-check, a covered screen keeps a live session on an unattended terminal
// (a reload or the developer tools get past it), and the screen may show patient data.
async function lockForIdle() {
  if (!app.session) return;
  app.lastLogin = app.session.user.login;
  app.nextPath = router.currentPath();
  clearScreen();
  try {
    await del('/api/v1/session', { expectUnauthenticated: true });
  } catch {
    // Already gone or unreachable: the server's own idle timeout ends it.
  }
  if (tabs) tabs.postMessage('signed-out');
  await endSession({
    kind: 'warning',
    text: `${idleMinutesFromPage()} 分間操作がなかったため、画面をロックしてログアウトしました。もう一度ログインしてください。`,
  });
}

onSessionLost(() => {
  if (!app.session) return;
  app.lastLogin = app.session.user.login;
  app.nextPath = router.currentPath();
  endSession({ kind: 'warning', text: 'セッションが終了しました（有効期限切れ、または管理者による操作）。もう一度ログインしてください。' });
});

onPasswordChangeRequired(() => {
  if (app.session) router.navigate('/password', { replace: true });
});

async function renderRoute(route, path, params = {}) {
  if (route.redirect) return router.navigate(route.redirect, { replace: true });
  const user = app.session && app.session.user;
  if (!route.public && !user) {
    app.nextPath = path;
    return router.navigate('/login', { replace: true });
  }
  if (route.public && user) return router.navigate(user.password_change_required ? '/password' : '/', { replace: true });
  if (user && user.password_change_required && !route.beforePasswordChange)
    return router.navigate('/password', { replace: true });

  const main = document.getElementById('main');
  const token = ++app.renderCount;
  clearScreen();
  markCurrentNav(path);
  const flash = app.flash;
  app.flash = null;
  const ctx = {
    user,
    flash,
    lastLogin: app.lastLogin,
    params,
    onLeave: (stop) => app.leaveHandlers.push(stop),
    // For the few requests that answer a file instead of JSON (fetched directly, e.g. a PDF).
    csrfToken: () => (app.session ? app.session.csrf_token : ''),
    alive: () => token === app.renderCount,
    // options.flash: a notice for the next screen (e.g. after an action that ends this one).
    navigate: (to, options = {}) => {
      if (options.flash) app.flash = options.flash;
      return router.navigate(to, options);
    },
    setTitle: (title) => {
      document.title = `${title} - rxdesk`;
    },
    signedIn: (session) => {
      setSession(session);
      // Return to where the session ended only for the same person (a deep link counts too).
      const same = !app.lastLogin || app.lastLogin === session.user.login;
      const next = same && app.nextPath && app.nextPath !== '/login' ? app.nextPath : '/';
      app.nextPath = null;
      app.lastLogin = '';
      if (session.user.password_change_required) {
        app.nextPath = next;
        return router.navigate('/password', { replace: true });
      }
      return router.navigate(next, { replace: true });
    },
    passwordChanged: async () => {
      setSession(await get('/api/v1/session'));
      app.flash = { kind: 'success', text: 'パスワードを変更しました。' };
      const next = app.nextPath && app.nextPath !== '/password' ? app.nextPath : '/';
      app.nextPath = null;
      return router.navigate(next, { replace: true });
    },
  };
  const allowed = route.roles || (route.role ? [route.role] : null);
  if (allowed && !allowed.includes(user.role)) {
    ctx.setTitle('権限がありません');
    main.append(
      h('h1', { tabindex: '-1' }, '権限がありません'),
      h('p', {}, `この画面は${allowed.map((r) => kRoleNames[r] || r).join('・')}のみ使えます。`),
      h('p', {}, h('a', { href: '/', 'data-link': true }, 'ホームへ戻る')),
    );
    main.querySelector('h1').focus();
    return;
  }
  const focusTarget = route.screen.render(main, ctx);
  // Move focus to the new screen so keyboard and screen-reader users start at its top.
  (focusTarget || main.querySelector('h1') || main).focus();
}

document.getElementById('logout-button').addEventListener('click', () => logout());

async function boot() {
  try {
    setSession(await get('/api/v1/session', { expectUnauthenticated: true }));
  } catch (e) {
    setSession(null);
    if (e instanceof ApiError && e.status !== 401) app.flash = { kind: 'warning', text: e.message };
  }
  await router.start();
  document.documentElement.dataset.ready = 'true';
}

boot();
