// The one way pages talk to planflow. Problems (RFC 9457) become ApiError
// with a Thai sentence; a lapsed session asks the person to sign in again
// in place and then repeats the request, so nothing typed is lost.
import { lang } from './i18n';
import { messageText } from './messages';
import { problemMessage } from './problems';
import { session, setSession, type Session } from './session';
import { signal } from './signal';

export interface FieldError {
  pointer: string;
  detail: string;
  code?: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly body: unknown = null,
  ) {
    super(problemMessage(slug, title));
  }
  /** The field errors for one JSON pointer (a body field, or "query:x"). */
  errorsAt(pointer: string): FieldError[] {
    return this.errors.filter((e) => e.pointer === pointer);
  }
  /** What to show under one field, or null when the field is fine. */
  messageAt(pointer: string): string | null {
    return this.errorsAt(pointer).map((e) => e.detail).join('; ') || null;
  }
}

/** Requests in flight, for the progress bar. */
export const pending = signal(0);

/** Set while the person is asked to sign in again; resolved with the new session or null. */
export const reauthentication = signal<((next: Session | null) => void) | null>(null);

function waitForSignIn(): Promise<Session | null> {
  return new Promise((resolve) => {
    reauthentication.value = (next) => {
      reauthentication.value = null;
      resolve(next);
    };
  });
}

export interface RequestOptions {
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send no token (the sign-in form itself). */
  anonymous?: boolean;
  /** On 401, fail at once instead of asking to sign in again. */
  noReauth?: boolean;
}

export interface Reply<T> {
  status: number;
  data: T;
  headers: Headers;
}

async function toError(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = await response.json();
  } catch {
    /* not JSON: keep the status */
  }
  const type = typeof body.type === 'string' ? body.type : '';
  const slug = type.startsWith('urn:planflow:problem:') ? type.slice('urn:planflow:problem:'.length) : `http-${response.status}`;
  // Worded here from code and params; the server's own wording (in the
  // language asked for) stands only for a code this build does not know.
  const errors = (Array.isArray(body.errors) ? (body.errors as FieldError[]) : []).map((e) => ({
    ...e,
    detail: messageText(e.code, e.params) ?? String(e.detail ?? ''),
  }));
  const params = (body.params ?? {}) as Record<string, unknown>;
  return new ApiError(
    response.status,
    slug,
    String(body.title ?? response.statusText),
    messageText(typeof body.code === 'string' ? body.code : undefined, params) ?? String(body.detail ?? ''),
    errors,
    body,
  );
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': lang(),
    ...options.headers,
  };
  const token = session.value?.token;
  if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.text !== undefined) {
    body = options.text;
    headers['Content-Type'] = options.contentType ?? 'text/plain; charset=utf-8';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  try {
    return await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, 'network', 'Network error', '');
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
  pending.value += 1;
  try {
    let response = await send(method, path, options);
    if (response.status === 401 && !options.anonymous && !options.noReauth && session.value) {
      const renewed = await waitForSignIn();
      if (renewed) response = await send(method, path, options);
    }
    if (!response.ok) throw await toError(response);
    const type = response.headers.get('Content-Type') ?? '';
    const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, data: data as T, headers: response.headers };
  } finally {
    pending.value -= 1;
  }
}

export const api = {
  get: async <T>(path: string) => (await request<T>('GET', path)).data,
  post: async <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    (await request<T>('POST', path, { body, headers })).data,
  put: async <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    (await request<T>('PUT', path, { body, headers })).data,
  del: async (path: string) => {
    await request<null>('DELETE', path);
  },
};

/**
 * Fetches a file with the session's token and hands it to the browser as a
 * download, named as the server says unless `preferName` keeps `fallbackName`
 * (Thai names the server cannot put in an ASCII header).
 */
export async function download(path: string, fallbackName: string, options: { preferName?: boolean } = {}): Promise<void> {
  pending.value += 1;
  try {
    let response = await send('GET', path, { headers: { Accept: '*/*' } });
    if (response.status === 401 && session.value) {
      if (await waitForSignIn()) response = await send('GET', path, { headers: { Accept: '*/*' } });
    }
    if (!response.ok) throw await toError(response);
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const name = match && !options.preferName ? decodeURIComponent(match[1] ?? match[2]) : fallbackName;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } finally {
    pending.value -= 1;
  }
}

export async function signIn(username: string, password: string): Promise<Session> {
  const { data } = await request<Session>('POST', '/api/v1/auth/login', { body: { username, password }, anonymous: true });
  setSession(data);
  return data;
}

export async function signOut(): Promise<void> {
  try {
    await request('POST', '/api/v1/auth/logout', { noReauth: true });
  } catch {
    /* the token may have lapsed already; signing out locally is what matters */
  }
  setSession(null);
}
