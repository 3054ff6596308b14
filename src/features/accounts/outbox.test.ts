import { expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { runJobs } from '../../../test/support/jobs.js';
import { OUTBOX_PAGE_SIZE } from './outbox-routes.js';

forEachEngine('the mail outbox page and the error pages', (t) => {
  const app = () => testApp(t.db);

  it('tells a newcomer without SMTP where the confirmation mail went, and shows it to an admin', async () => {
    const browser = new Browser(app());
    const email = `newcomer-${Date.now()}@example.org`;
    const { html } = await browser.submit('/sign-up', { displayName: 'New Comer', email, password: 'mangoes in the rainy season' });
    expect(html).toContain('href="/admin/outbox"');
    expect(html).toContain('npm run dcp -- outbox');

    await runJobs(t.db); // the mail job moves the queued mail to the outbox
    const admin = await signInAs(app(), await createUser(t.db, { platformRole: 'admin' }));
    const page = await app().request('/admin/outbox', { headers: { Cookie: admin.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const text = await page.text();
    expect(text).toContain(email);
    expect(text).toMatch(/\/verify-email\?token=[\w-]+/);
    expect(text).not.toContain('<script');
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
