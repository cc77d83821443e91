// The intake screens of the counter terminal in a real browser against a real rxdesk
// (harness.mjs): a pharmacist made with `rxdesk user add` signs in with TOTP; faxes arrive
// from a fax gateway's API key (a PNG page built in fixtures.mjs, without a QR code, so it
// needs manual entry) and a JAHIS prescription from a clinic's key; they appear in the queue
// without a reload. The pharmacist works the queue by keyboard, zooms and rotates a page,
// enters the content of the fax, resolves a finding, verifies, marks another fax
// misdirected, sees a resent fax linked as a duplicate, and uses the counter intake forms.
// Throughout: no CSP violation, page error or console error other than provoked ones.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/queue.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as playwrightRequest } from 'playwright-core';
import {
  addClient,
  addUser,
  assertNoProblems,
  copyScreenshots,
  env,
  expectHttpError,
  fieldError,
  focused,
  onScreen,
  shot,
  signedInPage,
  sleep,
  storySteps,
  useServerAndBrowser,
} from './harness.mjs';
import { clinicClient, faxPagePng, tokyoToday } from './fixtures.mjs';

useServerAndBrowser();

const kPassword = 'sato no passphrase 2026';

test('counter terminal intake: queue and prescription', { timeout: 540_000 }, async (t) => {
  const step = storySteps(t);

  let page;
  let api; // a plain HTTP client for the fax gateway
  let clinic; // the clinic's client (fixtures.mjs)
  let faxKey;
  const ids = {}; // name -> prescription id

  const sendFax = async (seed, sender) => {
    const res = await api.post('/api/v1/faxes', {
      headers: { Authorization: `Bearer ${faxKey}`, 'Content-Type': 'image/png', 'X-Fax-Sender': sender },
      data: faxPagePng({ seed }),
    });
    assert.equal(res.status(), 201, await res.text());
    return (await res.json()).id;
  };
  const row = (id) => page.locator(`.queue-table tr[data-id="${id}"]`);

  await step('a pharmacist made by the CLI signs in with TOTP and lands on the queue', async () => {
    const sato = addUser('sato', 'pharmacist', '佐藤 一郎');
    faxKey = addClient('FAX 受信', 'fax_gateway');
    clinic = await clinicClient(env.baseUrl, addClient('さくら内科', 'clinic', '1311234567'));
    api = await playwrightRequest.newContext({ baseURL: env.baseUrl, ignoreHTTPSErrors: true });

    page = await signedInPage('pharmacist', sato, kPassword, { path: '/prescriptions', heading: '受付キュー' });
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    assert.equal(await nav.getByRole('link', { name: '受付キュー' }).getAttribute('aria-current'), 'page');
    await page.locator('.queue-empty').waitFor();
    assert.equal(await page.locator('[data-queue-state="ready"]').count(), 1);
  });

  await step('a fax without a QR code appears in the queue without a reload, announced', async () => {
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    ids.fax = await sendFax(1, '03-1111-2222');
    await row(ids.fax).waitFor({ timeout: 15_000 });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
    await page.waitForFunction(() => /新しい処方箋が 1 件届きました（FAX 1 件）/.test(document.getElementById('announcer').textContent));
    assert.equal(await page.locator('#announcer').getAttribute('aria-live'), 'polite');
    const text = await row(ids.fax).innerText();
    assert.match(text, /FAX[\s\S]*FAX 03-1111-2222[\s\S]*（未入力）[\s\S]*受付/);
    assert.equal(await row(ids.fax).locator('[data-marker="needs-entry"]').innerText(), '要入力');
    // Severity is said in words (and a symbol), not only by colour.
    const badge = row(ids.fax).locator('.sev');
    assert.equal(await badge.getAttribute('data-severity'), 'error');
    assert.match(await badge.innerText(), /エラー \d/);
  });

  await step("a clinic's JAHIS prescription is listed first; unchanged rows are not rebuilt", async () => {
    await page.evaluate((id) => {
      document.querySelector(`tr[data-id="${id}"] td`).__kept = true;
    }, ids.fax);
    ids.clinic = await clinic.push('K-2026-0001', { online: { initial_visit: true, underlying_conditions_known: false } });
    await row(ids.clinic).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.queue-table tbody tr').first().getAttribute('data-id'), String(ids.clinic), 'newest first');
    assert.match(await row(ids.clinic).innerText(), /医療機関連携[\s\S]*さくら内科クリニック[\s\S]*日薬 太郎/);
    assert.equal(await row(ids.clinic).locator('.sev').getAttribute('data-severity'), 'error');
    await page.waitForFunction(() => /医療機関連携 1 件/.test(document.getElementById('announcer').textContent));
    assert.equal(
      await page.evaluate((id) => document.querySelector(`tr[data-id="${id}"] td`).__kept === true, ids.fax),
      true,
      'the fax row was left alone',
    );
    ids.other = await sendFax(2, '06-3333-4444');
    await row(ids.other).waitFor({ timeout: 15_000 });
    await shot(page, '20-queue');
  });

  await step('filters and the name search narrow the queue', async () => {
    await page.getByLabel('経路').selectOption('fax');
    await row(ids.clinic).waitFor({ state: 'detached' });
    assert.equal(await row(ids.fax).count(), 1);
    await page.getByLabel('経路').selectOption('');
    await row(ids.clinic).waitFor();
    await page.getByLabel('患者名で検索').fill('日薬');
    await row(ids.fax).waitFor({ state: 'detached' });
    assert.equal(await page.locator('.queue-table tbody tr').count(), 1);
    await page.getByLabel('患者名で検索').fill('');
    await row(ids.fax).waitFor();
    await page.getByLabel('状態').selectOption('verified');
    await page.locator('.queue-empty').waitFor({ state: 'visible' });
    await page.getByLabel('状態').selectOption('');
    await row(ids.fax).waitFor();
  });

  await step('keyboard only: Tab reaches the rows, arrows move between them, Enter opens one', async () => {
    await page.getByLabel('患者名で検索').focus();
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement.classList.contains('queue-open'))) && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    const rowOf = () => page.evaluate(() => document.activeElement.closest('tr')?.dataset.id);
    assert.equal(await rowOf(), String(ids.other), 'the first row is one Tab stop');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(ring, 'solid', 'focus is visible');
    await page.keyboard.press('ArrowDown');
    assert.equal(await rowOf(), String(ids.clinic));
    await page.keyboard.press('ArrowDown');
    assert.equal(await rowOf(), String(ids.fax));
    await page.keyboard.press('ArrowUp');
    assert.equal(await rowOf(), String(ids.clinic));
    await page.keyboard.press('End');
    assert.equal(await rowOf(), String(ids.fax));
    // Only one row link is in the tab order.
    assert.equal(await page.locator('a.queue-open[tabindex="0"]').count(), 1);
    // A poll in between keeps the focus where it is.
    await sleep(5500);
    assert.equal(await rowOf(), String(ids.fax));
    await page.keyboard.press('Enter');
    await onScreen(page, `/prescriptions/${ids.fax}`, `処方箋 #${ids.fax}`);
  });

  await step('the fax page can be paged, zoomed and rotated with buttons and keys', async () => {
    const canvas = page.locator('canvas.page-canvas');
    await page.waitForFunction(() => document.querySelector('canvas.page-canvas')?.dataset.zoom === '1');
    const size = () => canvas.evaluate((c) => ({ w: c.width, h: c.height, zoom: c.dataset.zoom, rotation: c.dataset.rotation, source: c.dataset.source }));
    const start = await size();
    assert.ok(start.h > start.w, `a portrait page: ${JSON.stringify(start)}`);
    assert.equal(start.source, 'preview');
    assert.equal(await page.locator('[data-viewer="prev"]').isDisabled(), true, 'one page only');
    await page.locator('[data-viewer="zoom-in"]').click();
    await page.waitForFunction(() => document.querySelector('canvas.page-canvas').dataset.zoom === '1.25');
    const zoomed = await size();
    assert.ok(zoomed.w > start.w * 1.2, 'zoom in makes it larger');
    await page.locator('.page-stage').focus();
    await page.keyboard.press('+');
    await page.waitForFunction(() => document.querySelector('canvas.page-canvas').dataset.zoom === '1.5');
    assert.equal((await size()).source, 'full', 'beyond the preview the full image is used');
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.querySelector('canvas.page-canvas').dataset.rotation === '90');
    await page.keyboard.press('0');
    await page.waitForFunction(() => document.querySelector('canvas.page-canvas').dataset.zoom === '1');
    const turned = await size();
    assert.ok(turned.w > turned.h, `rotated 90°: landscape ${JSON.stringify(turned)}`);
    assert.match(await page.locator('.page-status').innerText(), /FAX 1 ページ目（全 1 ページ）、100%、回転 90°/);
    await page.locator('[data-viewer="rotate-left"]').click();
    await page.waitForFunction(() => document.querySelector('canvas.page-canvas').dataset.rotation === '0');
  });

  await step('entering the content of the no-QR fax: a missing field is shown next to it, then it saves', async () => {
    assert.match(await page.locator('.rx-notices').innerText(), /QR コードを読み取れなかった/);
    const today = tokyoToday().iso;
    await page.getByLabel('氏名（漢字）').fill('薬局 花子');
    await page.getByLabel('氏名（カナ）').fill('ﾔｯｷｮｸ ﾊﾅｺ');
    await page.getByLabel('性別').selectOption('female');
    await page.getByLabel('生年月日').fill('1985-04-01');
    await page.getByLabel('医療機関コード').fill('1311234567');
    await page.getByLabel('医療機関名').fill('さくら内科クリニック');
    await page.getByLabel('処方医の氏名').fill('工業会 次郎');
    await page.getByLabel('交付年月日').fill(today);
    await page.getByLabel('備考').fill('オンライン対応');
    await page.getByLabel('日数').fill('7');
    await page.getByLabel('用法').fill('1日1回朝食後');
    await page.getByLabel('薬品名（Rp1-1）').fill('ノルバスク錠2.5mg');
    await page.getByLabel('用量').fill('1');
    // The unit is left out: the server names the field and the form shows it there.
    const done = expectHttpError(400, `/api/v1/prescriptions/${ids.fax}/content`);
    try {
      await page.locator('[data-action="save-content"]').click();
      assert.match(await fieldError(page, '単位'), /unit/);
    } finally {
      done();
    }
    await page.getByLabel('単位').fill('錠');
    await page.locator('[data-action="save-content"]').click();
    const content = page.locator('[data-testid="rx-content"]');
    await content.waitFor();
    assert.match(await content.innerText(), /薬局 花子[\s\S]*さくら内科クリニック[\s\S]*Rp1[\s\S]*7日分[\s\S]*ノルバスク錠2\.5mg 1錠/);
    assert.equal(await page.locator('[data-marker="needs-entry"]').count(), 0, 'no longer needs entry');
    assert.equal(await page.locator('[data-finding][data-code="qr_no_symbols"]').count(), 0, 'the checks ran again');
    assert.match(await page.locator('#rx-timeline').innerText(), /内容の入力・修正/);
    // announce() speaks 50 ms later (a fresh text node makes screen readers repeat a message).
    await page.waitForFunction(() => /保存しました/.test(document.getElementById('announcer').textContent));
    // The page beside the data it was read into.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '21-prescription-detail');
  });

  await step('a stale version is refused with the reason and an offer to reload', async () => {
    // Another terminal puts it on hold and releases it: the version this screen has is old.
    const other = await page.context().newPage();
    await other.goto(`/prescriptions/${ids.fax}`);
    await other.locator('[data-rx-action="hold"]').click();
    await other.locator('[data-rx-action="release_hold"]').click();
    await other.locator('[data-rx-action="hold"]').waitFor();
    await other.close();
    const done = expectHttpError(409, `/api/v1/prescriptions/${ids.fax}/actions/hold`);
    try {
      await page.locator('[data-rx-action="hold"]').click();
      const alert = page.locator('[data-error-code="version_conflict"]');
      await alert.waitFor();
      assert.match(await alert.innerText(), /他の方がこの処方箋を先に更新しました/);
      await alert.locator('[data-action="reload"]').click();
      await page.locator('[data-error-code="version_conflict"]').waitFor({ state: 'detached' });
      assert.match(await page.locator('#rx-timeline').innerText(), /保留を解除/);
    } finally {
      done();
    }
  });

  await step('verifying with an open error is refused; the pharmacist resolves it with a note and verifies', async () => {
    await page.goto(`/prescriptions/${ids.clinic}`);
    await onScreen(page, `/prescriptions/${ids.clinic}`, `処方箋 #${ids.clinic}`);
    const done = expectHttpError(409, `/api/v1/prescriptions/${ids.clinic}/actions/verify`);
    try {
      await page.locator('[data-rx-action="verify"]').click();
      const alert = page.locator('[data-error-code="unresolved_errors"]');
      await alert.waitFor();
      assert.match(await alert.innerText(), /未解決のエラー所見/);
    } finally {
      done();
    }
    const finding = page.locator('[data-finding][data-code="rx_unknown_conditions_long_supply"]');
    assert.match(await finding.innerText(), /エラー[\s\S]*8日分以上/);
    await finding.getByLabel('対応内容（必須）').fill('疑義照会し、医師より7日分に変更の回答を得た');
    await finding.getByRole('button', { name: '解決する' }).click();
    await page.locator('[data-finding][data-code="rx_unknown_conditions_long_supply"].finding-resolved').waitFor();
    assert.match(await page.locator('[data-finding][data-code="rx_unknown_conditions_long_supply"]').innerText(), /解決済[\s\S]*対応: 疑義照会し/);
    await page.getByLabel('メモ（任意・履歴に残ります）').fill('監査OK');
    await page.locator('[data-rx-action="verify"]').click();
    await page.locator('.rx-summary [data-status="verified"]').waitFor();
    assert.match(await page.locator('#rx-timeline').innerText(), /監査（確認）[\s\S]*受付 → 監査済[\s\S]*監査OK/);
  });

  await step('marking the other fax misdirected asks for a note, and it leaves the queue', async () => {
    await page.goto(`/prescriptions/${ids.other}`);
    await onScreen(page, `/prescriptions/${ids.other}`, `処方箋 #${ids.other}`);
    await page.locator('canvas.page-canvas[data-zoom]').waitFor();
    await page.locator('[data-rx-action="mark_misdirected"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /誤送信として登録します/);
    assert.equal((await focused(page)).tag, 'textarea', 'the note has the focus');
    await dialog.locator('[data-action="confirm"]').click();
    assert.match(await dialog.locator('.field-error').innerText(), /入力してください/);
    await page.keyboard.type('当薬局宛てではない。送信元に電話で連絡済み');
    await dialog.locator('[data-action="confirm"]').click();
    await onScreen(page, '/prescriptions', '受付キュー');
    assert.match(await page.locator('main .notice-success').innerText(), new RegExp(`#${ids.other} を誤送信として登録しました`));
    await row(ids.fax).waitFor();
    assert.equal(await row(ids.other).count(), 0, 'the misdirected fax is gone from the queue');
  });

  await step('a resent fax is marked as a duplicate; the link can be undone and set again', async () => {
    ids.resent = await sendFax(1, '03-1111-2222');
    await row(ids.resent).waitFor({ timeout: 15_000 });
    assert.match(await row(ids.resent).locator('[data-marker="duplicate"]').innerText(), new RegExp(`重複（#${ids.fax}）`));
    await row(ids.resent).locator('a.queue-open').click();
    await onScreen(page, `/prescriptions/${ids.resent}`, `処方箋 #${ids.resent}`);
    assert.match(await page.locator('.rx-notices').innerText(), /同じ処方箋が既に受け付けられています/);
    await page.locator('[data-action="unlink-duplicate"]').click();
    await page.locator('[data-action="link-duplicate"]').waitFor();
    assert.equal(await page.locator('.rx-summary [data-marker="duplicate"]').count(), 0);
    await page.getByLabel('同じ処方箋の受付番号').fill(String(ids.fax));
    await page.locator('[data-action="link-duplicate"]').click();
    await page.locator('.rx-summary [data-marker="duplicate"]').waitFor();
    assert.match(await page.locator('#rx-timeline').innerText(), /重複の関連付けを解除[\s\S]*重複として関連付け/);
  });

  await step('a prescription brought to the counter is scanned and opened for entry', async () => {
    await page.goto('/prescriptions/new');
    await onScreen(page, '/prescriptions/new', '窓口スキャン・電子処方箋の受付');
    assert.equal(await page.getByLabel('処方箋の画像（スキャンまたは写真）').getAttribute('accept'), 'image/*,application/pdf');
    await page.getByLabel('処方箋の画像（スキャンまたは写真）').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: faxPagePng({ seed: 7 }) });
    await page.locator('[data-action="upload-scan"]').click();
    await page.waitForURL((u) => /^\/prescriptions\/\d+$/.test(u.pathname));
    ids.scan = Number(new URL(page.url()).pathname.split('/').pop());
    await onScreen(page, `/prescriptions/${ids.scan}`, `処方箋 #${ids.scan}`);
    assert.match(await page.locator('main .notice-success').innerText(), /QR コードを読み取れなかったため、内容を入力してください/);
    // The summary fills in when the prescription has loaded, after the heading is shown.
    await page.locator('.rx-summary', { hasText: '窓口持参' }).waitFor();
    await page.locator('canvas.page-canvas[data-zoom]').waitFor();
  });

  await step('an e-prescription that cannot be retrieved shows the upstream error clearly', async () => {
    await page.goto('/prescriptions/new');
    await onScreen(page, '/prescriptions/new', '窓口スキャン・電子処方箋の受付');
    await page.getByLabel('引換番号', { exact: true }).fill('12345678');
    await page.getByLabel('保険者番号').fill('12');
    await page.locator('[data-action="retrieve"]').click();
    assert.match(await fieldError(page, '保険者番号'), /6桁または8桁/);
    await page.getByLabel('保険者番号').fill('06012345');
    await page.getByLabel('生年月日').fill('1960-06-06');
    const done = expectHttpError(502, '/api/v1/eprescriptions/retrieve');
    try {
      await page.locator('[data-action="retrieve"]').click();
      const alert = page.locator('.eprescription-result [role="alert"]');
      await alert.waitFor();
      assert.match(await alert.innerText(), /取得できませんでした[\s\S]*管理者に連絡/);
      assert.equal(await page.getByLabel('引換番号', { exact: true }).inputValue(), '12345678', 'what was typed stays');
    } finally {
      done();
    }
  });

  await step('polling stops while the tab is hidden and catches up when it is shown', async () => {
    await page.goto('/prescriptions');
    await onScreen(page, '/prescriptions', '受付キュー');
    await row(ids.fax).waitFor();
    const setVisibility = (state) =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    assert.equal(await page.locator('[data-queue-state="paused"]').count(), 1);
    ids.late = await sendFax(9, '03-1111-2222');
    await sleep(7000);
    assert.equal(await row(ids.late).count(), 0, 'no request while hidden');
    await setVisibility('visible');
    await row(ids.late).waitFor({ timeout: 5000 });
  });

  await step('screenshots of the queue and the detail are copied to docs/screenshots', async () => {
    copyScreenshots([
      ['20-queue', 'intake-queue.png'],
      ['21-prescription-detail', 'intake-prescription-detail.png'],
    ]);
  });

  await step('no CSP violation, page error or console error on any page', async () => {
    assertNoProblems({ sawHttpErrors: true });
  });

  if (api) await api.dispose();
  if (clinic) await clinic.dispose();
});
