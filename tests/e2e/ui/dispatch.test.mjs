// Guidance, dispatch and delivery in a real browser against a real rxdesk (harness.mjs): a
// clinic pushes a prescription, the pharmacist verifies and dispenses it (API), sets a
// guidance schedule, and then in the UI books online guidance from the prescription, sees it
// on the calendar with the join button still closed, records the session (audio only is
// refused, then a valid record shows its fee), plans a shipment (a refused destination
// shows the rule, then a dry run shows the allowed methods, then it is stored), opens the
// label PDF and packs the parcel. Delivery staff on a phone (390×844, touch) scan the parcel
// number, record the pickup and the hand-over with a drawn signature.
// Throughout: no CSP violation, page error or console error other than provoked ones.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/dispatch.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient,
  addUser,
  apiCall,
  apiOk,
  assertNoProblems,
  copyScreenshots,
  env,
  expectHttpError,
  kPhone,
  onScreen,
  shot,
  signedInPage,
  storySteps,
  useServerAndBrowser,
} from './harness.mjs';
import { allDayGuidanceSchedule, clinicClient, verifyAndDispense } from './fixtures.mjs';

useServerAndBrowser();

const kPassword = 'tanaka no passphrase 2026';
const kDeliveryPassword = 'suzuki no passphrase 2026';

