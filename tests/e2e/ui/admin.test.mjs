// 管理: the clinic registry and drug data in a real browser against a real rxdesk
// (harness.mjs). The admin signs in, adds a clinic, is told next to the field when a fax
// number belongs to another clinic, edits the clinic (name, fax numbers, deadline),
// deactivates it and brings it back, then uploads a Shift_JIS claims master with a broken
// line and sees the counts and the line named, has an unusable file refused with the master
// left as it was, and looks a drug up by its code. A clerk is refused the screens.
// Throughout: no CSP violation, page error or console error other than provoked ones.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/admin.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  addUser,
  admin,
  apiOk,
  assertNoProblems,
  expectHttpError,
  onScreen,
  shot,
  signedInPage,
  storySteps,
  useServerAndBrowser,
} from './harness.mjs';

useServerAndBrowser();

const kAdminPassword = 'kanri no passphrase 2026';
const kClerkPassword = 'suzuki no passphrase 2026';

// ---------------------------------------------------------------- helpers of this story

/** A line of the claims master (医薬品マスター): 34 columns, the used ones filled as published. */
function masterLine({ code, name, control = 0, yj = '' }) {
  const cols = new Array(34).fill('');
  cols[0] = '0';
  cols[1] = 'Y';
  cols[2] = code;
  cols[3] = '1';
  cols[4] = name;
  cols[6] = 'ﾃｽﾄ';
  cols[8] = '0';
  cols[9] = '錠';
  cols[13] = String(control);
  cols[31] = yj;
  return cols.join(',');
}

/** UTF-8 text as Shift_JIS (CP932) bytes, as the master is published; Node has no encoder. */
function shiftJis(text) {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: Buffer.from(text, 'utf8') });
}

const kAmlodipine = { code: '610000001', name: 'アムロジピン錠５ｍｇ「テスト」', yj: '2171022F1010' };
const kMorphine = { code: '610000002', name: 'モルヒネ塩酸塩錠１０ｍｇ「テスト」', control: 1, yj: '8114004F1010' };
const kZolpidem = { code: '610000003', name: 'ゾルピデム酒石酸塩錠５ｍｇ「テスト」', control: 5, yj: '1129009F1010' };

/** The text of the field error under `label` inside `form` (the edit and add forms share labels). */
async function formFieldError(form, label) {
  const control = form.getByLabel(label, { exact: true });
  await form.page().waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await control.elementHandle(), { timeout: 30_000 });
  const id = (await control.getAttribute('aria-describedby')).split(' ').find((x) => x.endsWith('-error'));
  return form.page().locator(`[id="${id}"]`).innerText();
}

// ---------------------------------------------------------------- the story

