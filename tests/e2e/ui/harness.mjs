// Shared harness of the counter terminal's browser tests: a fresh data directory
// (`rxdesk init --json` gives the admin's one-time password and TOTP secret), `rxdesk serve`
// on a free loopback port serving the repository's web/, and Debian's headless Chromium
// driven by playwright-core. TOTP codes are computed here (RFC 6238); a user who signs in
// twice waits for a fresh 30 s step, because rxdesk never accepts a step twice.
// The watchers collect CSP violations, page errors and console errors other than the HTTP
// errors a step provokes on purpose (expectHttpError).
// The steps every story shares are here too: the step runner (storySteps), staff and API
// clients made with the CLI (addUser, addClient), the first sign-in with its password change
// (signInFirstTime, signedInPage), API calls with a page's session (apiCall, apiOk), the
// final problem check (assertNoProblems) and copying screenshots to docs/ (copyScreenshots).
// Environment: RXDESK_BIN (required), CHROMIUM_PATH (default /usr/bin/chromium),
// RXDESK_EPRESCRIPTION_SIM (for useServerAndBrowser({eprescriptionSimulator: true})).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../../..');
export const screenshots = path.join(repo, 'tests/artifacts/screenshots');
const bin = process.env.RXDESK_BIN;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// ---------------------------------------------------------------- TOTP (RFC 6238 / 4226)

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

// RFC 6238 appendix B: SHA-1, secret "12345678901234567890", T = 59 s -> 94287082 (8 digits).
assert.equal(totpAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1), '287082');

const lastStep = new Map();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A code for a 30 s step this user has not used yet (waits for the next step if needed). */
export async function freshCode(login, secret) {
  for (;;) {
    const now = Date.now() / 1000;
    const step = Math.floor(now / 30);
    const left = (step + 1) * 30 - now;
    // Too close to the step's end: the code could expire in flight.
    if ((lastStep.get(login) ?? -1) < step && left > 2) {
      lastStep.set(login, step);
      return totpAt(secret, step);
    }
    await sleep(left * 1000 + 300);
  }
}

export function wrongCode(secret) {
  const step = Math.floor(Date.now() / 30000);
  const valid = new Set([-1, 0, 1].map((d) => totpAt(secret, step + d)));
  for (const candidate of ['000000', '111111', '222222']) if (!valid.has(candidate)) return candidate;
  throw new Error('unreachable');
}

// ---------------------------------------------------------------- server

export function hasSqlite3() {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let server;
let serverLog = '';
/** The running server: work (temp dir), baseUrl, processEnv (for CLI calls). */
export const env = { work: null, baseUrl: null, processEnv: null };
/** The admin created by `rxdesk init`: {login, password, secret}, updated by the tests. */
export const admin = {};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer(extraEnv = {}) {
  assert.ok(bin, 'set RXDESK_BIN to the rxdesk binary');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rxdesk-ui-'));
  const port = await freePort();
  const env_ = {
    ...process.env,
    RXDESK_DATA_DIR: path.join(work, 'var'),
    RXDESK_HTTPS_PORT: String(port),
    RXDESK_HTTPS_BIND: '127.0.0.1',
    RXDESK_WEB_ROOT: path.join(repo, 'web'),
    ...extraEnv,
  };
  env.work = work;
  env.processEnv = env_;
  const init = JSON.parse(execFileSync(bin, ['init', '--json'], { cwd: repo, env: env_, encoding: 'utf8' }));
  assert.ok(init.admin, 'a fresh data directory creates the admin');
  Object.assign(admin, { login: init.admin.login, password: init.admin.one_time_password, secret: init.admin.totp_secret });

  server = spawn(bin, ['serve'], { cwd: repo, env: env_, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  server.stderr.on('data', (d) => {
    serverLog += d;
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rxdesk did not start:\n${serverLog}`)), 60_000);
    server.stdout.on('data', (d) => {
      serverLog += d;
      if (/serving https:\/\//.test(serverLog)) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then(({ code, signal }) => reject(new Error(`rxdesk exited (${code ?? signal}):\n${serverLog}`)));
  });
  server.exitedPromise = exited;
  env.baseUrl = `https://localhost:${port}`;
}

/** Runs the rxdesk CLI against the test server's data directory; returns its --json answer. */
export function cli(...args) {
  return JSON.parse(execFileSync(bin, [...args, '--json'], { cwd: repo, env: env.processEnv, encoding: 'utf8' }));
}

// ---------------------------------------------------------------- browser and watchers

let browser;
export const problems = { csp: [], pageErrors: [], consoleErrors: [], probeCsp: [], expectedHttpErrorsSeen: 0 };
// HTTP errors a step provokes on purpose: Chromium logs every failed fetch as a console error.
const expectedHttpErrors = [{ status: 401, path: '/api/v1/session' }];

export function expectHttpError(status, urlPath) {
  const entry = { status, path: urlPath };
  expectedHttpErrors.push(entry);
  return () => expectedHttpErrors.splice(expectedHttpErrors.indexOf(entry), 1);
}

function isExpectedHttpError(text, url) {
  const m = /Failed to load resource: the server responded with a status of (\d+)/.exec(text);
  if (!m || !url) return false;
  const status = Number(m[1]);
  const urlPath = new URL(url).pathname;
  return expectedHttpErrors.some((e) => e.status === status && e.path === urlPath);
}

export async function newContext(label, options = {}) {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 800 },
    baseURL: env.baseUrl,
    ...options,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.baseUrl });
  await context.exposeBinding('__rxdeskCspViolation', ({ page }, v) => {
    (page.__probe ? problems.probeCsp : problems.csp).push(`${label}: ${v.directive} blocked ${v.blocked} ${v.sample}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__rxdeskCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  context.on('page', (page) => watchPage(page, label));
  return context;
}

function watchPage(page, label) {
  page.on('pageerror', (e) => problems.pageErrors.push(`${label}: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location().url;
    if (isExpectedHttpError(msg.text(), url)) {
      problems.expectedHttpErrorsSeen += 1;
      return;
    }
    if (page.__probe) return;
    problems.consoleErrors.push(`${label}: ${msg.text()} (${url})`);
  });
}

export async function shot(page, name) {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** Waits until the app has booted and the given screen's heading is shown. */
export async function onScreen(page, urlPath, h1) {
  // Generous: sign-in hashes the password (PBKDF2) in a sanitizer build on a shared machine.
  await page.waitForURL((u) => u.pathname === urlPath, { timeout: 30_000 });
  await page.locator('main h1', { hasText: h1 }).first().waitFor({ timeout: 30_000 });
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /\b(null|undefined|NaN)\b|\[object /, `no leaked placeholder on ${urlPath}`);
}

export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName.toLowerCase(), name: el.getAttribute('name'), text: el.textContent.trim() };
  });
}