test('counter terminal: guidance, dispatch and delivery', { timeout: 540_000 }, async (t) => {
  const step = storySteps(t);

  let page;
  let clinic;
  let rxId;
  let appointmentId;
  let shipmentId;
  let parcelNumber;

  await step('a pharmacist signs in; a clinic prescription is verified and dispensed', async () => {
    const tanaka = addUser('tanaka', 'pharmacist', '田中 花子');
    clinic = await clinicClient(env.baseUrl, addClient('さくら内科', 'clinic', '1311234567'));
    rxId = await clinic.push('K-2026-0301', { patient: '配送 太郎', kana: 'ﾊｲｿｳ ﾀﾛｳ' });

    page = await signedInPage('pharmacist', tanaka, kPassword);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    assert.equal(await nav.getByRole('link', { name: '服薬指導' }).isVisible(), true);
    assert.equal(await nav.getByRole('link', { name: '配送', exact: true }).isVisible(), true);
    assert.equal(await nav.getByRole('link', { name: '配達', exact: true }).isVisible(), false);

    const rx = await verifyAndDispense((...a) => apiOk(page, ...a), rxId);
    assert.equal(rx.status, 'dispensed');
    // Guidance hours: every day, all day, 10-minute slots (the default schedule has none).
    await apiOk(page, 'PUT', '/api/v1/guidance/pharmacists/tanaka/schedule', allDayGuidanceSchedule());
  });

  await step('the calendar shows the day with its slots; booking from the prescription', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '服薬指導' }).click();
    await onScreen(page, '/guidance', '服薬指導');
    await page.locator('.guidance-calendar[data-ready="true"]').waitFor();
    assert.equal(await page.getByLabel('薬剤師（ログイン名）').inputValue(), 'tanaka', 'a pharmacist sees their own calendar');
    assert.ok((await page.locator('.slot-table tbody tr').count()) > 0, 'the day has slots');
    assert.ok((await page.locator('.slot-free').count()) > 0, 'some are free');

    await page.getByLabel('受付番号').fill(String(rxId));
    await page.getByRole('button', { name: '予約を入れる' }).click();
    await onScreen(page, `/guidance/book/${rxId}`, '服薬指導の予約');
    await page.locator('[data-patient]', { hasText: '配送 太郎' }).waitFor();
    await page.locator('input[name="pharmacist"][value="tanaka"]').waitFor();
    await page.locator('input[name="start"], [data-no-slots]').first().waitFor();
    if (await page.locator('[data-no-slots]').count()) {
      // Late at night in Tokyo: today has no bookable slot left.
      const date = page.getByLabel('日付');
      const tomorrow = new Date(Date.now() + 33 * 3600_000).toISOString().slice(0, 10);
      await date.fill(tomorrow);
      await date.dispatchEvent('change');
      await page.locator('input[name="start"]').first().waitFor();
    }
    await page.locator('.slot-option').first().click();
    await page.getByLabel('連絡方法').selectOption('email');
    await page.getByLabel('連絡先（携帯電話番号またはメールアドレス）').fill('haisou@example.jp');
    await page.getByLabel('患者のイニシャル（カレンダー表示用・任意）').fill('H.T.');
    await page.getByRole('button', { name: 'この時間で予約する' }).click();
    await page.waitForURL(/\/guidance\/appointments\/\d+$/, { timeout: 30_000 });
    appointmentId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('#appt-heading').waitFor();
    assert.match(await page.locator('main').innerText(), /に予約しました。/);
    assert.match(await page.locator('main').innerText(), /H\.T\. 様[\s\S]*haisou@example\.jp/);
    // The session is at least 30 minutes ahead: the link cannot be issued yet.
    const join = page.getByRole('button', { name: 'ビデオ通話に参加' });
    assert.equal(await join.isDisabled(), true, 'join is closed until 15 minutes before');
    assert.match(await page.locator('#join-hint').innerText(), /開始 15 分前（\d\d:\d\d）から参加できます/);
  });

  await step('the booking is on the day and week calendar', async () => {
    await page.getByRole('link', { name: '← カレンダーへ' }).click();
    await onScreen(page, '/guidance', '服薬指導');
    const appointmentDate = await page.evaluate(async (id) => {
      const a = await (await fetch(`/api/v1/guidance/appointments/${id}`)).json();
      return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(a.start));
    }, appointmentId);
    await page.getByLabel('日付').fill(appointmentDate);
    await page.getByRole('button', { name: '表示', exact: true }).click();
    const link = page.locator(`.slot-table a[data-appointment="${appointmentId}"]`);
    await link.waitFor();
    await page.locator('.guidance-calendar:not([aria-busy])').waitFor();
    assert.match(await link.innerText(), /H\.T\. 様（処方箋 #\d+）/);
    await link.scrollIntoViewIfNeeded();
    await shot(page, '40-guidance-calendar-day');
    await page.getByText('週', { exact: true }).click();
    await page.locator('.guidance-calendar[data-mode="week"]').waitFor();
    await page.locator(`.week-grid a[data-appointment="${appointmentId}"]`).waitFor();
    assert.equal(await page.locator('.week-grid > li').count(), 7);
    await shot(page, '41-guidance-calendar-week');
  });

  await step('audio only is refused as online guidance; a complete record shows its fee', async () => {
    await page.locator(`.week-grid a[data-appointment="${appointmentId}"]`).click();
    await onScreen(page, `/guidance/appointments/${appointmentId}`, '服薬指導');
    const form = page.locator('form.record-form');
    await form.waitFor();
    await form.getByLabel('音声のみ（電話）').check();
    assert.equal(await page.locator('#audio-only-hint').isVisible(), true, 'the form warns before sending');
    await form.getByLabel('薬剤師の氏名と資格を患者に示した').check();
    await form.getByLabel('双方がプライバシーの保たれる場所にいることを確認した').check();
    await form.getByLabel('情報セキュリティ上のリスクを説明し、患者の同意を得た').check();
    for (const topic of ['効能・効果', '副作用', '用法・用量', '保管方法']) await form.getByLabel(topic, { exact: true }).check();
    await form.getByLabel('お薬手帳の提示があった').check();
    const done = expectHttpError(422, `/api/v1/guidance/appointments/${appointmentId}/record`);
    await page.getByRole('button', { name: '指導記録を保存' }).click();
    const refusal = page.locator('[data-error-code="audio_only_not_online_guidance"]');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /音声のみの通話はオンライン服薬指導として認められません/);
    assert.equal(await form.locator('input[name="mode"][aria-invalid="true"]').count(), 1, 'the error is on the mode');
    done();

    await form.getByLabel('映像と音声（ビデオ通話）').check();
    await form.getByLabel('映像と音声が双方向に送受信できることを確認した').check();
    assert.equal(await form.getByLabel('本人確認に用いた書類').inputValue(), 'my_number_card');
    await form.scrollIntoViewIfNeeded();
    await shot(page, '42-guidance-record-form');
    await page.getByRole('button', { name: '指導記録を保存' }).click();
    await page.locator('[data-recorded="true"]').waitFor({ timeout: 30_000 });
    const fee = page.locator('.fee-box');
    assert.match(await fee.innerText(), /服薬管理指導料（情報通信機器）：\s*(45|59) 点/);
    assert.match(await fee.innerText(), /理由: \S+/);
    assert.match(await page.locator('main').innerText(), /処方箋を「服薬指導済」にしました/);
    await shot(page, '43-guidance-record-fee');
  });

  await step('a shipment abroad is refused with the rule; the dry run shows the methods; it is stored', async () => {
    await page.getByRole('link', { name: 'この処方箋の配送を計画する' }).click();
    await onScreen(page, `/dispatch/prescriptions/${rxId}`, '配送の計画');
    await page.getByLabel('郵便番号').fill('1500001');
    await page.getByLabel('住所').fill('東京都渋谷区神宮前1-1-1');
    await page.getByLabel('電話番号').fill('03-0000-0000');
    await page.getByLabel('国').fill('US');
    await page.getByLabel('配送方法').selectOption('staff_hand_delivery');
    const done = expectHttpError(422, '/api/v1/shipments');
    await page.getByRole('button', { name: '配送方法を確認（試算）' }).click();
    const refused = page.locator('.plan-result [data-error-code="shipment_refused"]');
    await refused.waitFor();
    assert.match(await refused.innerText(), /規則 \S+/);
    assert.equal(await page.getByRole('button', { name: 'この内容で発送を登録' }).isDisabled(), true);
    done();

    await page.getByLabel('国').fill('JP');
    await page.getByRole('button', { name: '配送方法を確認（試算）' }).click();
    await page.locator('.plan-result .notice-success', { hasText: '薬局職員が届けるで発送できます' }).waitFor();
    assert.ok((await page.locator('.plan-parcel [data-allowed="staff_hand_delivery"]').count()) > 0, 'staff delivery is allowed');
    assert.ok((await page.locator('.plan-parcel [data-allowed]').count()) > 1, 'every allowed method is listed');
    await page.locator('.plan-result').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('.plan-result').scrollIntoView({ block: 'center' }));
    await shot(page, '44-dispatch-plan');
    await page.getByRole('button', { name: 'この内容で発送を登録' }).click();
    await page.waitForURL(/\/dispatch\/shipments\/\d+$/, { timeout: 30_000 });
    shipmentId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('main h1', { hasText: `発送 #${shipmentId}` }).waitFor();
    await page.locator('.parcel-table tbody tr').first().waitFor();
    parcelNumber = await page.locator('.parcel-table tbody tr').first().getAttribute('data-parcel');
    assert.match(parcelNumber, /^\d{12}$/);
    assert.equal(await page.locator('.parcel-table [data-custody="not_packed"]').count(), 1);
  });

  await step('the label PDF opens in a new tab; packing the parcel ships the prescription', async () => {
    const link = page.locator('a[data-pdf="labels"]');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /noopener/);
    const href = await link.getAttribute('href');
    assert.equal(href, `/api/v1/shipments/${shipmentId}/labels?format=a6`);
    const res = await page.request.get(href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /^application\/pdf/);
    assert.equal((await res.body()).subarray(0, 4).toString('latin1'), '%PDF');
    // A tab showing a PDF asks for /favicon.ico, which rxdesk does not serve (it has /favicon.svg).
    expectHttpError(404, '/favicon.ico');
    const popup = page.waitForEvent('popup');
    await link.click();
    const tab = await popup;
    assert.equal(await tab.evaluate(() => window.opener), null, 'the PDF tab has no handle on the terminal');
    await tab.close();
    const note = await page.request.get(await page.locator('a[data-pdf="handling-note"]').getAttribute('href'));
    assert.equal((await note.body()).subarray(0, 4).toString('latin1'), '%PDF');

    await page.getByRole('button', { name: '梱包済にする' }).click();
    await page.locator('.parcel-table [data-custody="packed"]').waitFor();
    const rx = (await apiCall(page, 'GET', `/api/v1/prescriptions/${rxId}`)).body;
    assert.equal(rx.status, 'shipped');
  });

  await step('delivery staff on a phone scan the parcel, record the pickup and the signed hand-over', async () => {
    const suzuki = addUser('suzuki', 'delivery', '鈴木 配達');
    const phone = await signedInPage('delivery', suzuki, kDeliveryPassword, { context: kPhone });
    await phone.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '配達' }).click();
    await onScreen(phone, '/delivery', '配達');
    const number = phone.getByLabel('荷物番号（12桁）');
    assert.equal(await phone.evaluate(() => document.activeElement.id), 'parcel-number', 'ready for the scanner');
    // A barcode scanner types the digits and presses Enter.
    await phone.keyboard.type(parcelNumber);
    await phone.keyboard.press('Enter');
    await phone.locator('#parcel-heading', { hasText: parcelNumber }).waitFor();
    assert.match(await phone.locator('.parcel-facts').innerText(), /配送 太郎 様[\s\S]*東京都渋谷区神宮前1-1-1/);
    assert.doesNotMatch(await phone.locator('main').innerText(), /ノルバスク/, 'delivery staff never see the contents');
    assert.equal(await number.inputValue(), parcelNumber);

    const pickup = phone.getByRole('button', { name: '持ち出しを記録（配達に出発）' });
    const box = await pickup.boundingBox();
    assert.ok(box.height >= 48, `a large touch target (${box.height}px)`);
    await pickup.tap();
    await phone.locator('[data-done="out_with_staff"]').waitFor();
    assert.equal(await phone.locator('.parcel-facts [data-custody="out_with_staff"]').count(), 1);

    await phone.getByLabel('受け取った人の氏名').fill('配送 太郎');
    await phone.getByLabel(/本人確認の方法/).selectOption('driver_licence');
    const canvas = phone.locator('canvas.signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const c = await canvas.boundingBox();
    assert.ok(c.width > 300 && c.height >= 150, 'a signature pad as wide as the phone');
    await phone.mouse.move(c.x + 30, c.y + c.height * 0.6);
    await phone.mouse.down();
    for (let i = 1; i <= 12; i++) await phone.mouse.move(c.x + 30 + i * 20, c.y + c.height * (0.6 - 0.3 * Math.sin(i / 2)), { steps: 2 });
    await phone.mouse.up();
    assert.equal(await canvas.getAttribute('data-ink'), 'true');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (${overflow}px)`);
    await shot(phone, '45-delivery-phone');
    await phone.getByRole('button', { name: '受け渡しを記録' }).tap();
    await phone.locator('[data-done="delivered"]').waitFor();
    assert.equal(await phone.locator('.parcel-facts [data-custody="delivered"]').count(), 1);
    await shot(phone, '46-delivery-phone-done');
    const rx = (await apiCall(page, 'GET', `/api/v1/prescriptions/${rxId}`)).body;
    assert.equal(rx.status, 'delivered', 'the hand-over confirms the delivery');
  });

  await step('screenshots of the calendar and the phone are copied to docs/screenshots', async () => {
    copyScreenshots([
      ['41-guidance-calendar-week', 'guidance-calendar.png'],
      ['45-delivery-phone', 'delivery-phone.png'],
    ]);
  });

  await step('no CSP violation, page error or console error on any page', async () => {
    assertNoProblems({ sawHttpErrors: true });
  });

  if (clinic) await clinic.dispose();
});
