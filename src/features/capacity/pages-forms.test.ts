/**
 * The clearinghouse pages' newer parts, in process as a browser without JavaScript uses them:
 * DigComp, ESCO, SDGs and translations through the offering and need forms (create → page →
 * edit → save); the service's problems and bad catalogue filters told in the reader's language
 * (a 400 with the page's error summary, searching nothing), as the list APIs now tell them; the
 * upkeep jobs' flags on an offering and its catalogue entry, and the editor's confirmation that
 * it is still right (CSRF, can(), audited).
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/auth.js';
import { seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser, signedInBrowsers } from '../../../test/support/forms.js';

const ESCO_BROWSE = 'e439742d-558d-4f52-885e-afdc740b48cf'; // "browse, search and filter data, information and digital content"
const ESCO_HASKELL = '000f1d3d-220f-4789-9c0a-cc742521fb02';

/** The error summary's lines, as text. */
const summaryLines = (html: string) =>
  [...(/<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, '').trim(),
  );
const summaryTargets = (html: string) =>
  [...(/<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '').matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);

function offeringForm(organisation: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    organisation,
    kind: 'course',
    language: 'en',
    title: 'Searching and judging information online',
    summary: 'Find, filter and judge digital information: a course for librarians and teachers.',
    'topics.digital-literacy': 'on',
    'audiences.educators': 'on',
    'languages.en': 'on',
    modality: 'live-online',
    rolling: 'on',
    'digcomp.1.1': 'on',
    'digcomp.1.2': 'on',
    esco: `http://data.europa.eu/esco/skill/${ESCO_BROWSE}; ${ESCO_HASKELL.toUpperCase()}`,
    'sdgs.4': 'on',
    'sdgs.9': 'on',
    'translations.0.language': 'fr',
    'translations.0.title': 'Chercher et évaluer l’information en ligne',
    'translations.0.summary': 'Trouver, filtrer et évaluer l’information numérique : un cours pour bibliothécaires.',
    'translations.0.description': '',
    ...extra,
  };
}