test('counter terminal: clinic registry and drug data', { timeout: 540_000 }, async (t) => {
  const step = storySteps(t);
  let page;
  let clinicId;
  const addForm = () => page.locator('form[aria-label="医療機関の追加"]');
  const editForm = () => page.locator('form[aria-labelledby="edit-clinic-heading edit-clinic-target"]');
  const clinicRow = (id) => page.locator(`tr[data-clinic-id="${id}"]`);

  await step('the admin signs in and opens 医療機関 from the admin menu', async () => {
    page = await signedInPage('admin', admin, kAdminPassword, { path: '/admin/users', heading: '管理' });
    await page.locator('nav[aria-label="管理メニュー"]').getByRole('link', { name: '医療機関' }).click();
    await onScreen(page, '/admin/clinics', '管理');
    assert.equal(await page.locator('nav[aria-label="管理メニュー"] a[aria-current="page"]').innerText(), '医療機関');
    await page.getByText('登録された医療機関はありません。').waitFor();
  });

  await step('the admin adds a clinic; the fax number is stored as digits and shown grouped', async () => {
    const form = addForm();
    await form.getByLabel('医療機関コード', { exact: true }).fill('1311234567');
    await form.getByLabel('名称', { exact: true }).fill('さくら内科');
    await form.getByLabel('FAX 番号', { exact: true }).fill('03-1111-2222');
    await form.getByLabel('原本の期限（日）', { exact: true }).fill('5');
    await form.getByRole('button', { name: '追加' }).click();
    const row = page.locator('tr[data-clinic-id]', { hasText: 'さくら内科' });
    await row.waitFor();
    clinicId = await row.getAttribute('data-clinic-id');
    assert.match(await row.innerText(), /03-1111-2222/);
    assert.match(await row.innerText(), /5 日/);
    assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'active');
    const stored = await apiOk(page, 'GET', '/api/v1/clinics');
    assert.deepEqual(stored.clinics[0].fax_numbers, ['0311112222']);
  });

  await step('a second clinic with the same fax number is refused next to the fax field', async () => {
    const done = expectHttpError(409, '/api/v1/clinics');
    const form = addForm();
    await form.getByLabel('医療機関コード', { exact: true }).fill('1311234568');
    await form.getByLabel('名称', { exact: true }).fill('もみじ整形外科');
    await form.getByLabel('FAX 番号', { exact: true }).fill('0311112222');
    await form.getByRole('button', { name: '追加' }).click();
    assert.match(await formFieldError(form, 'FAX 番号'), /別の医療機関に登録済み/);
    done();
    assert.equal(await page.locator('tr[data-clinic-id]').count(), 1);
  });

  await step('the admin edits the clinic: new name, two fax numbers, the standard deadline', async () => {
    await clinicRow(clinicId).getByRole('button', { name: 'さくら内科 を編集' }).click();
    const form = editForm();
    await form.waitFor();
    assert.equal(await form.getByLabel('名称', { exact: true }).inputValue(), 'さくら内科');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'name', 'focus moves to the edit form');
    await form.getByLabel('名称', { exact: true }).fill('さくら内科クリニック');
    await form.getByLabel('FAX 番号', { exact: true }).fill('03-1111-2222, 03-1111-3333');
    await form.getByLabel('原本の期限（日）', { exact: true }).fill('');
    await shot(page, 'admin-01-clinic-edit');
    await form.getByRole('button', { name: '保存' }).click();
    await clinicRow(clinicId).filter({ hasText: 'さくら内科クリニック' }).waitFor();
    assert.equal(await page.locator('#edit-clinic-heading').isHidden(), true, 'the edit form closes');
    const text = await clinicRow(clinicId).innerText();
    assert.match(text, /03-1111-2222、03-1111-3333/);
    assert.match(text, /標準/);
  });

  await step('deactivating asks first; the clinic stays listed as 無効 and can be brought back', async () => {
    await clinicRow(clinicId).getByRole('button', { name: 'さくら内科クリニック を無効化' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /登録されていない FAX 番号/);
    await dialog.locator('[data-action="confirm"]').click();
    await clinicRow(clinicId).locator('[data-status="disabled"]').waitFor();
    await shot(page, 'admin-02-clinics');
    const stored = await apiOk(page, 'GET', '/api/v1/clinics');
    assert.equal(stored.clinics[0].active, false);
    await clinicRow(clinicId).getByRole('button', { name: 'さくら内科クリニック を再び有効にする' }).click();
    await clinicRow(clinicId).locator('[data-status="active"]').waitFor();
  });

  await step('the admin uploads a Shift_JIS claims master and sees the counts and the bad line', async () => {
    await page.locator('nav[aria-label="管理メニュー"]').getByRole('link', { name: '医薬品データ' }).click();
    await onScreen(page, '/admin/drugs', '管理');
    const current = page.locator('[data-current-drug-data] tr[data-current="master"]');
    await current.waitFor();
    assert.match(await current.innerText(), /まだ取り込まれていません/);
    const form = page.locator('form[data-upload="master"]');
    const csv = [masterLine(kAmlodipine), masterLine(kMorphine), masterLine({ code: '12345', name: '桁の足りない行' }), masterLine(kZolpidem)].join('\r\n') + '\r\n';
    await form.locator('input[type="file"]').setInputFiles({ name: 'y_ALL20261101.csv', mimeType: 'text/csv', buffer: shiftJis(csv) });
    await form.getByRole('button', { name: '取り込む' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /y_ALL20261101\.csv/);
    await dialog.locator('[data-action="confirm"]').click();
    const result = page.locator('[data-result="claims_master"]');
    await result.waitFor({ timeout: 60_000 });
    assert.match(await result.locator('.result').innerText(), /3 件（1 行は取り込めませんでした）/);
    assert.equal(await result.locator('[data-count="added"] dd').innerText(), '3 件');
    assert.equal(await result.locator('[data-count="rejected"] dd').innerText(), '1 件');
    const bad = result.locator('[data-bad-lines] tr[data-line="3"]');
    assert.match(await bad.innerText(), /3 行目/);
    assert.match(await bad.innerText(), /bad_claims_code/);
    // The data in use now names the file just imported, who imported it and how many rows.
    await page.waitForFunction(() => /y_ALL20261101\.csv/.test(document.querySelector('[data-current-drug-data] tr[data-current="master"]')?.innerText || ''));
    assert.match(await current.innerText(), /3 件/);
    assert.match(await current.innerText(), /1 行/);
    await shot(page, 'admin-03-drug-import');
  });

  await step('an unusable file is refused next to the file field and the master stays', async () => {
    const done = expectHttpError(422, '/api/v1/drugs/master');
    const form = page.locator('form[data-upload="master"]');
    await form.locator('input[type="file"]').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: shiftJis('氏名,住所\r\n山田,東京\r\n') });
    await form.getByRole('button', { name: '取り込む' }).click();
    await page.locator('dialog[open] [data-action="confirm"]').click();
    assert.match(await formFieldError(form, '医薬品マスターの CSV ファイル'), /使える行が1行もありません/);
    done();
    const morphine = await apiOk(page, 'GET', `/api/v1/drugs/${kMorphine.code}`);
    assert.equal(morphine.name, kMorphine.name);
  });

  await step('the admin looks a drug up by its YJ code', async () => {
    const form = page.locator('form[aria-label="医薬品の検索"]');
    await form.getByLabel('医薬品コード', { exact: true }).fill(kMorphine.yj);
    await form.getByRole('button', { name: '調べる' }).click();
    const view = page.locator(`[data-drug="${kMorphine.yj}"]`);
    await view.waitFor();
    const text = await view.innerText();
    assert.match(text, /モルヒネ塩酸塩錠１０ｍｇ「テスト」/);
    assert.match(text, /麻薬/);
    assert.match(text, /610000002/);
    await view.scrollIntoViewIfNeeded();
    await shot(page, 'admin-04-drug-lookup');
  });

  await step('a clerk is refused the admin screens and the upload API', async () => {
    const clerk = addUser('suzuki', 'clerk', '鈴木 二郎');
    const clerkPage = await signedInPage('clerk', clerk, kClerkPassword);
    await clerkPage.goto('/admin/drugs');
    await onScreen(clerkPage, '/admin/drugs', '権限がありません');
    const session = await (await clerkPage.request.get('/api/v1/session')).json();
    const res = await clerkPage.request.post('/api/v1/drugs/master', {
      headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': session.csrf_token },
      data: shiftJis(masterLine(kAmlodipine) + '\r\n'),
    });
    assert.equal(res.status(), 403);
    await clerkPage.context().close();
  });

  await step('no CSP violation, page error or unexpected console error', async () => {
    assertNoProblems({ sawHttpErrors: true });
  });
});
