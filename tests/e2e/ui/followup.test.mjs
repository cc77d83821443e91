// What happens after the plan, in a real browser against a real rxdesk (harness.mjs): a clinic
// pushes five prescriptions, verified and dispensed through the API. The pharmacist
// reschedules a guidance appointment from the calendar and then cancels it, each with a
// reason, and sees its slots freed. Delivery staff on a phone find nobody at home, record the
// failed delivery with its reason and the return to the pharmacy. Two parcels go by carrier:
// the pharmacist hands one to the carrier on the shipment screen and confirms its receipt
// there; the other is overdue (its hand-over is moved two days back in the database, as if
// time had passed) and is confirmed on the 受取確認 screen after phoning the patient. A
// chilled parcel whose logger reports 12.5 ℃ is held until the pharmacist records a decision.
// Throughout: no CSP violation, page error or console error other than provoked ones.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/followup.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  addClient,
  addUser,
  apiOk,
  assertNoProblems,
  copyScreenshots,
  env,
  fieldError,
  focusRing,
  focused,
  hasSqlite3,
  kPhone,
  onScreen,
  shot,
  signedInPage,
  storySteps,
  useServerAndBrowser,
} from './harness.mjs';
import { allDayGuidanceSchedule, clinicClient, tokyoDatePlus, verifyAndDispense } from './fixtures.mjs';

useServerAndBrowser();

const kPassword = 'kimura no passphrase 2026';
const kDeliveryPassword = 'ito no passphrase 2026';
const kDestination = { postcode: '1500001', address: '東京都渋谷区神宮前1-1-1', phone: '03-0000-0000', country: 'JP' };

