// The one way the UI talks to rxdesk: same-origin JSON over fetch with the session cookie.
// Every state-changing request carries the session's CSRF token; an error answer
// {"error":{code,message,field}} becomes a thrown ApiError the screens show next to the field.

/** An error answer from the API (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(status, code, message, field = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

let csrfToken = null;
let sessionLostHandler = () => {};
let passwordChangeHandler = () => {};

/** The CSRF token of the current session (from POST or GET /api/v1/session), or null. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** Called when the server says the session is gone (401 other than a wrong password). */
export function onSessionLost(handler) {
  sessionLostHandler = handler;
}

/** Called when the server refuses a request until the first-login password change. */
export function onPasswordChangeRequired(handler) {
  passwordChangeHandler = handler;
}

const kNetworkMessage = 'サーバーに接続できません。ネットワークとサーバーの状態を確認してください';

/**
 * Sends one request and returns the parsed JSON body (null for 204).
 * options.expectUnauthenticated: a 401 is an expected answer (session probe, sign-in) and
 * does not end the session. options.headers: extra request headers (e.g. Idempotency-Key).
 * A Blob/File body is sent as is with its own type (uploads); anything else as JSON.
 * options.etag (conditional GET for pollers; null for none yet): sent as If-None-Match, and
 * the answer becomes {notModified, etag, data}: on 304 notModified is true and data null
 * (keep what is shown). Requests run with cache 'no-store', so the browser never answers
 * from its own cache: the caller keeps the last tag and data itself.
 */
export async function request(method, path, body, options = {}) {
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  const conditional = 'etag' in options;
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (conditional && options.etag) headers['If-None-Match'] = options.etag;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined || raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch {
    throw new ApiError(0, 'network_error', kNetworkMessage);
  }
  if (conditional && response.status === 304) return { notModified: true, etag: options.etag, data: null };
  let data = null;
  if (response.status !== 204) {
    const text = await response.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
  }
  if (response.ok) return conditional ? { notModified: false, etag: response.headers.get('ETag'), data } : data;

  const e = (data && data.error) || {};
  const error = new ApiError(
    response.status,
    e.code || `http_${response.status}`,
    e.message || `サーバーがエラーを返しました (${response.status})`,
    e.field || null,
  );
  // The whole answer, for errors that carry more than the message (a refused record's
  // findings, a refused shipment's plan).
  error.details = data;
  // A wrong current password is also a 401; it belongs to the form, not to the session.
  if (response.status === 401 && error.code !== 'invalid_credentials' && !options.expectUnauthenticated)
    sessionLostHandler(error);
  if (response.status === 403 && error.code === 'password_change_required') passwordChangeHandler(error);
  throw error;
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body === undefined ? {} : body, options);
export const del = (path, options) => request('DELETE', path, undefined, options);
export const put = (path, body, options) => request('PUT', path, body, options);
