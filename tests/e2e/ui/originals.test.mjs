// 原本管理 and 帳票 in a real browser against a real rxdesk (harness.mjs): a pharmacist
// registers the clinic, the clinic pushes two JAHIS prescriptions with their fax image, one is
// dispensed through the API. The pharmacist sees both in the outstanding originals (the
// dispensed one with its due date, the other without), chases the clinic (the cover letter
// PDF), records the first original as a scan without a QR code (unreadable: compared by eye,
// a difference opens an inquiry, the call and its resolution are recorded), records the
// second as arrived without a scan, and downloads a report as CSV (UTF-8 with BOM, Japanese
// header) and as PDF. A clerk sees 原本管理 but not 帳票, and is refused both on the screen and
// by the API. Throughout: no CSP violation, page error or console error other than provoked ones.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/originals.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  addClient,
  addUser,
  apiOk,
  assertNoProblems,
  copyScreenshots,
  env,
  onScreen,
  shot,
  signedInPage,
  storySteps,
  useServerAndBrowser,
} from './harness.mjs';
import { clinicClient, faxPagePng, tokyoToday, verifyAndDispense } from './fixtures.mjs';

useServerAndBrowser();

const kPassword = 'sato no passphrase 2026';
const kClerkPassword = 'suzuki no passphrase 2026';

