// The counter terminal UI in a real browser against a real rxdesk (harness.mjs: a fresh data
// directory, `rxdesk serve` on a free loopback port, Debian's headless Chromium): sign-in with
// TOTP, the forced password change, user and API client administration, audit verification,
// logout and the idle lock. Throughout, the pages must raise no CSP violation, no page error and no console error
// other than the HTTP errors a step provokes on purpose.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/ui.test.mjs
// Environment: RXDESK_BIN (required), CHROMIUM_PATH (default /usr/bin/chromium).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  admin,
  assertNoProblems,
  changePassword,
  closeDialog,
  env,
  expectHttpError,
  fieldError,
  fillLogin,
  focused,
  freshCode,
  hasSqlite3,
  newContext,
  onScreen,
  problems,
  readSecrets,
  shot,
  signedInPage,
  sleep,
  storySteps,
  useServerAndBrowser,
  wrongCode,
} from './harness.mjs';

const kNewAdminPassword = 'カウンターの朝は早い 2024';
const kPharmacistPassword = 'yamada no passphrase 1';

useServerAndBrowser();

// ---------------------------------------------------------------- the story

test('counter terminal UI', { timeout: 540_000 }, async (t) => {
  const step = storySteps(t);

  const adminContext = await newContext('admin');
  const page = await adminContext.newPage();
  let yamada; // the pharmacist's issued credentials
  let pharmacistPage;

  await step('an anonymous visit lands on the login screen with the login field focused', async () => {
    await page.goto('/admin/users');
    await onScreen(page, '/login', 'ログイン');
    assert.equal(await page.locator('#user-area').isHidden(), true, 'no user shown before sign-in');
    assert.equal(await page.locator('#app-nav').isHidden(), true, 'no navigation before sign-in');
    assert.equal((await focused(page)).name, 'login');
    const code = page.getByLabel('確認コード（6桁）');
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    await shot(page, '01-login');
  });

  await step('a malformed code is refused next to its field before anything is sent', async () => {
    await fillLogin(page, admin.login, admin.password, '12');
    assert.match(await fieldError(page, '確認コード（6桁）'), /6桁の数字/);
    assert.equal((await focused(page)).name, 'totp');
  });

  await step('a wrong code is refused with a clear message', async () => {
    await fillLogin(page, admin.login, admin.password, wrongCode(admin.secret));
    const alert = page.locator('.form-alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /正しくありません/);
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  await step('the admin signs in with TOTP and is sent to the forced password change', async () => {
    await fillLogin(page, admin.login, admin.password, await freshCode(admin.login, admin.secret));
    await onScreen(page, '/password', 'パスワード変更');
    assert.match(await page.locator('main').innerText(), /初回ログインです/);
    assert.equal(await page.locator('#user-role').innerText(), '管理者');
    assert.equal(await page.locator('#app-nav').isHidden(), true, 'nothing else until the password is changed');
    // Other screens are not reachable yet.
    await page.goto('/admin/users');
    await onScreen(page, '/password', 'パスワード変更');
    await shot(page, '02-password-change');
  });

  await step('password change errors are shown next to the field', async () => {
    await page.getByLabel('現在のパスワード').fill(admin.password);
    await page.getByLabel('新しいパスワード', { exact: true }).fill('短い');
    await page.getByLabel('新しいパスワード（確認）').fill('短い');
    await page.getByRole('button', { name: 'パスワードを変更' }).click();
    assert.match(await fieldError(page, '新しいパスワード'), /12文字以上/);

    await page.getByLabel('新しいパスワード', { exact: true }).fill(kNewAdminPassword);
    await page.getByLabel('新しいパスワード（確認）').fill(`${kNewAdminPassword}x`);
    await page.getByRole('button', { name: 'パスワードを変更' }).click();
    assert.match(await fieldError(page, '新しいパスワード（確認）'), /一致しません/);

    // The server answers a wrong current password with 401: a form error, not a lost session.
    const done = expectHttpError(401, '/api/v1/session/password');
    try {
      await changePassword(page, 'not-the-password', kNewAdminPassword);
      assert.match(await fieldError(page, '現在のパスワード'), /正しくありません/);
      assert.equal(new URL(page.url()).pathname, '/password');
    } finally {
      done();
    }
  });

  await step('after the change the header shows the admin and the home screen', async () => {
    await changePassword(page, admin.password, kNewAdminPassword);
    admin.password = kNewAdminPassword;
    await onScreen(page, '/', 'ホーム');
    assert.match(await page.locator('main').innerText(), /パスワードを変更しました/);
    assert.equal(await page.locator('#user-role').innerText(), '管理者');
    assert.equal(await page.locator('#user-name').innerText(), '管理者');
    assert.equal(await page.getByRole('button', { name: 'ログアウト' }).isVisible(), true);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    // The queue is for pharmacists and clerks: an admin does not see it.
    assert.equal(await nav.getByRole('link', { name: '受付キュー' }).isVisible(), false);
    // 帳票 is for pharmacists and admins; 原本管理 for pharmacists and clerks.
    assert.equal(await nav.getByRole('link', { name: '帳票' }).isVisible(), true);
    assert.equal(await nav.getByRole('link', { name: '原本管理' }).isVisible(), false);
    // 服薬指導 and 配送 are for pharmacists and clerks, 配達 for delivery staff.
    for (const other of ['服薬指導', '配送', '配達']) assert.equal(await nav.getByRole('link', { name: other, exact: true }).isVisible(), false);
    assert.equal(await nav.getByRole('link', { name: '管理', exact: true }).isVisible(), true);
    await shot(page, '03-home-admin');
  });

  await step('creating a pharmacist shows the one-time credentials once', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '管理', exact: true }).click();
    await onScreen(page, '/admin/users', '管理');
    await page.getByLabel('ログイン名').fill('yamada');
    await page.getByLabel('表示名').fill('山田 花子');
    await page.getByLabel('役割').selectOption('pharmacist');
    await page.getByRole('button', { name: '追加' }).click();
    const secrets = await readSecrets(page);
    assert.equal(secrets.login, 'yamada');
    assert.match(secrets.one_time_password, /^[A-Za-z0-9]{16}$/);
    assert.match(secrets.totp_secret, /^[A-Z2-7]{16,}$/);
    assert.ok(secrets.totp_uri.startsWith('otpauth://totp/'), secrets.totp_uri);
    assert.ok(secrets.totp_uri.includes(`secret=${secrets.totp_secret}`));
    yamada = { login: 'yamada', password: secrets.one_time_password, secret: secrets.totp_secret };
    await shot(page, '04-user-credentials-once');

    // Copy puts the value on the clipboard and says so.
    await page.getByRole('button', { name: 'ワンタイムパスワードをコピー' }).click();
    await page.locator('dialog[open] .copy-status', { hasText: 'コピーしました' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), yamada.password);

    await closeDialog(page);
    const row = page.locator('tr[data-login="yamada"]');
    await row.waitFor();
    assert.match(await row.innerText(), /山田 花子[\s\S]*薬剤師[\s\S]*初回パスワード未変更/);
    const html = await page.content();
    assert.ok(!html.includes(yamada.password), 'the one-time password is gone once the dialog is closed');
    assert.ok(!html.includes(yamada.secret), 'the TOTP secret is gone once the dialog is closed');
  });

  await step('a server error about a field is shown next to that field', async () => {
    const done = expectHttpError(409, '/api/v1/users');
    try {
      await page.getByLabel('ログイン名').fill('yamada');
      await page.getByLabel('表示名').fill('別の山田');
      await page.getByRole('button', { name: '追加' }).click();
      assert.match(await fieldError(page, 'ログイン名'), /既に使われています/);
    } finally {
      done();
    }
  });

  await step('the pharmacist signs in with the shown credentials and sees 薬剤師 without 管理', async () => {
    pharmacistPage = await signedInPage('pharmacist', yamada, kPharmacistPassword);
    assert.equal(await pharmacistPage.locator('#user-role').innerText(), '薬剤師');
    assert.equal(await pharmacistPage.locator('#user-name').innerText(), '山田 花子');
    const nav = pharmacistPage.getByRole('navigation', { name: 'メインメニュー' });
    assert.equal(await nav.getByRole('link', { name: '管理', exact: true }).count(), 0);
    await pharmacistPage.goto('/admin/users');
    await onScreen(pharmacistPage, '/admin/users', '権限がありません');
  });

  await step('disabling asks in a keyboard-usable dialog; Esc cancels, confirm disables', async () => {
    await page.reload();
    await onScreen(page, '/admin/users', '管理');
    const row = page.locator('tr[data-login="yamada"]');
    await row.locator('[data-action="disable"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /山田 花子（yamada）を無効化します/);
    assert.equal((await focused(page)).text, 'キャンセル', 'cancel has the initial focus');
    await page.keyboard.press('Escape');
    await page.locator('dialog').waitFor({ state: 'detached' });
    assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'active');
    assert.equal((await focused(page)).text, '無効化', 'focus returns to the button');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await shot(page, '05-confirm-disable');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, '無効化する');
    await page.keyboard.press('Enter');
    await page.locator('tr[data-login="yamada"] [data-status="disabled"]').waitFor();
    assert.equal((await focused(page)).text, '利用者一覧', 'focus goes to the refreshed list');
    assert.equal(await page.locator('tr[data-login="yamada"] [data-action="disable"]').count(), 0);
  });

  await step("the disabled pharmacist's next request returns them to the login screen", async () => {
    await pharmacistPage.getByRole('link', { name: 'パスワード変更' }).click();
    await onScreen(pharmacistPage, '/password', 'パスワード変更');
    const done = expectHttpError(401, '/api/v1/session/password');
    try {
      await changePassword(pharmacistPage, kPharmacistPassword, `${kPharmacistPassword} again`);
      await onScreen(pharmacistPage, '/login', 'ログイン');
      assert.match(await pharmacistPage.locator('main').innerText(), /セッションが終了しました/);
      assert.equal(await pharmacistPage.locator('#user-area').isHidden(), true);
    } finally {
      done();
    }
    await pharmacistPage.context().close();
  });

  await step('creating a clinic API client shows its key once; revoking asks first', async () => {
    await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: 'API クライアント' }).click();
    await onScreen(page, '/admin/clients', '管理');
    const code = page.getByLabel('医療機関コード');
    await page.getByLabel('種別').selectOption('fax_gateway');
    assert.equal(await code.isHidden(), true, 'fax gateways have no institution code');
    await page.getByLabel('種別').selectOption('clinic');
    await page.getByLabel('名称').fill('さくら内科');
    await code.fill('131234');
    await page.getByRole('button', { name: '追加' }).click();
    assert.match(await fieldError(page, '医療機関コード'), /7桁または10桁/);
    await code.fill('1312345678');
    await page.getByRole('button', { name: '追加' }).click();
    const secrets = await readSecrets(page);
    assert.equal(secrets.name, 'さくら内科');
    assert.ok(secrets.api_key.length >= 32, secrets.api_key);
    await shot(page, '06-client-key-once');
    await closeDialog(page);

    const row = page.locator('tbody tr', { hasText: 'さくら内科' });
    await row.waitFor();
    assert.match(await row.innerText(), /医療機関[\s\S]*1312345678[\s\S]*有効/);
    assert.ok(!(await page.content()).includes(secrets.api_key), 'the API key is shown only once');

    await row.locator('[data-action="revoke"]').click();
    await page.locator('dialog[open]').waitFor();
    await page.locator('dialog[open] [data-action="confirm"]').click();
    await page.locator('tbody tr', { hasText: 'さくら内科' }).locator('[data-status="revoked"]').waitFor();
  });

  await step('audit verification shows OK', async () => {
    await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '監査ログ検証' }).click();
    await onScreen(page, '/admin/audit', '管理');
    const ok = page.locator('[data-result="ok"]');
    await ok.waitFor();
    assert.match(await ok.innerText(), /^OK/);
    await shot(page, '07-audit-ok');
  });

  await step("resetting one's own TOTP shows the new secret once; signing in again needs it", async () => {
    await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '利用者' }).click();
    await onScreen(page, '/admin/users', '管理');
    await page.locator('tr[data-login="admin"] [data-action="reset-totp"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /自分のアカウントなので/);
    await dialog.locator('[data-action="confirm"]').click();
    await page.locator('dialog[open] [data-secret="totp_secret"]').waitFor();
    const secrets = await readSecrets(page);
    assert.equal(secrets.one_time_password, undefined, 'the password is not reset');
    assert.notEqual(secrets.totp_secret, admin.secret);
    admin.secret = secrets.totp_secret;
    admin.login2 = `${admin.login}#2`; // a new secret: the server forgets the used steps
    // The reset ended this session too: the list's reload is refused and the login asked.
    const done = expectHttpError(401, '/api/v1/users');
    try {
      await closeDialog(page);
      await onScreen(page, '/login', 'ログイン');
      assert.match(await page.locator('main').innerText(), /セッションが終了しました/);
    } finally {
      done();
    }
    await fillLogin(page, admin.login, admin.password, await freshCode(admin.login2, admin.secret));
    await onScreen(page, '/admin/users', '管理');
    assert.equal(await page.locator('#user-role').innerText(), '管理者');
  });

  await step('logout returns to the login screen and ends the session', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await onScreen(page, '/login', 'ログイン');
    assert.match(await page.locator('main').innerText(), /ログアウトしました/);
    assert.equal(await page.locator('#user-area').isHidden(), true);
    const res = await page.request.get('/api/v1/session');
    assert.equal(res.status(), 401);
    await page.goto('/admin/audit');
    await onScreen(page, '/login', 'ログイン');
  });

  await step('keyboard only: Tab between the fields and Enter signs in', async () => {
    await page.goto('/login');
    await onScreen(page, '/login', 'ログイン');
    const code = await freshCode(admin.login2, admin.secret);
    assert.equal((await focused(page)).name, 'login');
    await page.keyboard.type(admin.login);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).name, 'password');
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).name, 'totp');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await onScreen(page, '/', 'ホーム');
    assert.equal(await page.locator('#user-role').innerText(), '管理者');
    assert.equal((await focused(page)).tag, 'h1', 'focus moves to the new screen');
    // The next Tab reaches the first function on the screen, with a visible focus ring.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const first = document.querySelector('main a.card-link');
      return { href: el.getAttribute('href'), first: first && first.getAttribute('href'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    // The admin's first card (帳票, then 管理): whichever comes first on the screen.
    assert.ok(next.href && ['/reports', '/admin/users'].includes(next.href), `the first function: ${next.href}`);
    assert.equal(next.href, next.first);
    assert.equal(next.outline, 'solid', 'focus is visible');
    assert.ok(next.width >= 2, `focus ring is ${next.width}px`);
  });

  await step('tampering with the audit log is shown with the broken entry', async () => {
    const db = path.join(env.work, 'var', 'rxdesk.db');
    execFileSync('sqlite3', [db, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor='user:99' WHERE seq=3;"]);
    await page.goto('/admin/audit');
    const broken = page.locator('[data-result="broken"]');
    await broken.waitFor();
    assert.match(await broken.innerText(), /連番 3 の記録: 記録が書き換えられています/);
    await shot(page, '08-audit-broken');
  }, hasSqlite3() ? false : 'the sqlite3 command is not installed');

  await step('after the idle time every tab locks: session ended, screens cleared, login asked', async () => {
    const context = await newContext('idle');
    await context.clock.install();
    const idlePage = await context.newPage();
    await idlePage.goto('/login');
    await onScreen(idlePage, '/login', 'ログイン');
    await fillLogin(idlePage, admin.login, admin.password, await freshCode(admin.login2, admin.secret));
    await onScreen(idlePage, '/', 'ホーム');
    await idlePage.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '管理', exact: true }).click();
    await onScreen(idlePage, '/admin/users', '管理');
    await idlePage.locator('tr[data-login="admin"]').waitFor();
    // A second tab of the same browser, left alone.
    const otherTab = await context.newPage();
    await otherTab.goto('/');
    await onScreen(otherTab, '/', 'ホーム');
    // The lock clears the screen at once, before it talks to the server.
    const stillOpen = async () => {
      assert.deepEqual([idlePage, otherTab].map((p) => new URL(p.url()).pathname), ['/admin/users', '/']);
      assert.equal(await idlePage.locator('tr[data-login="admin"]').count(), 1);
      assert.equal(await otherTab.locator('main h1', { hasText: 'ホーム' }).count(), 1);
    };

    // Nine minutes without input is not enough (index.html says 10).
    await context.clock.fastForward('09:00');
    await sleep(300);
    await stillOpen();
    // Input in one tab keeps every tab open.
    await idlePage.mouse.move(200, 300);
    await context.clock.fastForward('09:00');
    await sleep(300);
    await stillOpen();

    await context.clock.fastForward('02:00');
    await onScreen(idlePage, '/login', 'ログイン');
    await onScreen(otherTab, '/login', 'ログイン');
    const notices = [];
    for (const p of [idlePage, otherTab]) {
      notices.push(await p.locator('main .notice').innerText());
      assert.equal(await p.locator('#user-area').isHidden(), true);
      assert.equal(await p.getByLabel('ログイン名').inputValue(), 'admin', 'the login name is kept');
      assert.equal((await focused(p)).name, 'password');
      assert.equal(await p.locator('table, dialog').count(), 0, 'nothing of the previous screen is left');
    }
    assert.ok(notices.some((n) => /10 分間操作がなかったため/.test(n)), notices.join(' / '));
    assert.equal((await idlePage.request.get('/api/v1/session')).status(), 401, 'the server session is gone');
    await shot(idlePage, '09-idle-locked');
    await context.close();
  });

  await step('the CSP violation detector works (an inline style attribute is caught)', async () => {
    const context = await newContext('probe');
    const probe = await context.newPage();
    probe.__probe = true;
    await probe.goto('/login');
    await onScreen(probe, '/login', 'ログイン');
    await probe.evaluate(() => {
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
    });
    for (let i = 0; i < 50 && problems.probeCsp.length === 0; i++) await sleep(100);
    assert.ok(problems.probeCsp.length > 0, 'an inline style attribute must be reported');
    await context.close();
  });

  await step('no CSP violation, page error or console error on any page', async () => {
    // The console watcher did see the failed requests provoked above, so it is listening.
    assertNoProblems({ sawHttpErrors: true });
  });

  await adminContext.close();
});
