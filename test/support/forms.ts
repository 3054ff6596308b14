/**
 * Driving the server-rendered forms in process, as a browser without
 * JavaScript would: read the page, keep its cookies, post the fields with
 * the CSRF token the page carried.
 */
import { randomAddress, signInAs, type TestUser } from './auth.js';

interface RequestingApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** A tiny cookie jar: name → value, updated from every Set-Cookie. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** Each browser speaks from its own address (rate limits are per address). */
  readonly address = randomAddress();

  constructor(private readonly app: RequestingApp) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { 'X-Forwarded-For': this.address, ...(cookie ? { Cookie: cookie } : {}), ...extra };
  }

  async get(path: string): Promise<{ response: Response; html: string }> {
    const response = await this.app.request(path, { headers: this.headers() });
    this.remember(response);
    return { response, html: await response.text() };
  }

  /** Posts `fields` as a urlencoded form; `_csrf` is taken from `page` unless given. */
  async post(path: string, fields: Record<string, string>, page?: string): Promise<{ response: Response; html: string }> {
    const csrf = fields['_csrf'] ?? (page ? csrfIn(page) : undefined);
    const body = new URLSearchParams({ ...fields, ...(csrf !== undefined ? { _csrf: csrf } : {}) });
    const response = await this.app.request(path, {
      method: 'POST',
      headers: this.headers({ 'Content-Type': 'application/x-www-form-urlencoded' }),
      body: body.toString(),
      redirect: 'manual',
    });
    this.remember(response);
    return { response, html: await response.text() };
  }

  /** Reads a form page, then posts it filled in. */
  async submit(path: string, fields: Record<string, string>, action = path): Promise<{ response: Response; html: string }> {
    const { html } = await this.get(path);
    return this.post(action, fields, html);
  }
}

export function csrfIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no CSRF token');
  return token;
}

/**
 * A maker of browsers signed in as a person: one real sign-in per person, its session shared by
 * every browser made for them afterwards (a TOTP code is accepted once, so signing in again would fail).
 * @example const as = signedInBrowsers(app); const page = await (await as(editor)).get('/offerings/new');
 */
export function signedInBrowsers(app: () => RequestingApp): (user: TestUser) => Promise<Browser> {
  const sessions = new Map<string, string>();
  return async (user) => {
    const browser = new Browser(app());
    let cookie = sessions.get(user.id);
    if (!cookie) sessions.set(user.id, (cookie = (await signInAs(app(), user)).cookie.slice('dcp_session='.length)));
    browser.cookies.set('dcp_session', cookie);
    return browser;
  };
}
