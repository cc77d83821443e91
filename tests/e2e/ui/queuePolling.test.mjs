// The intake queue's cheap polling in a real browser: each poll sends the last answer's ETag
// as If-None-Match (the page's fetch runs with cache 'no-store'), an unchanged queue answers
// 304 with no body and the screen keeps its rows; a new arrival answers 200 and appears.
//
//   RXDESK_BIN=build/x/rxdesk node --test tests/e2e/ui/queuePolling.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as playwrightRequest } from 'playwright-core';
import { addClient, addUser, assertNoProblems, env, signedInPage, storySteps, useServerAndBrowser } from './harness.mjs';
import { faxPagePng } from './fixtures.mjs';

useServerAndBrowser();

test('intake queue polling: 304 while unchanged, 200 on a new arrival', { timeout: 240_000 }, async (t) => {
  const step = storySteps(t);
  let page;
  let api;
  let faxKey;
  const polls = []; // {status, ifNoneMatch, etag} of every GET /api/v1/prescriptions?…
  const row = (id) => page.locator(`.queue-table tr[data-id="${id}"]`);
  const sendFax = async (seed) => {
    const res = await api.post('/api/v1/faxes', {
      headers: { Authorization: `Bearer ${faxKey}`, 'Content-Type': 'image/png', 'X-Fax-Sender': '03-1111-2222' },
      data: faxPagePng({ seed }),
    });
    assert.equal(res.status(), 201, await res.text());
    return (await res.json()).id;
  };
  const waitForPoll = async (predicate, timeout = 15_000) => {
    const start = polls.length;
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      const hit = polls.slice(start).find(predicate);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no such poll within ${timeout} ms: ${JSON.stringify(polls.slice(start))}`);
  };

  await step('the queue opens with the full list and an ETag', async () => {
    faxKey = addClient('FAX 受信', 'fax_gateway');
    api = await playwrightRequest.newContext({ baseURL: env.baseUrl, ignoreHTTPSErrors: true });
    const sato = addUser('sato', 'pharmacist', '佐藤 一郎');
    const first = await sendFax(1);
    page = await signedInPage('pharmacist', sato, 'sato no passphrase 2026', { path: '/prescriptions', heading: '受付キュー' });
    page.on('response', async (response) => {
      if (!/\/api\/v1\/prescriptions\?/.test(response.url())) return;
      polls.push({
        status: response.status(),
        ifNoneMatch: (await response.request().allHeaders())['if-none-match'] || null,
        etag: response.headers().etag || null,
      });
    });
    await row(first).waitFor();
  });

  await step('an unchanged queue is answered 304 and the rows stay', async () => {
    const unchanged = await waitForPoll((p) => p.status === 304);
    assert.ok(unchanged.ifNoneMatch, 'the poll sent If-None-Match');
    assert.equal(unchanged.etag, unchanged.ifNoneMatch);
    await page.locator('[data-queue-poll="unchanged"]').waitFor();
    assert.equal(await page.locator('.queue-table tbody tr').count(), 1, 'the list kept by the screen');
    assert.match(await page.locator('.queue-state').innerText(), /1 件/);
  });

  await step('a new arrival is answered 200 with a new tag and appears', async () => {
    const second = await sendFax(2);
    const changed = await waitForPoll((p) => p.status === 200 && p.ifNoneMatch);
    assert.notEqual(changed.etag, changed.ifNoneMatch);
    await row(second).waitFor();
    assert.equal(await page.locator('.queue-table tbody tr').count(), 2);
    const after = await waitForPoll((p) => p.status === 304);
    assert.equal(after.ifNoneMatch, changed.etag, 'the next poll sends the new tag');
  });

  await step('no CSP violation, page error or console error', async () => {
    assertNoProblems();
  });

  if (api) await api.dispose();
});
