// An e-prescription retrieved at the counter by its exchange number (引換番号) in a real browser
// against a real rxdesk talking to the local e-prescription service simulator
// (rxdesk-eprescription-sim, started by harness.mjs with its demo prescriptions). A clerk
// types the number of a patient's copy: a wrong birth date and an expired prescription are
// refused with what to do next, the valid one opens as a new prescription with its content
// read from the service, and it is in the queue as 電子処方箋.
// Throughout: no CSP violation, page error or console error other than provoked ones.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/eprescription.test.mjs
// Environment: RXDESK_EPRESCRIPTION_SIM (default: the simulator built beside rxdesk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, assertNoProblems, copyScreenshots, expectHttpError, fieldError, focusRing, focused, onScreen, shot, signedInPage, storySteps, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser({ eprescriptionSimulator: true });

const kPassword = 'takahashi no passphrase 2026';
// The simulator's demo prescriptions (see rxdesk-eprescription-sim --help).
const kInsurer = '06139999';
const kValid = { exchange: '1000000000000001', birth: '1985-04-01' };
const kExpired = { exchange: '1000000000000003', birth: '1972-07-07' };

test('counter terminal: e-prescription retrieval', { timeout: 300_000 }, async (t) => {
  const step = storySteps(t);
  let page;
  let rxId;

  const retrieve = async ({ exchange, insurer = kInsurer, birth }) => {
    await page.getByLabel('引換番号', { exact: true }).fill(exchange);
    await page.getByLabel('保険者番号').fill(insurer);
    await page.getByLabel('生年月日').fill(birth);
    await page.locator('[data-action="retrieve"]').click();
  };

  await step('a clerk signs in and opens the counter intake', async () => {
    const clerk = addUser('takahashi', 'clerk', '高橋 受付');
    page = await signedInPage('clerk', clerk, kPassword, { path: '/prescriptions/new', heading: '窓口スキャン・電子処方箋の受付' });
  });

  await step('a birth date that does not match is refused with what to check', async () => {
    const done = expectHttpError(422, '/api/v1/eprescriptions/retrieve');
    try {
      await retrieve({ exchange: kValid.exchange, birth: '1985-04-02' });
      const alert = page.locator('.eprescription-result [data-error-code="eprescription_identity_mismatch"]');
      const shownNextToField = page.locator('[aria-invalid="true"]');
      await alert.or(shownNextToField).first().waitFor();
      const text = (await alert.count()) ? await alert.innerText() : await fieldError(page, '生年月日');
      assert.match(text, /一致しません/);
      assert.equal(await page.getByLabel('引換番号', { exact: true }).inputValue(), kValid.exchange, 'what was typed stays');
    } finally {
      done();
    }
  });

  await step('an expired e-prescription is refused: the clerk is told to contact the clinic', async () => {
    const done = expectHttpError(422, '/api/v1/eprescriptions/retrieve');
    try {
      await retrieve(kExpired);
      const alert = page.locator('.eprescription-result [data-error-code="eprescription_expired"]');
      await alert.waitFor();
      assert.match(await alert.innerText(), /使用期間が過ぎています[\s\S]*医療機関に連絡/);
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.equal((await focused(page)).tag, 'div', 'the message gets the focus so it is read out');
    } finally {
      done();
    }
  });

  await step('the valid exchange number opens the retrieved prescription with its content', async () => {
    // Keyboard only: the button is reached with Tab and shows its focus.
    await page.getByLabel('引換番号', { exact: true }).fill(kValid.exchange);
    await page.getByLabel('保険者番号').fill(kInsurer);
    await page.getByLabel('生年月日').fill(kValid.birth);
    // Tab steps through the date's year, month and day first.
    await page.getByLabel('生年月日').focus();
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement.dataset.action)) !== 'retrieve'; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'retrieve');
    assert.ok(await focusRing(page), 'focus is visible on the button');
    await page.evaluate(() => document.querySelector('.eprescription-result').scrollIntoView({ block: 'center' }));
    await shot(page, '50-eprescription-form');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => /^\/prescriptions\/\d+$/.test(u.pathname), { timeout: 30_000 });
    rxId = Number(new URL(page.url()).pathname.split('/').pop());
    await onScreen(page, `/prescriptions/${rxId}`, `処方箋 #${rxId}`);
    assert.match(await page.locator('main .notice-success').innerText(), new RegExp(`電子処方箋を取得しました（受付番号 #${rxId}）`));
    await page.locator('.rx-summary', { hasText: '電子処方箋' }).waitFor();
    const content = page.locator('[data-testid="rx-content"]');
    await content.waitFor();
    assert.match(await content.innerText(), /電子 花子[\s\S]*デモアムロジピン錠2\.5mg[\s\S]*デモファモチジン錠10mg/);
    assert.equal(await page.locator('[data-marker="needs-entry"]').count(), 0, 'nothing to type in: the content came from the service');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '51-eprescription-retrieved');
  });

  await step('the retrieved prescription is in the queue as 電子処方箋', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '受付キュー' }).click();
    await onScreen(page, '/prescriptions', '受付キュー');
    const row = page.locator(`.queue-table tr[data-id="${rxId}"]`);
    await row.waitFor({ timeout: 15_000 });
    assert.match(await row.innerText(), /電子処方箋[\s\S]*電子 花子/);
    await page.getByLabel('経路').selectOption('eprescription');
    await row.waitFor();
    assert.equal(await page.locator('.queue-table tbody tr').count(), 1);
    await shot(page, '52-eprescription-queue');
  });

  await step('screenshots are copied to docs/screenshots', async () => {
    copyScreenshots([['51-eprescription-retrieved', 'intake-eprescription-retrieved.png']]);
  });

  await step('no CSP violation, page error or console error on any page', async () => {
    assertNoProblems({ sawHttpErrors: true });
  });
});