test('counter terminal: rescheduling, failed delivery and receipt confirmation', { timeout: 540_000 }, async (t) => {
  const step = storySteps(t);
  let page;
  let clinic;
  const rx = {}; // name -> prescription id
  const call = (...a) => apiOk(page, ...a);

  /** A stored shipment of a prescription; answers its first parcel {id, parcel_number, shipmentId}. */
  const ship = async (rxId, method) => {
    const out = await call('POST', '/api/v1/shipments', { prescription_id: rxId, destination: kDestination, preferred_method: method });
    const parcel = out.shipment.parcels[0];
    return { id: parcel.id, parcel_number: parcel.parcel_number, shipmentId: out.shipment.id };
  };

  await step('a pharmacist signs in; five clinic prescriptions are verified and dispensed', async () => {
    const kimura = addUser('kimura', 'pharmacist', '木村 薫');
    clinic = await clinicClient(env.baseUrl, addClient('さくら内科', 'clinic', '1311234567'));
    for (const [name, patient, kana] of [
      ['guidance', '予約 太郎', 'ﾖﾔｸ ﾀﾛｳ'],
      ['staff', '不在 花子', 'ﾌｻﾞｲ ﾊﾅｺ'],
      ['carrier', '業者 一郎', 'ｷﾞｮｳｼｬ ｲﾁﾛｳ'],
      ['overdue', '業者 二郎', 'ｷﾞｮｳｼｬ ｼﾞﾛｳ'],
      ['cold', '冷蔵 三郎', 'ﾚｲｿﾞｳ ｻﾌﾞﾛｳ'],
    ])
      rx[name] = await clinic.push(`K-FOLLOW-${name}`, { patient, kana });
    page = await signedInPage('pharmacist', kimura, kPassword);
    for (const id of Object.values(rx)) assert.equal((await verifyAndDispense(call, id)).status, 'dispensed');
    await call('PUT', '/api/v1/guidance/pharmacists/kimura/schedule', allDayGuidanceSchedule());
  });

  // ------------------------------------------------------------ guidance: reschedule, cancel

  let appointmentId;
  let date; // the day of the appointment (Tokyo)
  let first; // the slot booked first
  let second; // the slot it is moved to
  const slotRow = (slot) => page.locator(`.slot-table tr[data-slot="${slot.start}"]`);

  await step('an appointment is booked; the calendar shows it in its slot', async () => {
    // Today, unless it is too late in Tokyo for three free slots.
    for (const days of [0, 1]) {
      date = tokyoDatePlus(days);
      const { slots } = await call('GET', `/api/v1/guidance/slots?pharmacist=kimura&date=${date}`);
      const free = slots.filter((s) => s.available);
      if (free.length >= 3) {
        [first, , second] = free;
        break;
      }
    }
    assert.ok(second, 'a day with three free slots');
    const a = await call('POST', '/api/v1/guidance/appointments', { prescription_id: rx.guidance, pharmacist: 'kimura', start: first.start, patient_initials: 'Y.T.' });
    appointmentId = a.id;

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '服薬指導' }).click();
    await onScreen(page, '/guidance', '服薬指導');
    await page.getByLabel('日付').fill(date);
    await page.getByRole('button', { name: '表示', exact: true }).click();
    await slotRow(first).locator(`a[data-appointment="${appointmentId}"]`).waitFor();
    await page.locator('.guidance-calendar:not([aria-busy])').waitFor();
    assert.match(await slotRow(second).innerText(), /空き/);
  });

  await step('rescheduling from the calendar asks for a reason, then moves the appointment', async () => {
    await slotRow(first).locator(`a[data-appointment="${appointmentId}"]`).click();
    await onScreen(page, `/guidance/appointments/${appointmentId}`, '服薬指導');
    await page.locator('#appt-heading').waitFor();
    // Keyboard: from the section's heading, Tab reaches the toggle, which shows its focus.
    await page.locator('#change-heading').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
    assert.ok(await focusRing(page), 'the 予約を変更する toggle shows its focus');
    await page.keyboard.press('Enter');
    const choice = page.locator(`input[name="start"][value="${second.start}"]`);
    await choice.waitFor();
    assert.equal(await page.locator(`input[name="start"][value="${first.start}"]`).count(), 0, 'the booked slot is not offered');
    await choice.check();
    await page.locator('[data-action="reschedule"]').click();
    assert.match(await fieldError(page, '変更の理由（必須）'), /変更の理由を入力してください/);
    assert.equal((await focused(page)).name, 'reason', 'the reason gets the focus');
    await page.getByLabel('変更の理由（必須）').fill('患者さんの都合（仕事の延長）');
    await page.evaluate(() => document.querySelector('details.change-box').scrollIntoView({ block: 'start' }));
    await shot(page, '60-guidance-reschedule');
    await page.locator('[data-action="reschedule"]').click();
    const facts = page.locator('section[aria-labelledby="appt-heading"] .rx-facts');
    await page.locator('section[aria-labelledby="appt-heading"]', { hasText: '変更理由' }).waitFor();
    assert.match(await facts.innerText(), /変更理由[\s\S]*患者さんの都合（仕事の延長）/);
    const hhmm = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(new Date(second.start));
    assert.match(await facts.innerText(), new RegExp(`日時[\\s\\S]*${hhmm}`));
    await page.waitForFunction(() => /予約を変更しました/.test(document.getElementById('announcer').textContent));
  });

  await step('the calendar shows the old slot free and the appointment in the new one', async () => {
    await page.getByRole('link', { name: '← カレンダーへ' }).click();
    await onScreen(page, '/guidance', '服薬指導');
    await slotRow(second).locator(`a[data-appointment="${appointmentId}"]`).waitFor();
    assert.match(await slotRow(first).innerText(), /空き/);
    assert.equal(await slotRow(first).locator('a[data-appointment]').count(), 0);
  });

  await step('cancelling asks for a reason in a dialog; the appointment is cancelled and its slot freed', async () => {
    await slotRow(second).locator(`a[data-appointment="${appointmentId}"]`).click();
    await onScreen(page, `/guidance/appointments/${appointmentId}`, '服薬指導');
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /予約を取り消します/);
    assert.equal((await focused(page)).tag, 'textarea', 'the reason has the focus');
    await dialog.locator('[data-action="confirm"]').click();
    assert.match(await dialog.locator('.field-error').innerText(), /取消の理由（必須）を入力してください/);
    await page.keyboard.type('患者さんが来局して対面で指導を受けたため');
    await shot(page, '61-guidance-cancel-dialog');
    await dialog.locator('[data-action="confirm"]').click();
    await page.locator('dialog').waitFor({ state: 'detached' });
    await page.locator('section[aria-labelledby="appt-heading"] [data-appt-status="cancelled"]').waitFor();
    assert.match(await page.locator('section[aria-labelledby="appt-heading"]').innerText(), /取消理由[\s\S]*対面で指導を受けたため/);
    assert.equal(await page.getByRole('button', { name: '予約を取り消す' }).count(), 0, 'nothing left to cancel');
    assert.equal(await page.getByRole('button', { name: 'ビデオ通話に参加' }).count(), 0);

    await page.getByRole('link', { name: '← カレンダーへ' }).click();
    await onScreen(page, '/guidance', '服薬指導');
    await page.locator('.guidance-calendar[data-ready="true"]:not([aria-busy])').waitFor();
    await slotRow(second).waitFor();
    assert.match(await slotRow(second).innerText(), /空き/, 'the slot is free again');
    assert.equal(await page.locator('.slot-table a[data-appointment]').count(), 0);
    const cancelled = page.locator('details.cancelled-list');
    await cancelled.locator('summary').click();
    assert.match(await cancelled.innerText(), /取り消した予約 1 件[\s\S]*Y\.T\. 様[\s\S]*取消[\s\S]*対面で指導を受けたため/);
    // The freed slot can be booked again.
    const again = await call('POST', '/api/v1/guidance/appointments', { prescription_id: rx.guidance, pharmacist: 'kimura', start: second.start });
    assert.equal(again.status, 'booked');
  });

  // ------------------------------------------------------------ delivery staff: failed, returned

  let staffParcel;
  let phone;
  await step('delivery staff find nobody at home: the failure needs a reason, then it is recorded', async () => {
    staffParcel = await ship(rx.staff, 'staff_hand_delivery');
    await call('POST', `/api/v1/parcels/${staffParcel.id}/events`, { kind: 'packed' });
    const ito = addUser('ito', 'delivery', '伊藤 配達');
    phone = await signedInPage('delivery', ito, kDeliveryPassword, { context: kPhone });
    await phone.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '配達' }).click();
    await onScreen(phone, '/delivery', '配達');
    await phone.keyboard.type(staffParcel.parcel_number);
    await phone.keyboard.press('Enter');
    await phone.locator('#parcel-heading', { hasText: staffParcel.parcel_number }).waitFor();
    await phone.getByRole('button', { name: '持ち出しを記録（配達に出発）' }).tap();
    await phone.locator('[data-done="out_with_staff"]').waitFor();

    const form = phone.locator('form.delivery-failure');
    const reason = form.getByLabel('理由', { exact: true });
    const submit = form.getByRole('button', { name: '配達できなかったことを記録' });
    for (const target of [reason, form.getByLabel('メモ（「その他」のときは必須）'), submit]) {
      const box = await target.boundingBox();
      assert.ok(box.height >= 48, `a large touch target (${box.height}px)`);
    }
    await submit.tap();
    assert.match(await fieldError(phone, '理由'), /理由を選んでください/);
    await reason.selectOption('その他');
    await submit.tap();
    assert.match(await fieldError(phone, 'メモ（「その他」のときは必須）'), /その他の理由をメモに書いてください/);
    await reason.selectOption('不在');
    await form.getByLabel('メモ（「その他」のときは必須）').fill('不在票を投函');
    await submit.tap();
    await phone.locator('[data-done="failed"]').waitFor();
    assert.equal(await phone.locator('.parcel-facts [data-custody="failed"]').count(), 1);
    assert.match(await phone.locator('[data-next="return"]').innerText(), /薬局へ持ち帰ったら記録/);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (${overflow}px)`);
    await shot(phone, '62-delivery-failed');
  });

  await step('the return to the pharmacy is recorded; the pharmacist sees it on the shipment', async () => {
    const back = phone.getByRole('button', { name: '薬局へ持ち帰ったことを記録' });
    assert.ok((await back.boundingBox()).height >= 48, 'a large touch target');
    await back.tap();
    await phone.locator('[data-done="returned"]').waitFor();
    assert.equal(await phone.locator('.parcel-facts [data-custody="returned_to_pharmacy"]').count(), 1);
    assert.match(await phone.locator('[data-next="pharmacy"]').innerText(), /再配達は薬局で手配します/);
    await phone.locator('.parcel-events summary').click();
    assert.match(await phone.locator('.parcel-events').innerText(), /持ち出し[\s\S]*配達できず[\s\S]*薬局へ返送/);
    await shot(phone, '63-delivery-returned');
    await phone.context().close();

    await page.goto(`/dispatch/shipments/${staffParcel.shipmentId}`);
    await onScreen(page, `/dispatch/shipments/${staffParcel.shipmentId}`, `発送 #${staffParcel.shipmentId}`);
    await page.locator(`.parcel-table tr[data-parcel="${staffParcel.parcel_number}"] [data-custody="returned_to_pharmacy"]`).waitFor();
    assert.equal(await page.locator('section[aria-labelledby="receipt-heading"]').count(), 0, 'no receipt to confirm for staff delivery');
  });

  // ------------------------------------------------------------ carrier: hand-over, receipt

  let carrierParcel;
  await step('a carrier parcel is packed and handed to the carrier on the shipment screen', async () => {
    const parcel = await ship(rx.carrier, 'carrier');
    await page.goto(`/dispatch/shipments/${parcel.shipmentId}`);
    await onScreen(page, `/dispatch/shipments/${parcel.shipmentId}`, `発送 #${parcel.shipmentId}`);
    const row = page.locator(`.parcel-table tr[data-parcel="${parcel.parcel_number}"]`);
    await row.getByRole('button', { name: '梱包済にする' }).click();
    await row.locator('[data-custody="packed"]').waitFor();
    await row.getByRole('button', { name: '配送業者へ引き渡す' }).click();
    await row.locator('[data-custody="handed_to_carrier"]').waitFor();
    carrierParcel = parcel;
  });

  await step('its receipt is confirmed there: the method is required, then the parcel is marked 受取確認済', async () => {
    const parcel = carrierParcel;
    const form = page.locator(`[data-receipt-form="${parcel.parcel_number}"]`);
    await form.waitFor();
    await form.getByRole('button', { name: '受取確認を記録' }).click();
    assert.match(await form.locator('.field[data-field="method"] .field-error').innerText(), /確認方法を選んでください/);
    assert.equal(await form.locator('input[name="method"]').first().getAttribute('aria-invalid'), 'true');
    await form.getByLabel('配送業者の配達記録で確認した').check();
    await form.getByLabel('メモ（任意）').fill('追跡番号で配達完了を確認');
    await form.getByRole('button', { name: '受取確認を記録' }).click();
    const row = page.locator(`.parcel-table tr[data-parcel="${parcel.parcel_number}"]`);
    await row.locator('.badge', { hasText: '受取確認済' }).waitFor();
    assert.equal(await row.locator('[data-custody="delivered"]').count(), 1, 'the confirmation is the news that it arrived');
    assert.equal(await page.locator('section[aria-labelledby="receipt-heading"]').count(), 0);
  });

  await step(
    'an overdue carrier parcel is listed on 受取確認 and confirmed after phoning the patient',
    async () => {
      const parcel = await ship(rx.overdue, 'carrier');
      for (const kind of ['packed', 'handed_to_carrier']) await call('POST', `/api/v1/parcels/${parcel.id}/events`, { kind });
      // Two days pass: past rxdesk.dispatch.receipt_follow_up_hours (24 by default).
      execFileSync('sqlite3', [path.join(env.work, 'var', 'rxdesk.db'), `PRAGMA busy_timeout=5000; UPDATE parcel_events SET at = at - 172800 WHERE parcel_id = ${parcel.id};`]);

      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '配送', exact: true }).click();
      await onScreen(page, '/dispatch', '配送');
      const overdueRow = page.locator(`section[aria-labelledby="unconfirmed-heading"] tr[data-parcel="${parcel.parcel_number}"]`);
      await overdueRow.waitFor();
      await overdueRow.getByRole('link', { name: '受取確認へ' }).click();
      await onScreen(page, '/dispatch/receipts', '受取確認');
      const tabs = page.getByRole('navigation', { name: '配送メニュー' });
      assert.equal(await tabs.getByRole('link', { name: '受取確認' }).getAttribute('aria-current'), 'page');
      assert.equal(
        await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '配送', exact: true }).getAttribute('aria-current'),
        'page',
      );
      const card = page.locator(`.receipt-card[data-parcel="${parcel.parcel_number}"]`);
      await card.waitFor();
      assert.equal(await page.locator('.receipt-card').count(), 1, 'the confirmed and the staff parcels are not listed');
      assert.match(await card.innerText(), /業者 二郎 様[\s\S]*03-0000-0000[\s\S]*配送業者へ引渡し済[\s\S]*引渡し[\s\S]*\d{4}\/\d{2}\/\d{2}/);
      for (const choice of await card.locator('.receipt-methods .choice').all()) {
        const box = await choice.boundingBox();
        assert.ok(box.height >= 44, `a choice is a large target (${box.height}px)`);
      }
      // Keyboard: the arrows move between the methods and choose one, with a visible focus.
      await card.getByLabel('患者さんに電話で確認した').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      assert.equal(await card.getByLabel('患者さんに電話で確認した').isChecked(), true);
      assert.ok(await focusRing(page), 'the chosen method shows its focus');
      await card.getByLabel('メモ（任意）').fill('本人が電話で受取を確認');
      await shot(page, '64-dispatch-receipts');
      await card.getByRole('button', { name: '受取確認を記録' }).click();
      const notice = page.locator(`[data-confirmed="${parcel.parcel_number}"]`);
      await notice.waitFor();
      assert.match(await notice.innerText(), /受取確認を記録しました/);
      assert.equal(await card.count(), 0, 'the parcel leaves the list');
      await page.locator('[data-empty="receipts"]').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'receipts-heading', 'focus stays in the list');
      const status = await call('GET', `/api/v1/parcels/${parcel.id}`);
      assert.equal(status.custody.receipt_confirmed, true);
      assert.deepEqual((await call('GET', '/api/v1/parcels/unconfirmed')).parcels, []);
    },
    hasSqlite3() ? false : 'the sqlite3 command is not installed',
  );

  // ------------------------------------------------------------ temperature excursion

  await step('a chilled parcel out of range is held until the pharmacist decides, with a reason', async () => {
    // The pharmacy keeps the drug cold (its supplement), so the plan makes a chilled parcel.
    await call('PUT', '/api/v1/drugs/612170709/supplement', { storage: 'cold' });
    const parcel = await ship(rx.cold, 'carrier');
    await call('POST', `/api/v1/parcels/${parcel.id}/events`, { kind: 'packed' });
    // The data logger in the cold box reports 12.5 ℃ (2–8 ℃ is allowed).
    await call('POST', `/api/v1/parcels/${parcel.id}/temperatures`, { readings: [{ celsius: 5.0 }, { celsius: 12.5 }] });

    await page.goto(`/dispatch/shipments/${parcel.shipmentId}`);
    await onScreen(page, `/dispatch/shipments/${parcel.shipmentId}`, `発送 #${parcel.shipmentId}`);
    const row = page.locator(`.parcel-table tr[data-parcel="${parcel.parcel_number}"]`);
    await row.locator('[data-excursion="pending"]', { hasText: '温度逸脱・判断待ち' }).waitFor();
    assert.equal(await row.getByRole('button', { name: '配送業者へ引き渡す' }).count(), 0, 'no hand-over while it waits');
    const card = page.locator(`.decision-card[data-parcel="${parcel.parcel_number}"]`);
    assert.match(await card.innerText(), /冷蔵[\s\S]*最も外れた温度[\s\S]*12\.5 ℃[\s\S]*範囲外の記録[\s\S]*1 件/);
    await card.getByRole('button', { name: '判断を記録' }).click();
    assert.match(await card.locator('.field[data-field="decision"] .field-error').innerText(), /判断を選んでください/);
    await card.getByLabel('品質に問題なし：出荷してよい').check();
    await card.getByRole('button', { name: '判断を記録' }).click();
    assert.match(await fieldError(page, '判断の理由（必須）'), /判断の理由を入力してください/);
    await card.getByLabel('判断の理由（必須）').fill('逸脱は 10 分未満。添付文書上、品質に影響なし');
    await page.evaluate(() => document.getElementById('decision-heading').scrollIntoView({ block: 'start' }));
    await shot(page, '65-dispatch-temperature-decision');
    await card.getByRole('button', { name: '判断を記録' }).click();
    await page.locator('section[aria-labelledby="decision-heading"]').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: '配送業者へ引き渡す' }).waitFor();
    assert.equal(await row.locator('[data-excursion]').count(), 0);
    const status = await call('GET', `/api/v1/parcels/${parcel.id}`);
    assert.equal(status.custody.awaiting_pharmacist_decision, false);
    assert.ok(status.custody.events.some((e) => e.kind === 'pharmacist_decision'));
  });

  await step('screenshots are copied to docs/screenshots', async () => {
    const pairs = [
      ['60-guidance-reschedule', 'guidance-reschedule.png'],
      ['62-delivery-failed', 'delivery-phone-failed.png'],
    ];
    if (hasSqlite3()) pairs.push(['64-dispatch-receipts', 'dispatch-receipts.png']);
    copyScreenshots(pairs);
  });

  await step('no CSP violation, page error or console error on any page', async () => {
    assertNoProblems();
  });

  if (clinic) await clinic.dispose();
});
