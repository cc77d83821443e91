// Synthetic intake documents for the browser tests: a small fax page as a PNG built here
// (no QR code, so rxdesk queues it for manual entry) and a JAHIS prescription text for the
// clinic API, the clinic's client, and the API steps that bring a prescription to where a
// story starts. Nothing here is real patient data.
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { request as playwrightRequest } from 'playwright-core';

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A white A4-ish page (8-bit grey) with a frame, a title bar and "text" lines drawn as black
 * bars, so that a rotation or zoom is visible in a screenshot. `seed` varies the lines so two
 * faxes are different documents (the server links identical ones as duplicates).
 */
export function faxPagePng({ width = 1000, height = 1414, seed = 1 } = {}) {
  const u = width / 420; // drawn on a 420-unit grid, scaled to the page
  const rows = [];
  let state = seed * 2654435761 >>> 0;
  const random = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 0x100000000;
  };
  const lineLengths = Array.from({ length: 40 }, () => 0.3 + random() * 0.6);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1, 0xff);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const gx = x / u;
      const gy = y / u;
      const frame = gx < 6 || gx >= 414 || y < 6 * u || y >= height - 6 * u;
      const title = gy >= 30 && gy < 60 && gx >= 126 && gx < 294;
      const line = Math.floor((gy - 90) / 12);
      const inLine = gy >= 90 && (gy - 90) % 12 < 5 && line < lineLengths.length;
      const text = inLine && gx >= 30 && gx < 30 + 360 * lineLengths[line];
      // A mark in the top-left corner shows which way up the page is.
      const corner = gx >= 14 && gx < 40 && gy >= 14 && gy < 24;
      if (frame || title || text || corner) row[x + 1] = 0x10;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Today in Tokyo as YYYYMMDD and YYYY-MM-DD. */
export function tokyoToday() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { iso: parts, compact: parts.replaceAll('-', '') };
}

/**
 * A JAHIS QR text (CRLF lines) of さくら内科クリニック (13 + 1 + 1234567): one oral Rp of 14
 * days, issued today, with 「オンライン対応」 in the remarks.
 */
export function jahisText({ patient = '日薬 太郎', kana = 'ﾆﾁﾔｸ ﾀﾛｳ' } = {}) {
  return [
    'JAHIS10',
    '1,1,1234567,13,さくら内科クリニック',
    '4,1,,内科',
    '5,,ｺｳｷﾞｮｳｶｲ ｼﾞﾛｳ,工業会 次郎',
    `11,,${patient},${kana}`,
    '12,1',
    '13,19600606',
    `51,${tokyoToday().compact}`,
    '81,1,,オンライン対応',
    '101,1,1,,14',
    '111,1,1,,１日３回朝昼夕食後,3',
    '201,1,1,1,2,612170709,ノルバスク錠２．５ｍｇ,1,1,錠',
    '',
  ].join('\r\n');
}

// ---------------------------------------------------------------- prescriptions through the API

/**
 * A clinic's plain HTTP client (its API key, no browser): push(reference, options) sends a
 * JAHIS prescription and answers its id. options: patient, kana, online ({initial_visit,
 * underlying_conditions_known}), image (PNG bytes sent with it). dispose() when done.
 */
export async function clinicClient(baseUrl, apiKey) {
  const api = await playwrightRequest.newContext({ baseURL: baseUrl, ignoreHTTPSErrors: true });
  return {
    api,
    async push(reference, { patient, kana, online, image } = {}) {
      const data = { client_reference: reference, jahis: jahisText({ patient, kana }) };
      if (online) data.online = online;
      if (image) data.image = { media_type: 'image/png', data: image.toString('base64') };
      const res = await api.post('/api/v1/prescriptions', {
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
        data,
      });
      assert.equal(res.status(), 201, await res.text());
      return (await res.json()).id;
    },
    dispose: () => api.dispose(),
  };
}

/**
 * Resolves a prescription's open findings and verifies and dispenses it, through the API with
 * a pharmacist's session (call = harness apiOk bound to the page). Answers the prescription.
 */
export async function verifyAndDispense(call, rxId) {
  let rx = await call('GET', `/api/v1/prescriptions/${rxId}`);
  for (const f of (rx.findings || []).filter((x) => !x.resolved))
    rx = await call('POST', `/api/v1/prescriptions/${rxId}/findings/${f.id}/resolve`, { resolution: '確認済み（テスト）' });
  for (const action of ['verify', 'dispense']) rx = await call('POST', `/api/v1/prescriptions/${rxId}/actions/${action}`, { version: rx.version, note: '' });
  return rx;
}

/** A guidance schedule open every day, all day, in 10-minute slots (the default has none). */
export function allDayGuidanceSchedule() {
  const all = { hours: [{ begin: '00:00', end: '24:00' }], breaks: [] };
  const weekly = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, all]));
  return { slot_minutes: 10, buffer_minutes: 0, cutoff_minutes: 30, weekly, exceptions: [] };
}

/** A Tokyo date (YYYY-MM-DD) `days` after today. */
export function tokyoDatePlus(days) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}
