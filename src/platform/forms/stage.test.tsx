import { z } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import {
  errorOf,
  ErrorSummary,
  Form,
  formToken,
  formTokens,
  freshForm,
  handleForm,
  TextField,
  type FormSpec,
  type FormState,
} from './index.js';

const Schema = z.object({ name: z.string().trim().min(2).max(50), email: z.email() });
const SPEC: FormSpec<z.infer<typeof Schema>> = {
  schema: Schema,
  fields: { name: { label: 'org.field.name' }, email: { label: 'org.invite.email', id: 'invite-email' } },
};

/** A page with one form, rendered in `lang`. */
function Page(props: { lang: Language; form: FormState; token: ReturnType<typeof formToken> }) {
  const { lang, form } = props;
  return (
    <main>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/things" token={props.token}>
        <TextField
          lang={lang}
          name="name"
          label="org.field.name"
          autocomplete="off"
          value={form.values['name']}
          error={errorOf(form, 'name')}
        />
        <TextField
          lang={lang}
          name="email"
          id="invite-email"
          type="email"
          label="org.invite.email"
          autocomplete="off"
          value={form.values['email']}
          error={errorOf(form, 'email')}
        />
      </Form>
    </main>
  );
}

const render = async (c: Context<AppEnv>, form: FormState, status: 200 | 400 | 409 | 429 = 200) =>
  c.html((<Page lang={c.get('lang')} form={form} token={formToken(c)} />).toString(), status);

/** A tiny app: a token source like the accounts feature's, and one form through the stage. */
function app(run: (data: z.infer<typeof Schema>) => Promise<Response>) {
  const hono = new Hono<AppEnv>();
  let made = 0;
  hono.use(formTokens({ field: '_csrf', token: () => `token-${++made}` }));
  hono.use(async (c, next) => {
    c.set('lang', (c.req.query('lang') as Language | undefined) ?? 'en');
    await next();
  });
  hono.get('/things', (c) => render(c, freshForm()));
  hono.post('/things', (c) =>
    handleForm(c, {
      spec: SPEC,
      render: (form, status) => render(c, form, status as 400 | 409 | 429),
      refusals: [{ code: 'conflict', field: 'body.name', show: 'name', message: 'org.error.nameTaken' }],
      run,
    }),
  );
  hono.onError((error, c) =>
    c.text(error instanceof AppError ? `error page ${error.code}` : 'bug', error instanceof AppError ? error.status : 500),
  );
  return hono;
}
const post = (hono: Hono<AppEnv>, fields: Record<string, string>, lang = 'en') =>
  hono.request(`/things?lang=${lang}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('the forms stage', () => {
  it('renders a form with its CSRF field and novalidate, making the token only when a form is shown', async () => {
    const html = await (await app(async () => new Response(null, { status: 303 })).request('/things')).text();
    expect(html).toContain('<input type="hidden" name="_csrf" value="token-1"/>');
    expect(html).toContain('novalidate');
  });

  it('answers invalid input with 400, the values as typed, and a summary linking each problem to its field', async () => {
    let ran = false;
    const res = await post(
      app(async () => ((ran = true), new Response(null))),
      { _csrf: 'token', name: 'A', email: 'nope' },
      'es',
    );
    expect(res.status).toBe(400);
    expect(ran).toBe(false);
    const html = await res.text();
    expect(html).toContain('autofocus');
    expect(html).toContain(`<a href="#name">${t('es', 'org.field.name')}: ${t('es', 'forms.error.tooShort', { min: 2 })}</a>`);
    expect(html).toContain('href="#invite-email"');
    expect(html).toMatch(
      /<input id="invite-email" name="email" type="email"[^>]*value="nope"[^>]*aria-invalid="true" aria-describedby="invite-email-error"/,
    );
    expect(html).not.toContain('value="token"'); // the posted token is not echoed as a value
  });

  it('runs the use case on valid input and answers with its redirect', async () => {
    const seen: unknown[] = [];
    const res = await post(
      app(async (data) => (seen.push(data), new Response(null, { status: 303, headers: { Location: '/things/1' } }))),
      { _csrf: 'x', name: '  Kenya ICT Board ', email: 'a@example.org' },
    );
    expect(res.status).toBe(303);
    expect(seen).toEqual([{ name: 'Kenya ICT Board', email: 'a@example.org' }]);
  });

  it('shows an expected refusal on its field with the refusal’s status, and too many attempts with the wait', async () => {
    const taken = await post(
      app(async () => {
        throw new AppError('conflict', 'An organisation named "X" already exists', [{ field: 'body.name', message: 'already taken' }]);
      }),
      { name: 'Taken name', email: 'a@example.org' },
      'fr',
    );
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain(t('fr', 'org.error.nameTaken'));
    const limited = await post(
      app(async () => {
        throw new AppError('rate-limited', 'Too many requests; try again in 42 seconds', [], { 'Retry-After': '42' });
      }),
      { name: 'Fine name', email: 'a@example.org' },
      'ru',
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
    expect(await limited.text()).toContain('Подождите 42 секунды');
  });

  it('leaves an unexpected refusal, or a bug, to the error page', async () => {
    const forbidden = await post(
      app(async () => {
        throw new AppError('forbidden', 'no');
      }),
      { name: 'Fine name', email: 'a@example.org' },
    );
    expect([forbidden.status, await forbidden.text()]).toEqual([403, 'error page forbidden']);
    const bug = await post(
      app(async () => {
        throw new Error('boom');
      }),
      { name: 'Fine name', email: 'a@example.org' },
    );
    expect(bug.status).toBe(500);
  });
});