test('counter terminal: originals and reports', { timeout: 540_000 }, async (t) => {
  const step = storySteps(t);

  let page;
  let clinicApi; // the clinic's client (fixtures.mjs)
  let clerk;
  let clinicId;
  const ids = {};

  // The pharmacist's own session from the page: cookie plus CSRF token, as the UI sends it.
  const staff = (method, url, data) => apiOk(page, method, url, data);
  const push = (reference, patient, kana, seed) =>
    clinicApi.push(reference, { patient, kana, online: { initial_visit: false, underlying_conditions_known: true }, image: faxPagePng({ seed }) });

  await step('a pharmacist signs in, registers the clinic, and the clinic pushes two prescriptions', async () => {
    const sato = addUser('sato', 'pharmacist', '佐藤 一郎');
    clerk = addUser('suzuki', 'clerk', '鈴木 二郎');
    clinicApi = await clinicClient(env.baseUrl, addClient('さくら内科', 'clinic', '1311234567'));
    page = await signedInPage('pharmacist', sato, kPassword, { context: { acceptDownloads: true } });

    const clinic = await staff('POST', '/api/v1/clinics', { institution_code: '1311234567', name: 'さくら内科クリニック', fax_numbers: ['03-1111-2222'], original_deadline_days: 5 });
    clinicId = clinic.id;
    ids.first = await push('K-ORIG-0001', '日薬 太郎', 'ﾆﾁﾔｸ ﾀﾛｳ', 11);
    ids.second = await push('K-ORIG-0002', '薬局 花子', 'ﾔｯｷｮｸ ﾊﾅｺ', 12);
  });

  await step('the first is verified and dispensed through the API', async () => {
    const rx = await verifyAndDispense(staff, ids.first);
    assert.equal(rx.status, 'dispensed');
    assert.equal(rx.original_state, 'awaiting');
  });

  await step('原本管理 lists both by clinic: the dispensed one with its due date, the other without', async () => {
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '原本管理' }).click();
    await onScreen(page, '/originals', '原本管理');
    const group = page.locator(`[data-clinic-group="${clinicId}"]`);
    await group.waitFor();
    assert.match(await group.locator('h3').innerText(), /さくら内科クリニック/);
    const first = group.locator(`tr[data-id="${ids.first}"]`);
    const second = group.locator(`tr[data-id="${ids.second}"]`);
    assert.match(await first.innerText(), /日薬 太郎[\s\S]*0日[\s\S]*\d{4}\/\d{2}\/\d{2}（(郵送期限|請求締切)）/);
    // The deadline is said in words: あと n日 (or 本日期限), never by colour alone.
    assert.match(await first.locator('.due').innerText(), /あと \d+日|本日期限/);
    assert.equal(await second.locator('.due').getAttribute('data-due'), 'none');
    assert.match(await second.innerText(), /薬局 花子[\s\S]*調剤前/);
    assert.match(await page.locator('.originals-summary').innerText(), /未着 2 件（うち期限超過 0 件）/);
    assert.match(await group.innerText(), /督促なし/);
    await shot(page, '30-originals-outstanding');
  });

  await step('chasing the clinic answers its cover letter as a PDF and records the chase', async () => {
    const group = page.locator(`[data-clinic-group="${clinicId}"]`);
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/originals/chase'),
      page.waitForEvent('download'),
      group.locator('[data-action="chase"]').click(),
    ]);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.equal(response.headers()['x-originals-count'], '1', 'only the dispensed one is chased');
    // The body as the page received it (Chromium does not keep a body read as a blob for the driver).
    assert.equal(fs.readFileSync(await download.path()).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const notice = page.locator(`[data-chase="${clinicId}"]`);
    await notice.waitFor();
    assert.match(await notice.innerText(), /督促状を作成しました（原本 1 件）/);
    await page.locator(`[data-clinic-group="${clinicId}"]`, { hasText: '最終督促' }).waitFor();
  });

  await step('the reconciliation shows the sent copy beside an empty original pane', async () => {
    await page.locator(`tr[data-id="${ids.first}"] a`).click();
    await onScreen(page, `/originals/${ids.first}`, `原本照合 #${ids.first}`);
    await page.locator('[data-pane="copy"] canvas.page-canvas[data-zoom]').waitFor();
    assert.match(await page.locator('[data-pane="original"]').innerText(), /原本はまだ届いていません/);
    assert.equal(await page.locator('[data-original-state]').innerText(), '原本未着');
  });

  await step('a scanned original without a QR code is unreadable and asks for comparison by eye', async () => {
    await page.getByLabel('原本のスキャン画像').setInputFiles({ name: 'original.png', mimeType: 'image/png', buffer: faxPagePng({ seed: 21 }) });
    await page.locator('[data-action="record-scan"]').click();
    const notice = page.locator('[data-notice="manual-comparison"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /読み取り不可[\s\S]*目視で照合/);
    assert.equal(await page.locator('[data-original-state]').innerText(), '原本到着');
    assert.equal(await page.locator('[data-readable]').innerText(), '読み取り不可');
    // Both copies now side by side.
    await page.locator('[data-pane="original"] canvas.page-canvas[data-zoom]').waitFor();
    assert.equal(await page.locator('canvas.page-canvas').count(), 2);
    assert.equal(await page.locator('#page-keys-copy').count(), 1, 'each viewer has its own key help');
  });

  await step('a difference found by eye is recorded; it opens an inquiry', async () => {
    await page.getByLabel('相違あり（疑義照会を開始）').check();
    await page.locator('[data-action="save-comparison"]').click();
    assert.match(await page.locator('.manual-comparison .field-error:not([hidden])').first().innerText(), /相違点を 1 件以上/);
    await page.getByLabel('項目', { exact: true }).fill('Rp1 日数');
    await page.getByLabel('FAX の値').fill('14日分');
    await page.getByLabel('原本の値').fill('7日分');
    await page.getByLabel('メモ').fill('原本は 7日分に訂正印あり');
    await page.locator('[data-action="save-comparison"]').click();
    await page.locator('[data-original-state="mismatched"]').waitFor();
    const row = page.locator('.diff-table .diff-row');
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Rp1 日数[\s\S]*14日分[\s\S]*7日分[\s\S]*相違/);
    assert.match(await page.locator('[data-original-state]').innerText(), /照合不一致/);
    await page.locator('.inquiry-open').waitFor();
  });

  await step('the call to the clinic and its resolution are recorded', async () => {
    const form = page.locator('.inquiry-form');
    assert.equal(await form.getByLabel('照会した人').inputValue(), '佐藤 一郎', 'the signed-in pharmacist by default');
    await form.getByLabel('医療機関の応答者').fill('工業会 次郎 医師');
    await form.getByLabel('回答').fill('原本の 7日分が正しい。FAX 送信後に訂正した');
    await form.locator('[data-action="record-inquiry"]').click();
    const inquiry = page.locator('.inquiry-open');
    await inquiry.locator('[data-action="resolve-inquiry"]').waitFor();
    assert.match(await inquiry.innerText(), /佐藤 一郎[\s\S]*工業会 次郎 医師[\s\S]*原本の 7日分が正しい/);
    // Both copies at 50 % and a tall window: the pages, the differences and the inquiry in one shot.
    for (const pane of ['copy', 'original']) {
      for (const zoom of ['0.75', '0.5']) {
        await page.locator(`[data-pane="${pane}"] [data-viewer="zoom-out"]`).click();
        await page.locator(`[data-pane="${pane}"] canvas.page-canvas[data-zoom="${zoom}"]`).waitFor();
      }
    }
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '31-original-reconciliation');
    await page.setViewportSize({ width: 1280, height: 800 });
    await inquiry.getByLabel('対応内容（必須）').fill('患者に連絡し 8日目以降の服用を中止、残薬を回収');
    await inquiry.locator('[data-action="resolve-inquiry"]').click();
    await page.locator('[data-original-state="resolved"]').waitFor();
    assert.match(await page.locator('.inquiries').innerText(), /解決済[\s\S]*残薬を回収/);
  });

  await step('the second original is recorded as arrived without a scan and leaves the list', async () => {
    await page.goto(`/originals/${ids.second}`);
    await onScreen(page, `/originals/${ids.second}`, `原本照合 #${ids.second}`);
    await page.getByLabel('メモ（任意）').fill('スキャナ故障のため目視のみ');
    await page.locator('[data-action="record-without-scan"]').click();
    await page.locator('[data-original-state="arrived"]').waitFor();
    assert.match(await page.locator('[data-pane="original"]').innerText(), /スキャンせずに到着を記録/);
    await page.goto('/originals');
    await onScreen(page, '/originals', '原本管理');
    await page.locator('[data-empty="outstanding"]').waitFor();
    assert.match(await page.locator('[data-empty="orphans"]').innerText(), /保留中の原本はありません/);
  });

  // The link downloads the file (a download navigation has no response event for the driver),
  // and the same GET with the page's session shows the headers it came with.
  const download = async (expectPath) => {
    const link = page.locator('[data-action="download-report"]');
    const href = await link.getAttribute('href');
    assert.equal(new URL(href, env.baseUrl).pathname, expectPath);
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(await file.failure(), null);
    const response = await page.request.get(href);
    assert.equal(response.status(), 200, await response.text());
    return { response, bytes: fs.readFileSync(await file.path()), name: file.suggestedFilename() };
  };

  await step('帳票: the outstanding-originals report downloads as CSV (BOM, Japanese header) and PDF', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '帳票' }).click();
    await onScreen(page, '/reports', '帳票');
    await page.getByLabel('原本未着一覧').check();
    await page.getByLabel('形式').selectOption('csv');
    const today = tokyoToday().iso;
    await page.getByLabel('終了日').fill(today);
    const csv = await download('/api/v1/reports/outstanding-originals');
    assert.match(csv.response.headers()['content-type'], /^text\/csv/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const header = csv.bytes.subarray(3).toString('utf8').split(/\r?\n/)[0];
    assert.match(header, /[\u3040-\u30ff\u4e00-\u9fff]/, `a Japanese header row: ${header}`);
    assert.match(csv.name, /\.csv$/);

    await page.getByLabel('形式').selectOption('pdf');
    const pdf = await download('/api/v1/reports/outstanding-originals');
    assert.equal(pdf.response.headers()['content-type'], 'application/pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  await step('a report that needs a month offers no link until it has one; Shift_JIS CSV has no BOM', async () => {
    await page.getByLabel('算定集計').check();
    await page.getByLabel('算定月').fill('');
    const link = page.locator('[data-action="download-report"]');
    assert.equal(await link.getAttribute('href'), null);
    assert.equal(await link.getAttribute('aria-disabled'), 'true');
    assert.match(await page.locator('.report-problem').innerText(), /算定月を入力してください/);
    await page.getByLabel('算定月').fill(tokyoToday().iso.slice(0, 7));
    await page.getByLabel('形式').selectOption('csv-sjis');
    assert.match(await link.getAttribute('href'), /\/api\/v1\/reports\/fees\?month=\d{4}-\d{2}&format=csv&encoding=sjis/);
    const sjis = await download('/api/v1/reports/fees');
    assert.match(sjis.response.headers()['content-type'], /Shift_JIS/i);
    assert.notDeepEqual([...sjis.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    await page.getByLabel('原本未着一覧').check();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '32-reports');
  });

  await step('a clerk sees 原本管理 but not 帳票, and is refused on the screen and by the API', async () => {
    const cpage = await signedInPage('clerk', clerk, kClerkPassword, { path: '/reports', heading: '権限がありません' });
    const context = cpage.context();
    assert.match(await cpage.locator('main').innerText(), /薬剤師・管理者のみ/);
    const nav = cpage.getByRole('navigation', { name: 'メインメニュー' });
    assert.equal(await nav.getByRole('link', { name: '帳票' }).isVisible(), false);
    assert.equal(await nav.getByRole('link', { name: '原本管理' }).isVisible(), true);
    const res = await cpage.request.get('/api/v1/reports/outstanding-originals?format=csv');
    assert.equal(res.status(), 403);
    await nav.getByRole('link', { name: '原本管理' }).click();
    await onScreen(cpage, '/originals', '原本管理');
    await cpage.locator('[data-empty="outstanding"]').waitFor();
    await context.close();
  });

  await step('screenshots are copied to docs/screenshots', async () => {
    copyScreenshots([
      ['30-originals-outstanding', 'originals-originals-outstanding.png'],
      ['31-original-reconciliation', 'originals-original-reconciliation.png'],
    ]);
  });

  await step('no CSP violation, page error or console error on any page', async () => {
    assertNoProblems();
  });

  if (clinicApi) await clinicApi.dispose();
});
