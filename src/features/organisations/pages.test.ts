import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import type { Db } from '../../db/database.js';

/** The ids the error summary links to, in order, and its lines as text. */
function summary(html: string): { targets: string[]; lines: string[] } {
  const box = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return {
    targets: [...box.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!),
    // Without the Unicode isolates that keep Latin text upright in Arabic lines.
    lines: [...box.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]*>|[\u2066-\u2069]/g, '').trim()),
  };
}

async function organisation(db: Db, name: string): Promise<string> {
  const row = await db.insertInto('organisations').values({ name, kind: 'academia' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

forEachEngine('organisation forms', (t) => {
  const app = () => testApp(t.db);

  async function signedInBrowser(overrides: Parameters<typeof createUser>[1] = {}) {
    const user = await createUser(t.db, overrides);
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    return { user, browser };
  }

  describe('the accessibility audit’s /organisations/new', () => {
    it('answers a short name and a bad web address in Arabic, linked to the fields, with nothing in English', async () => {
      const { browser } = await signedInBrowser();
      const { response, html } = await browser.submit(
        '/organisations/new?lang=ar',
        { name: 'A', kind: 'academia', country: '', website: 'not a url', acronym: '', description: 'Kept as typed' },
        '/organisations',
      );
      expect(response.status).toBe(400);
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(html).toMatch(/<title>خطأ: /);
      const { targets, lines } = summary(html);
      expect(targets).toEqual(['name', 'website']);
      expect(lines).toEqual(['الاسم: أدخل حرفين على الأقل', 'الموقع الشبكي: أدخل عنوانًا على الويب يبدأ بـ https:// أو http://']);
      for (const id of targets) expect(html).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true"`));
      expect(html).not.toMatch(/Too small|Invalid URL|name:|website:/);
      expect(html).toContain('Kept as typed');
      expect(html).toContain('value="not a url"');
      expect(html).toMatch(/<form method="post" action="\/organisations" class="stack" novalidate(="")?>/);
      expect(await t.db.selectFrom('organisations').select('id').where('name', '=', 'A').execute()).toEqual([]);
    });

    it('shows a name already taken on the name field, in French, with 409', async () => {
      await organisation(t.db, 'Taken Name Institute');
      const { browser } = await signedInBrowser();
      const { response, html } = await browser.submit(
        '/organisations/new?lang=fr',
        { name: 'taken name institute', kind: 'academia' },
        '/organisations',
      );
      expect(response.status).toBe(409);
      expect(summary(html)).toEqual({ targets: ['name'], lines: ['Nom : Une autre organisation porte déjà ce nom'] });
    });

    it('creates the organisation and redirects to it when the form is right', async () => {
      const { browser } = await signedInBrowser();
      const { response } = await browser.submit(
        '/organisations/new',
        { name: `Forms Stage Org ${randomBytes(3).toString('hex')}`, kind: 'civil-society', website: 'https://example.org' },
        '/organisations',
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/organisations\/[0-9a-f-]{36}\?done=1$/);
    });
  });

  describe('forms on an organisation page', () => {
    it('refuses to leave an organisation without an owner, saying so in Spanish on the page', async () => {
      const orgId = await organisation(t.db, `Sole Owner Org ${randomBytes(3).toString('hex')}`);
      const { user, browser } = await signedInBrowser();
      await t.db.insertInto('memberships').values({ organisation_id: orgId, user_id: user.id, role: 'owner' }).execute();
      const { response, html } = await browser.submit(
        `/organisations/${orgId}?lang=es`,
        {},
        `/organisations/${orgId}/members/${user.id}/remove`,
      );
      expect(response.status).toBe(409);
      expect(summary(html).lines).toEqual(['Una organización necesita al menos un propietario: primero nombre a otra persona propietaria']);
      expect(html).toMatch(/<title>Error: /);
    });

    it('shows an invalid invitation address on the invitation form’s own field', async () => {
      const orgId = await organisation(t.db, `Invite Form Org ${randomBytes(3).toString('hex')}`);
      const { user, browser } = await signedInBrowser();
      await t.db.insertInto('memberships').values({ organisation_id: orgId, user_id: user.id, role: 'owner' }).execute();
      const { response, html } = await browser.submit(
        `/organisations/${orgId}`,
        { email: 'nobody', role: 'member' },
        `/organisations/${orgId}/invitations`,
      );
      expect(response.status).toBe(400);
      expect(summary(html).targets).toEqual(['invite-email']);
      expect(html).toMatch(/id="invite-email"[^>]*value="nobody"[^>]*aria-invalid="true"/);
    });

    it('tells someone signed in with another address why they cannot accept an invitation, in Russian', async () => {
      const orgId = await organisation(t.db, `Invitation Org ${randomBytes(3).toString('hex')}`);
      const token = randomBytes(32).toString('base64url');
      await t.db
        .insertInto('invitations')
        .values({
          organisation_id: orgId,
          email: 'someone-else@example.org',
          role: 'member',
          token_hash: createHash('sha256').update(token).digest(),
          invited_by: null,
          expires_at: new Date(Date.now() + 86_400_000),
        })
        .execute();
      const { browser } = await signedInBrowser();
      const { response, html } = await browser.submit(`/invitations/${token}?lang=ru`, {}, `/invitations/${token}`);
      expect(response.status).toBe(403);
      expect(summary(html).lines).toEqual([
        'Это приглашение отправлено на другой адрес электронной почты: войдите с этим адресом, чтобы его принять',
      ]);
    });
  });
});