export async function fillLogin(page, login, password, code) {
  await page.getByLabel('ログイン名').fill(login);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByLabel('確認コード（6桁）').fill(code);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

export async function changePassword(page, current, next) {
  await page.getByLabel('現在のパスワード').fill(current);
  await page.getByLabel('新しいパスワード', { exact: true }).fill(next);
  await page.getByLabel('新しいパスワード（確認）').fill(next);
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
}

/** The text of the field error shown under the labelled control. */
export async function fieldError(page, label) {
  const control = page.getByLabel(label, { exact: true });
  await page.waitForFunction(
    (el) => el.getAttribute('aria-invalid') === 'true',
    await control.elementHandle(),
    { timeout: 30_000 },
  );
  const id = (await control.getAttribute('aria-describedby')).split(' ').find((x) => x.endsWith('-error'));
  return page.locator(`[id="${id}"]`).innerText();
}

export async function readSecrets(page) {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  const values = {};
  for (const el of await dialog.locator('[data-secret]').all())
    values[await el.getAttribute('data-secret')] = (await el.innerText()).trim();
  return values;
}

export async function closeDialog(page) {
  await page.locator('dialog[open] [data-action="close"]').click();
  await page.locator('dialog').waitFor({ state: 'detached' });
}

// ---------------------------------------------------------------- e-prescription simulator

let simulator;
let simulatorLog = '';

/** The simulator binary: RXDESK_EPRESCRIPTION_SIM, else the one built beside rxdesk. */
function simulatorBinary() {
  if (process.env.RXDESK_EPRESCRIPTION_SIM) return process.env.RXDESK_EPRESCRIPTION_SIM;
  return path.join(path.dirname(bin), 'server/eprescription_sim/rxdesk-eprescription-sim');
}

/**
 * Starts rxdesk-eprescription-sim (plain HTTP on a free loopback port, with its built-in demo
 * prescriptions: see the simulator's --help) and answers its base URL.
 */
async function startSimulator() {
  const exe = simulatorBinary();
  assert.ok(fs.existsSync(exe), `build rxdesk-eprescription-sim (or set RXDESK_EPRESCRIPTION_SIM): ${exe}`);
  simulator = spawn(exe, ['--http', '--port', '0', '--no-control'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => simulator.once('exit', (code, signal) => resolve({ code, signal })));
  simulator.exitedPromise = exited;
  simulator.stderr.on('data', (d) => {
    simulatorLog += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator did not start:\n${simulatorLog}`)), 30_000);
    simulator.stdout.on('data', (d) => {
      simulatorLog += d;
      const m = /listening on (http:\/\/\S+)/.exec(simulatorLog);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/+$/, ''));
      }
    });
    exited.then(({ code, signal }) => reject(new Error(`the simulator exited (${code ?? signal}):\n${simulatorLog}`)));
  });
}

// ---------------------------------------------------------------- hooks

/**
 * Registers the hooks: a fresh rxdesk and Chromium before the tests, a clean stop after.
 * options.eprescriptionSimulator: also start the local e-prescription service and point
 * rxdesk at it (rxdesk.eprescription.base_url).
 */
export function useServerAndBrowser(options = {}) {
  before(async () => {
    const extraEnv = {};
    if (options.eprescriptionSimulator) extraEnv.RXDESK_EPRESCRIPTION_BASE_URL = await startSimulator();
    await startServer(extraEnv);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    if (browser) await browser.close();
    if (simulator && simulator.exitCode === null) {
      simulator.kill('SIGTERM');
      await simulator.exitedPromise;
    }
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
      const { code, signal } = await server.exitedPromise;
      clearTimeout(timer);
      if (env.work) fs.rmSync(env.work, { recursive: true, force: true });
      // A clean stop on SIGTERM (with ASan: no leak report) is part of what is tested.
      assert.equal(code, 0, `rxdesk exited with ${code ?? signal} on SIGTERM:\n${serverLog}`);
    } else if (env.work) {
      fs.rmSync(env.work, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------- shared steps of the stories

/**
 * The story's step runner: steps build on each other, so after the first failure the rest
 * are skipped, not failed. step(name, fn, skip?) where skip is false or a reason.
 */
export function storySteps(t) {
  let failed = false;
  return (name, fn, skip = false) =>
    t.test(name, { skip: failed ? 'an earlier step failed' : skip }, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });
}

/** A user made with `rxdesk user add`: {login, password (one-time), secret, name}. */
export function addUser(login, role, name) {
  const issued = cli('user', 'add', '--login', login, '--role', role, '--name', name);
  return { login, password: issued.one_time_password, secret: issued.totp_secret, name };
}

/** An API client made with `rxdesk client add`; answers its API key. */
export function addClient(name, kind, institutionCode) {
  const args = ['client', 'add', '--name', name, '--kind', kind];
  if (institutionCode) args.push('--institution-code', institutionCode);
  return cli(...args).api_key;
}

/**
 * A first sign-in: opens `path`, is sent to the login, signs in with a fresh TOTP code, replaces
 * the one-time password (who.password becomes newPassword) and lands back on `path` with the
 * given heading.
 */
export async function signInFirstTime(page, who, newPassword, { path: urlPath = '/', heading = 'ホーム' } = {}) {
  await page.goto(urlPath);
  await onScreen(page, '/login', 'ログイン');
  await fillLogin(page, who.login, who.password, await freshCode(who.login, who.secret));
  await onScreen(page, '/password', 'パスワード変更');
  await changePassword(page, who.password, newPassword);
  who.password = newPassword;
  await onScreen(page, urlPath, heading);
}

/** A new browser context (newContext options) with one page, signed in for the first time. */
export async function signedInPage(label, who, newPassword, { context: contextOptions = {}, ...where } = {}) {
  const context = await newContext(label, contextOptions);
  const page = await context.newPage();
  await signInFirstTime(page, who, newPassword, where);
  return page;
}

/**
 * A JSON API call with the page's session, as the UI makes it (cookie plus CSRF token);
 * answers {status, body}. Not through the page, so it provokes no console error.
 */
export async function apiCall(page, method, urlPath, body) {
  const session = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request.fetch(urlPath, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
    data: body === undefined ? undefined : body,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status(), body: json };
}

/** apiCall that must succeed (2xx); answers the body. */
export async function apiOk(page, method, urlPath, body) {
  const r = await apiCall(page, method, urlPath, body);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${urlPath}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * The last step of every story: no CSP violation, page error or console error on any page.
 * sawHttpErrors: the story provoked HTTP errors, so the console watcher must have seen some.
 */
export function assertNoProblems({ sawHttpErrors = false } = {}) {
  assert.deepEqual(problems.csp, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  if (sawHttpErrors) assert.ok(problems.expectedHttpErrorsSeen > 0, 'console errors are observed at all');
}

/** Copies screenshots (name -> file name under docs/screenshots), each under 200 KiB. */
export function copyScreenshots(pairs) {
  const docs = path.join(repo, 'docs/screenshots');
  fs.mkdirSync(docs, { recursive: true });
  for (const [name, target] of pairs) {
    const file = path.join(screenshots, `${name}.png`);
    assert.ok(fs.statSync(file).size < 200 * 1024, `${name}.png is small`);
    fs.copyFileSync(file, path.join(docs, target));
  }
}

/** Whether the page's focused element shows a focus ring (a solid outline of 2 px or more). */
export async function focusRing(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 2;
  });
}

/** newContext options of a phone held by delivery staff (390×844, touch). */
export const kPhone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
