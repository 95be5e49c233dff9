/**
 * One located problem in an error body: where, the English reason, and (for recurring reasons) the rule by
 * name with its limit or allowed values, which the web app says in the reader's language (src/errors.ts).
 */
export interface ApiErrorDetail {
  file?: string;
  line?: number;
  field?: string;
  value?: string;
  reason: string;
  rule?: string;
  limit?: number | string;
  allowed?: string[];
}

/** The error body every API endpoint returns (see src/server/error-handler.ts). */
export interface ApiErrorBody {
  error: { code: string; message: string; details: ApiErrorDetail[] };
}

/** A failed API call, carrying the HTTP status and the server's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;
  constructor(status: number, body: ApiErrorBody | null) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

type Query = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;

import { TaggedAnswers } from './tagged-answers.ts';

let csrfToken: string | null = null;
/** GET answers sent with an ETag, for If-None-Match (tagged-answers.ts). */
const tagged = new TaggedAnswers();
let onUnauthenticated: () => void = () => {};

/** Remembers the CSRF token handed out at sign-in (or by /api/auth/me) for state-changing requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  // Signed out (or in as someone else): nothing remembered for the last session stays.
  tagged.clear();
}

/** Registers what happens on a 401 (the app shows the sign-in page). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Reads the CSRF token from a readable cookie when the server sets one (double-submit pattern). */
function csrfFromCookie(): string | null {
  const match = /(?:^|;\s*)(?:pacesetter_csrf|csrf_token|csrf)=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Builds `/api/x?a=1&b=2&b=3` from a query object, skipping empty values and repeating arrays. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401) onUnauthenticated();
    throw new ApiError(response.status, body as ApiErrorBody | null);
  }
  return body as T;
}

/** Sends one API request with the session cookie; writes carry the X-CSRF-Token header. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const url = withQuery(path, options.query);
  // Accept-Encoding (gzip, and br over HTTPS) is the browser's to send; the entity tag is ours (no-store).
  const send = (tag: string | null) =>
    fetch(url, {
      method,
      headers: tag === null ? headers : { ...headers, 'if-none-match': tag },
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  // Answers remembered from now on are of this sign-in: one arriving after a sign-out is not kept.
  const generation = tagged.generation;
  const tag = method === 'GET' ? tagged.tagFor(url) : null;
  let response = await send(tag);
  if (tag !== null && response.status === 304) {
    // 304: the viewer's answer is the text remembered with the tag sent, if it still is (a sign-out or another
    // answer to the URL may have replaced it meanwhile: then asked again without the tag).
    const known = tagged.textFor(url, tag);
    if (known !== null) return JSON.parse(known) as T;
    response = await send(null);
  }
  const etag = method === 'GET' && response.ok ? response.headers.get('etag') : null;
  if (etag === null) return parse<T>(response);
  const text = await response.text();
  tagged.remember(url, etag, text, generation);
  return JSON.parse(text) as T;
}

/**
 * Uploads a file as the raw request body with upload progress (fetch cannot report upload progress, XHR can).
 * `onProgress` receives a fraction between 0 and 1.
 */
export function upload<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
  query: Query = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.withCredentials = true;
    const token = csrfToken ?? csrfFromCookie();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onload = () => {
      onProgress(1);
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        if (xhr.status === 401) onUnauthenticated();
        reject(new ApiError(xhr.status, body as ApiErrorBody | null));
      }
    };
    xhr.send(file);
  });
}