forEachEngine('clearinghouse forms, flags and filters', (t) => {
  const app = () => testApp(t.db);
  let provider: string;
  let editor: TestUser;
  const as = signedInBrowsers(app);

  beforeAll(async () => {
    provider = await seedOrganisation(t.db, 'Forms Library Academy');
    editor = await createUser(t.db, { memberships: [{ organisationId: provider, role: 'editor' }] });
  });

  describe('competences, skills, SDGs and translations', () => {
    it('round-trip through the offering form: created, shown with their names, back in the edit form, saved again', async () => {
      const browser = await as(editor);
      const form = await browser.get('/offerings/new?lang=fr');
      // DigComp grouped by area (names in French), SDGs named in French, a translation set; ESCO as codes.
      expect(form.html).toContain('<legend>Maîtrise de l’information et des données</legend>');
      expect(form.html).toContain('name="digcomp.4.2"');
      expect(form.html).toContain('4. Éducation de qualité');
      expect(form.html).toContain('name="translations.0.title"');
      expect(form.html).not.toContain('name="translations.1.title"');
      const created = await browser.post('/offerings?lang=fr', offeringForm(provider), form.html);
      expect(created.response.status).toBe(303);
      const id = /\/offerings\/([0-9a-f-]{36})/.exec(created.response.headers.get('location')!)![1]!;
      const stored = await t.db
        .selectFrom('offerings')
        .select(['digcomp', 'esco', 'sdgs', 'translations'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ digcomp: ['1.1', '1.2'], esco: [ESCO_BROWSE, ESCO_HASKELL], sdgs: ['4', '9'] });
      expect(stored.translations).toEqual([
        {
          language: 'fr',
          title: 'Chercher et évaluer l’information en ligne',
          summary: 'Trouver, filtrer et évaluer l’information numérique : un cours pour bibliothécaires.',
          description: null,
        },
      ]);

      const page = await browser.get(`/offerings/${id}?lang=es`);
      expect(page.html).toContain('1.1 Browsing, searching and filtering data, information and digital content');
      expect(page.html).toContain('<li>Haskell</li>');
      expect(page.html).toContain('9. Industria, innovación e infraestructura');
      expect(page.html).toMatch(
        /<article lang="fr"><h3>Chercher et évaluer l’information en ligne <span class="meta" lang="es">\(francés\)/,
      );

      // The edit form holds every value, and one more (empty) translation set.
      const edit = await browser.get(`/offerings/${id}/edit`);
      expect(edit.html).toMatch(/name="digcomp\.1\.1" checked/);
      expect(edit.html).toMatch(/name="sdgs\.9" checked/);
      expect(edit.html).toContain(`value="${ESCO_BROWSE}; ${ESCO_HASKELL}"`);
      expect(edit.html).toContain('value="Chercher et évaluer l’information en ligne"');
      expect(edit.html).toContain('name="translations.1.title"');
      const values = {
        ...offeringForm(provider),
        version: '1',
        'digcomp.1.2': '',
        'sdgs.9': '',
        esco: ESCO_BROWSE,
        'translations.1.language': 'ar',
        'translations.1.title': 'البحث عن المعلومات وتقييمها عبر الإنترنت',
        'translations.1.summary': 'العثور على المعلومات الرقمية وتصفيتها وتقييمها: دورة لأمناء المكتبات والمعلمين.',
      };
      delete (values as Record<string, string>)['organisation'];
      const saved = await browser.post(`/offerings/${id}/edit`, values, edit.html);
      expect(saved.response.status).toBe(303);
      const after = await t.db
        .selectFrom('offerings')
        .select(['digcomp', 'esco', 'sdgs', 'translations', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(after).toMatchObject({ digcomp: ['1.1'], esco: [ESCO_BROWSE], sdgs: ['4'], version: 2 });
      expect((after.translations as { language: string }[]).map((tr) => tr.language).toSorted()).toEqual(['ar', 'fr']);
    });

    it('tells the service’s and the schema’s problems on their fields in the reader’s language, storing nothing', async () => {
      const browser = await as(editor);
      const before = await t.db.selectFrom('offerings').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const form = await browser.get('/offerings/new?lang=fr');
      const refused = await browser.post(
        '/offerings?lang=fr',
        offeringForm(provider, {
          startDate: '2027-03-01',
          esco: '00000000-0000-4000-8000-000000000000',
          'translations.0.language': 'en',
        }),
        form.html,
      );
      expect(refused.response.status).toBe(400);
      expect(summaryTargets(refused.html)).toEqual(['esco', 'startDate', 'translations']);
      expect(summaryLines(refused.html)).toEqual([
        expect.stringContaining('n’est pas une aptitude de la collection numérique d’ESCO'),
        expect.stringContaining('Une offre ouverte en permanence n’a pas de date de début'),
        expect.stringContaining('L’offre est déjà rédigée dans cette langue'),
      ]);
      const short = await browser.post('/offerings?lang=ru', offeringForm(provider, { 'translations.0.title': 'A' }), form.html);
      expect(summaryLines(short.html)).toEqual([expect.stringMatching(/^Переводы: .*от 3 до 200/)]);
      const need = await browser.get('/needs/new?lang=ar');
      const badNeed = await browser.post(
        '/needs?lang=ar',
        {
          organisation: provider,
          country: 'NER',
          language: 'fr',
          title: 'Former les bibliothécaires',
          description: 'Les bibliothèques publiques veulent former leurs agents à la recherche en ligne.',
          'topics.digital-literacy': 'on',
          'audiences.educators': 'on',
          'languages.fr': 'on',
          'digcomp.5.9': 'on',
          startDate: '2027-05-01',
          endDate: '2027-01-01',
          urgency: 'medium',
          visibility: 'public',
        },
        need.html,
      );
      expect(badNeed.response.status).toBe(400);
      expect(badNeed.html).toContain('<html lang="ar" dir="rtl">');
      expect(summaryLines(badNeed.html).join('\n')).toContain('«5.9» ليست كفاءة في DigComp 2.2');
      expect(summaryLines(badNeed.html).join('\n')).toContain('أدخل تاريخ انتهاء');
      expect(await t.db.selectFrom('offerings').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(before);
    });
  });

  describe('bad catalogue filters', () => {
    const cases: [path: string, field: string, fr: RegExp][] = [
      ['/offerings?q=%00', 'q', /Rechercher : Retirez les caractères de contrôle/],
      ['/offerings?q=a%1Bb', 'q', /caractères de contrôle/],
      [`/offerings?q=${'x'.repeat(201)}`, 'q', /Rechercher : Saisissez au plus 200 caractères/],
      ['/offerings?topics=cybersecurity&topics=%00', 'topics', /Thèmes : « � » ne fait pas partie des choix/],
      [`/offerings?topics=${'y'.repeat(90)}`, 'topics', /Thèmes : « y{59}… »/],
      ['/offerings?kind=lecture', 'kind', /« lecture » ne fait pas partie des choix/],
      ['/offerings?eligibleFor=ZZZ', 'eligibleFor', /« ZZZ » n’est pas le code ISO à trois lettres d’un pays/],
      ['/offerings?eligibleFor=Niger', 'eligibleFor', /Vérifiez le format|format/],
      ['/offerings?from=2027-06-01&to=2027-01-01', 'to', /Au : Saisissez une date de fin/],
      ['/offerings?from=2027-02-30', 'from', /Du : /],
      ['/offerings?sort=best', 'sort', /Choisissez l’une des options/],
      ['/offerings?cost=cheap', 'cost', /Coût : Choisissez/],
      ['/offerings?sdgs=18', 'sdgs', /« 18 »/],
      ['/offerings?digcomp=6.1', 'digcomp', /« 6\.1 »/],
      ['/offerings?cursor=bm90LWEtY3Vyc29y', 'cursor', /Ce lien de page n’est plus valable/],
      ['/needs?country=XXXX', 'country', /« XXXX » n’est ni le code ISO/],
      ['/needs?urgency=someday', 'urgency', /« someday »/],
      ['/needs?q=%07', 'q', /caractères de contrôle/],
      ['/needs?requester=nobody', 'requester', /Demandeur : /],
    ];
    it.each(cases)('%s answers 400 with the error summary naming %s, in French, and lists nothing', async (path, _field, message) => {
      const { response, html } = await new Browser(app()).get(`${path}&lang=fr`);
      expect(response.status).toBe(400);
      expect(html).toContain('<title>Erreur');
      expect(summaryLines(html).join('\n')).toMatch(message);
      expect(html).toContain('Aucune recherche n’a été faite');
      expect(html).not.toContain('<ol class="results">');
      expect(html).not.toContain('\u0000');
    });

    it('links a line to the filter the form shows, and keeps a good search working', async () => {
      const bad = await new Browser(app()).get('/offerings?q=%00&eligibleFor=12&sort=best&lang=ar');
      expect(bad.html).toContain('dir="rtl"');
      expect(summaryTargets(bad.html)).toEqual(['q', 'eligibleFor', 'sort']);
      expect((await new Browser(app()).get('/offerings?q=cyber&eligibleFor=NER&from=2027-01-01&to=2027-12-31')).response.status).toBe(200);
    });

    it('the list APIs refuse the same filters, saying the first in the reader’s language (fields stay for programs)', async () => {
      const fr = await app().request('/api/v1/offerings?q=%00', { headers: { 'accept-language': 'fr' } });
      expect(fr.status).toBe(400);
      const problem = await body<{ code: string; detail: string; fields: { field: string }[] }>(fr);
      expect(problem).toMatchObject({ code: 'validation-failed', fields: [{ field: 'query.q' }] });
      expect(problem.detail).toBe('query.q : Retirez les caractères de contrôle (comme NUL) de ce texte');
      const zh = await app().request('/api/v1/needs?country=ZZZ', { headers: { 'accept-language': 'zh' } });
      expect((await body<{ detail: string }>(zh)).detail).toBe(
        'query.country：“ZZZ”既不是国家的三字母 ISO 代码，也不是组别代码：请输入如 NER 或 LDC',
      );
      const en = await app().request('/api/v1/offerings?from=2027-06-01&to=2027-01-01&format=csv');
      expect(en.status).toBe(400);
      expect((await body<{ detail: string }>(en)).detail).toBe('query.to: Enter an end date on or after the start date');
    });
  });

  describe('the upkeep flags', () => {
    it('show to everyone on the page and the catalogue entry; the editor confirms the review, audited, and the flag goes', async () => {
      const id = await seedOffering(t.db, provider, { status: 'published', title: 'Flagged course on open data portals' });
      await t.db
        .updateTable('offerings')
        .set({
          url_broken_since: sql<Date>`'2026-03-04T10:00:00Z'::timestamptz`,
          last_reviewed_at: sql<Date>`'2024-02-01T10:00:00Z'::timestamptz`,
        })
        .where('id', '=', id)
        .execute();
      const visitor = new Browser(app());
      const page = await visitor.get(`/offerings/${id}`);
      expect(page.html).toContain('The link to this offering did not answer when checked on 4 March 2026.');
      expect(page.html).toContain('Not reviewed since 1 February 2024.');
      expect(page.html).not.toContain('/review');
      const list = await visitor.get(`/offerings?provider=${provider}&lang=fr&q=portals`);
      expect(list.html).toContain('Non revue depuis le 1 février 2024.');
      // An anonymous post (no CSRF token to send) is refused; a member of another organisation is refused.
      const anonymous = await app().request(`/offerings/${id}/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'version=1',
      });
      expect(anonymous.status).toBe(403);
      const stranger = await as(
        await createUser(t.db, { memberships: [{ organisationId: await seedOrganisation(t.db, 'Other'), role: 'editor' }] }),
      );
      // The page offers them no form; a token from another of their pages does not help.
      expect((await stranger.get(`/offerings/${id}`)).html).not.toContain('/review');
      const refused = await stranger.post(`/offerings/${id}/review`, { version: '1' }, (await stranger.get('/offerings/new')).html);
      expect(refused.response.status).toBe(403);

      const browser = await as(editor);
      const own = await browser.get(`/offerings/${id}`);
      expect(own.html).toContain(`action="/offerings/${id}/review"`);
      const stale = await browser.post(`/offerings/${id}/review`, { version: '7' }, own.html);
      expect(stale.response.status).toBe(409);
      expect(stale.html).toContain('The offering changed meanwhile');
      const confirmed = await browser.post(`/offerings/${id}/review`, { version: '1' }, own.html);
      expect(confirmed.response.status).toBe(303);
      const after = await browser.get(`/offerings/${id}`);
      expect(after.html).not.toContain('Not reviewed since');
      expect(after.html).toContain('The link to this offering did not answer');
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('resource_id', '=', id)
        .where('action', '=', 'offering.review')
        .execute();
      expect(audit).toEqual([{ action: 'offering.review', actor_id: editor.id }]);
      const api = await body<{ linkBrokenSince: string | null; version: number }>(await app().request(`/api/v1/offerings/${id}`));
      expect(api).toMatchObject({ linkBrokenSince: '2026-03-04T10:00:00.000Z', version: 2 });
    });
  });
});
