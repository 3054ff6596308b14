import pino from 'pino';
import { expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config/config.js';
import { testApp } from '../../../test/support/app.js';
import { createUser, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { runJobs } from '../../../test/support/jobs.js';
import { OUTBOX_PAGE_SIZE } from './outbox-routes.js';
import { offlineRegistration } from '../../web/assets.js';

forEachEngine('the mail outbox page and the error pages', (t) => {
  const app = () => testApp(t.db);

  it('says where mail went without SMTP to an admin and in the server log, never to the public, and shows it to an admin', async () => {
    const lines: string[] = [];
    const logged = createApp({
      db: t.db,
      config: loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true' }),
      logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    });
    const browser = new Browser(logged);
    const email = `newcomer-${Date.now()}@example.org`;
    const signUp = await browser.submit('/sign-up', { displayName: 'New Comer', email, password: 'mangoes in the rainy season' });
    expect(signUp.response.headers.get('location')).toBe('/sign-up/sent');
    const { html } = await browser.get('/sign-up/sent');
    expect(html).toContain('Check your e-mail');
    expect(html).not.toContain('/admin/outbox');
    expect(html).not.toContain('dcp -- outbox');
    expect(lines.join('')).toMatch(/mail-kept[\s\S]*\/admin\/outbox[\s\S]*npm run dcp -- outbox/);
    expect(lines.join('')).not.toContain(email);

    await runJobs(t.db); // the mail job moves the queued mail to the outbox
    const admin = await signInAs(app(), await createUser(t.db, { platformRole: 'admin' }));
    const page = await app().request('/admin/outbox', { headers: { Cookie: admin.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const text = await page.text();
    expect(text).toContain(email);
    expect(text).toMatch(/\/verify-email\?token=[\w-]+/);
    // The one script is the offline-reading registration every page carries (web/assets.ts).
    expect(text.replace(`<script>${offlineRegistration.text}</script>`, '')).not.toContain('<script');
  });

  it('pages through older mail', async () => {
    await t.db
      .insertInto('outbox')
      .values(
        Array.from({ length: OUTBOX_PAGE_SIZE + 3 }, (_, i) => ({ recipient: `p${i}@example.org`, subject: `Paged ${i}`, body: 'x' })),
      )
      .execute();
    const admin = await signInAs(app(), await createUser(t.db, { platformRole: 'admin' }));
    const first = await (await app().request('/admin/outbox', { headers: { Cookie: admin.cookie } })).text();
    expect(first).toContain(`Paged ${OUTBOX_PAGE_SIZE + 2}`);
    const older = /href="(\/admin\/outbox\?before=\d+)"/.exec(first)?.[1];
    expect(older).toBeDefined();
    const second = await (await app().request(older!, { headers: { Cookie: admin.cookie } })).text();
    expect(second).not.toContain(`Paged ${OUTBOX_PAGE_SIZE + 2}<`);
    expect(second).toContain('Paged 2<');
  });

  it('sends a visitor to sign in first, and refuses anyone but an admin with a Forbidden page in their language', async () => {
    const anonymous = await app().request('/admin/outbox?before=5');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Foutbox%3Fbefore%3D5');

    const coordinator = await signInAs(app(), await createUser(t.db, { platformRole: 'coordinator' }));
    const words = { en: 'Forbidden', fr: 'interdit', es: 'Prohibido', ru: 'запрещён', zh: '禁止访问', ar: 'ممنوع' };
    for (const [lang, word] of Object.entries(words)) {
      const refused = await app().request(`/admin/outbox?lang=${lang}`, { headers: { Cookie: coordinator.cookie } });
      expect(refused.status).toBe(403);
      const html = await refused.text();
      expect(html, lang).toContain(word);
      expect(html).not.toContain('Something went wrong');
    }
  });
});
