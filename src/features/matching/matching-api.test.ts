import { beforeAll, describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { seedNeed, seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { seedProfile } from '../../../test/support/people.js';
import { ANONYMOUS } from '../../core/policy/actor.js';
import { AppError } from '../../http/app-error.js';
import { reference } from './context.js';
import { countryPledges, presentCountryPledges } from './pledge-service.js';

interface Explanation {
  component: string;
  weight: number;
  points: number;
  text: string;
}
interface NeedPage {
  need: {
    id: string;
    country: string;
    connectivity: { level: number | null; figure: { indicator: string; year: number; text: string } | null };
  };
  data: { score: number; offering: { id: string; status: string; title: string }; explanation: Explanation[] }[];
  excluded?: { offering: { id: string }; constraints: { constraint: string; text: string }[] }[];
  excludedTotal?: number;
  candidates: { considered: number; linked: number; capped: boolean; constraintsInQuery: boolean; method: string };
}
interface OfferingPage {
  data: { score: number; need: { id: string; visibility: string }; explanation: Explanation[] }[];
  excluded?: { need: { id: string }; constraints: { constraint: string }[] }[];
}
interface Problem {
  code: string;
  fields?: { field: string }[];
}

const COMPONENTS = ['topic', 'audience', 'level', 'modality', 'connectivity', 'cost', 'text', 'track-record'];

forEachEngine('matching API', (t) => {
  const app = () => testApp(t.db);
  const get = (path: string, who?: SignedIn, headers: Record<string, string> = {}) =>
    app().request(path, { headers: { 'X-Forwarded-For': randomAddress(), ...who?.headers, ...headers } });
  const ids = {} as Record<string, string>;
  let editor: SignedIn;
  let member: SignedIn;

  beforeAll(async () => {
    const provider = await seedOrganisation(t.db, 'Réseau francophone de formation (test)');
    const requester = await seedOrganisation(t.db, 'Ministère de l’Économie numérique (test)');
    editor = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: provider, role: 'editor' }] }));
    member = await signInAs(app(), await createUser(t.db));
    const cyber = {
      language: 'fr',
      languages: ['fr'],
      topics: ['cybersecurity'],
      audiences: ['public-servants'],
      levels: ['intermediate'],
      status: 'published',
    };
    const offerings: Record<string, Record<string, unknown>> = {
      offline: {
        ...cyber,
        title: 'Réponse aux incidents de cybersécurité, module hors ligne',
        summary: 'Mettre en place une équipe de réponse aux incidents informatiques, avec des supports utilisables hors ligne.',
        modality: 'self-paced-online',
        bandwidth: 'offline',
        rolling: true,
        startDate: null,
        endDate: null,
      },
      streaming: {
        ...cyber,
        title: 'Cybersécurité : réponse aux incidents en direct',
        summary: 'Sessions en direct par vidéo sur la réponse aux incidents et les équipes nationales CIRT.',
        modality: 'live-online',
        bandwidth: 'high',
        startDate: '2027-03-01',
        endDate: '2027-03-20',
      },
      related: {
        ...cyber,
        topics: ['data-protection-privacy'],
        title: 'Protection des données personnelles pour les administrations',
        summary: 'Appliquer la loi sur la protection des données dans les services publics.',
        modality: 'blended',
        bandwidth: 'low',
        startDate: '2027-04-01',
        endDate: '2027-04-30',
      },
      english: { ...cyber, language: 'en', languages: ['en'], title: 'Incident response for national CIRTs', summary: 'Set up a CIRT.' },
      islands: { ...cyber, title: 'Cybersécurité pour les petits États insulaires', eligibleGroups: ['SIDS'] },
      late: { ...cyber, title: 'Cybersécurité avancée, session 2028', startDate: '2028-03-01', endDate: '2028-04-01' },
      draft: { ...cyber, title: 'Cybersécurité (brouillon non publié)', status: 'draft' },
      unrelated: {
        ...cyber,
        topics: ['digital-health'],
        title: 'Systèmes d’information sanitaire',
        summary: 'Télémédecine et santé numérique.',
      },
      pledge: {
        ...cyber,
        kind: 'financing-pledge',
        title: 'Fonds pour la connectivité des écoles',
        summary: 'Financement de la connexion des écoles rurales.',
        modality: null,
        startDate: '2027-01-01',
        endDate: '2029-12-31',
        eligibleCountries: ['NER'],
        levels: [],
        pledge: { amount: 500000, currency: 'USD', umcDimension: 'internet-use' },
      },
    };
    for (const [name, overrides] of Object.entries(offerings)) ids[name] = await seedOffering(t.db, provider, overrides);
    const need = {
      country: 'NER',
      language: 'fr',
      title: 'Créer une équipe nationale de réponse aux incidents informatiques (CIRT)',
      description: 'Le ministère veut former 30 agents publics à la réponse aux incidents de cybersécurité.',
      topics: ['cybersecurity'],
      audiences: ['public-servants'],
      languages: ['fr'],
      level: 'intermediate',
      peopleCount: 30,
      startDate: '2027-02-01',
      endDate: '2027-12-31',
    };
    ids.need = await seedNeed(t.db, requester, need);
    ids.membersNeed = await seedNeed(t.db, requester, { ...need, title: 'Besoin réservé aux membres : CIRT', visibility: 'members' });
  });

  describe('offerings for a need', () => {
    it('ranks published offerings within the hard constraints, offline first in Niger, each explained per component', async () => {
      const res = await get(`/api/v1/needs/${ids.need}/matches`);
      expect(res.status).toBe(200);
      const page = await body<NeedPage>(res);
      const found = page.data.map((m) => m.offering.id);
      expect(found).toEqual([ids.offline, ids.streaming, ids.related]);
      expect(page.data.every((m) => m.offering.status === 'published')).toBe(true);
      for (const match of page.data) {
        expect(match.score).toBeGreaterThan(0);
        expect(match.score).toBeLessThanOrEqual(1);
        expect(match.explanation.map((e) => e.component)).toEqual(COMPONENTS);
        expect(Math.abs(match.explanation.reduce((s, e) => s + e.points, 0) - match.score)).toBeLessThan(1e-6);
        for (const e of match.explanation) expect(e.text).not.toMatch(/\{|\}|matching\./);
      }
      expect(page.data[0]!.score).toBeGreaterThan(page.data[1]!.score);
      const connectivity = page.data[1]!.explanation.find((e) => e.component === 'connectivity')!;
      expect(connectivity.points).toBe(0);
      expect(page.need.connectivity.figure).toMatchObject({ indicator: 'mobile-coverage-4g' });
      expect(connectivity.text).toContain(`(${page.need.connectivity.figure!.year})`);
      expect(page.candidates).toMatchObject({ considered: 3, linked: 3, capped: false, constraintsInQuery: true });
    });

    it('lists what the hard constraints excluded on request, never a draft, and ranks the rest exactly as without', async () => {
      const plain = await body<NeedPage>(await get(`/api/v1/needs/${ids.need}/matches`));
      const res = await get(`/api/v1/needs/${ids.need}/matches?explain=excluded`);
      expect(res.status).toBe(200);
      const page = await body<NeedPage>(res);
      expect(page.data).toEqual(plain.data);
      const reasons = Object.fromEntries(page.excluded!.map((e) => [e.offering.id, e.constraints.map((c) => c.constraint)]));
      expect(reasons).toEqual({
        [ids.english!]: ['language'],
        [ids.islands!]: ['eligibility'],
        [ids.late!]: ['dates'],
        [ids.pledge!]: ['kind', 'dates'],
      });
      expect(page.excludedTotal).toBe(4);
      expect(JSON.stringify(page)).not.toContain(ids.draft);
      expect(JSON.stringify(page)).not.toContain(ids.unrelated);
      const late = page.excluded!.find((e) => e.offering.id === ids.late)!;
      expect(late.constraints[0]!.text).toBe('Ends on 1 April 2028, after the timeframe closes on 31 December 2027');
      expect(page.candidates.constraintsInQuery).toBe(false);
    });

    it('explains in the reader’s language, from ?lang= or Accept-Language', async () => {
      const french = await body<NeedPage>(await get(`/api/v1/needs/${ids.need}/matches?lang=fr&explain=excluded`));
      const topic = french.data[0]!.explanation[0]!.text;
      expect(topic).toBe('Même thème que demandé : Cybersécurité');
      const english = french.excluded!.find((e) => e.offering.id === ids.english)!;
      expect(english.constraints[0]!.text).toBe('Proposée en anglais, dans aucune langue acceptée par le besoin (français)');
      const arabic = await body<NeedPage>(await get(`/api/v1/needs/${ids.need}/matches`, undefined, { 'Accept-Language': 'ar' }));
      expect(arabic.data[0]!.explanation.find((e) => e.component === 'connectivity')!.text).toMatch(/الجيل الرابع/);
      const chinese = await body<NeedPage>(await get(`/api/v1/needs/${ids.need}/matches?lang=zh`));
      expect(chinese.candidates.method).toContain('3 项已发布的服务');
    });

    it('caps the list at `limit` and refuses a bad limit, explain value or id with 400, an unknown need with 404', async () => {
      expect((await body<NeedPage>(await get(`/api/v1/needs/${ids.need}/matches?limit=1`))).data).toHaveLength(1);
      for (const [query, field] of [
        ['limit=51', 'query.limit'],
        ['limit=0', 'query.limit'],
        ['limit=ten', 'query.limit'],
        ['explain=all', 'query.explain'],
      ] as const) {
        const res = await get(`/api/v1/needs/${ids.need}/matches?${query}`);
        expect(res.status, query).toBe(400);
        expect((await body<Problem>(res)).fields?.map((f) => f.field)).toContain(field);
      }
      expect((await get('/api/v1/needs/not-a-uuid/matches')).status).toBe(400);
      const missing = await get('/api/v1/needs/00000000-0000-4000-8000-000000000000/matches');
      expect(missing.status).toBe(404);
      expect((await body<Problem>(missing)).code).toBe('not-found');
    });

    it('shows a members-only need’s matches to signed-in people only', async () => {
      expect((await get(`/api/v1/needs/${ids.membersNeed}/matches`)).status).toBe(404);
      const res = await get(`/api/v1/needs/${ids.membersNeed}/matches`, member);
      expect(res.status).toBe(200);
      expect((await body<NeedPage>(res)).data.map((m) => m.offering.id)).toContain(ids.offline);
    });
  });

  describe('needs for an offering', () => {
    it('lists open needs the reader may read: members-only needs for signed-in people only', async () => {
      const anonymous = await body<OfferingPage>(await get(`/api/v1/offerings/${ids.offline}/matches`));
      expect(anonymous.data.map((m) => m.need.id)).toEqual([ids.need]);
      const signedIn = await body<OfferingPage>(await get(`/api/v1/offerings/${ids.offline}/matches`, member));
      expect(signedIn.data.map((m) => m.need.id).toSorted()).toEqual([ids.need, ids.membersNeed].toSorted());
      expect(signedIn.data[0]!.explanation.map((e) => e.component)).toEqual(COMPONENTS);
    });

    it('matches a draft only for its provider, and explains why a need is out of reach', async () => {
      expect((await get(`/api/v1/offerings/${ids.draft}/matches`)).status).toBe(404);
      expect((await get(`/api/v1/offerings/${ids.draft}/matches`, member)).status).toBe(404);
      expect((await get(`/api/v1/offerings/${ids.draft}/matches`, editor)).status).toBe(200);
      const english = await body<OfferingPage>(await get(`/api/v1/offerings/${ids.english}/matches?explain=excluded`));
      expect(english.data).toEqual([]);
      expect(english.excluded!.find((e) => e.need.id === ids.need)!.constraints.map((c) => c.constraint)).toEqual(['language']);
      const pledge = await body<OfferingPage>(await get(`/api/v1/offerings/${ids.pledge}/matches?explain=excluded`));
      expect(pledge.data).toEqual([]);
      expect(pledge.excluded!.map((e) => e.constraints[0]!.constraint)).toEqual(['kind']);
    });
  });

  describe('pledges for a country’s connectivity gaps', () => {
    it('puts each pledge under the gap it addresses, the furthest gap first, with the figure and year', async () => {
      const result = await countryPledges(t.db, ANONYMOUS, 'ner', { today: '2027-01-15' });
      const internet = result.gaps.find((g) => g.gap.dimension === 'internet-use')!;
      expect(internet.gap.figure?.year).toBeGreaterThanOrEqual(2023);
      expect(internet.gap.distance).toBeGreaterThan(0.5);
      expect(internet.pledges.map((p) => p.record.id)).toEqual([ids.pledge]);
      const measured = result.gaps.filter((g) => g.gap.distance !== null);
      expect(measured.map((g) => g.gap.distance)).toEqual(measured.map((g) => g.gap.distance).toSorted((a, b) => b! - a!));
      expect(result.gaps.filter((g) => g.furthest)).toHaveLength(1);
      const { labels } = await reference(t.db);
      const presented = presentCountryPledges(result, 'en', labels);
      const text = presented.gaps.find((g) => g.dimension === 'internet-use')!.pledges[0]!.text;
      expect(text).toMatch(
        /^Internet use \(aged 15\+\): Individuals using the Internet was [\d.]+ in 20\d\d, \d+ % short of the 2030 target; Pledged to Niger$/,
      );
      expect((await countryPledges(t.db, ANONYMOUS, 'FRA', { today: '2027-01-15' })).gaps.flatMap((g) => g.pledges)).toEqual([]);
      await expect(countryPledges(t.db, ANONYMOUS, 'XYZ')).rejects.toBeInstanceOf(AppError);
    });
  });

  describe('the vocabulary hierarchy', () => {
    it('reads topics’ DigComp areas, DigComp competences with their ESCO descriptors, and ESCO broader skills', async () => {
      const { taxonomy } = await reference(t.db);
      expect(taxonomy.topicAreas.get('cybersecurity')).toEqual(['4']);
      expect(taxonomy.competenceArea.get('4.2')).toBe('4');
      expect(taxonomy.escoDigcomp.size).toBeGreaterThanOrEqual(15);
      expect(taxonomy.escoDigcomp.get('14832d87-2f2f-4895-b290-e4760ebae42a')).toEqual(['5.1']);
      expect(taxonomy.escoBroader.size).toBe(369);
    });
  });

  describe('people for a need', () => {
    interface PeoplePage {
      data: { score: number; person: { id: string; name: string }; explanation: { component: string; points: number; text: string }[] }[];
      excluded?: { person: { id: string }; constraints: { constraint: string; text: string }[] }[];
    }
    const open = { basics: 'public', dutyStation: 'public', languages: 'public', skills: 'public', availability: 'public' };
    const adviser = (name: string, overrides: Record<string, unknown>) => ({
      name,
      topics: ['cybersecurity'],
      digcomp: [{ code: '4.2', level: 5 }],
      languages: [{ code: 'fr', level: 'C2' }],
      availability: [{ share: 20, from: '2027-01-01', to: '2027-12-31' }],
      visibility: open,
      ...overrides,
    });

    it('ranks the people the reader may see, within language and availability, explained, hidden parts counting as absent', async () => {
      const org = await seedOrganisation(t.db, 'Agence de cybersécurité (people test)');
      const person = async (overrides: Record<string, unknown>) => {
        const user = await createUser(t.db, { memberships: [{ organisationId: org, role: 'member' }] });
        await seedProfile(t.db, user.id, overrides);
        return user.id;
      };
      const near = await person(adviser('Awa Traoré', { dutyStation: { country: 'MLI', city: 'Bamako' } }));
      const far = await person(
        adviser('Claire Martin', { dutyStation: { country: 'FRA', city: null }, languages: [{ code: 'fr', level: 'B2' }] }),
      );
      const busy = await person(adviser('Ibrahim Sow', { availability: [{ share: 50, from: '2028-03-01', to: null }] }));
      const english = await person(adviser('John Reid', { languages: [{ code: 'en', level: 'native' }] }));
      const colleagues = await person(adviser('Fatou Ndiaye', { visibility: {} }));
      const discreet = await person(
        adviser('Moussa Kane', { dutyStation: { country: 'NER', city: null }, visibility: { ...open, skills: 'members' } }),
      );
      const colleague = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: org, role: 'member' }] }));

      const res = await get(`/api/v1/needs/${ids.need}/people?limit=50&explain=excluded&lang=fr`);
      expect(res.status).toBe(200);
      const page = await body<PeoplePage>(res);
      const order = page.data.map((m) => m.person.id);
      expect(order).toContain(near);
      expect(order.indexOf(near)).toBeLessThan(order.indexOf(far));
      expect(order).not.toContain(busy);
      expect(order).not.toContain(english);
      // Visible to their organisation only: never scored for an anonymous reader, not even as excluded.
      expect(order).not.toContain(colleagues);
      expect(page.excluded?.map((x) => x.person.id)).not.toContain(colleagues);
      const why = (id: string) => Object.fromEntries(page.data.find((m) => m.person.id === id)!.explanation.map((e) => [e.component, e]));
      expect(why(near)['languages']?.text).toBe('Parle français au niveau C2');
      expect(why(near)['duty-station']?.text).toMatch(/Mali.*même sous-région que Niger/);
      for (const m of page.data) expect(Math.abs(m.explanation.reduce((s, e) => s + e.points, 0) - m.score)).toBeLessThan(1e-3);
      // Skills shown to members only: for the anonymous reader they score nothing and say so.
      expect(why(discreet)['skills']).toMatchObject({ points: 0, text: 'Non visible pour vous' });
      const excluded = Object.fromEntries((page.excluded ?? []).map((x) => [x.person.id, x.constraints.map((c) => c.constraint)]));
      expect(excluded[busy]).toEqual(['availability']);
      expect(excluded[english]).toEqual(['language']);

      const seenByColleague = await body<PeoplePage>(await get(`/api/v1/needs/${ids.need}/people?limit=50`, colleague));
      expect(seenByColleague.data.map((m) => m.person.id)).toContain(colleagues);
      const discreetForMember = seenByColleague.data.find((m) => m.person.id === discreet)!;
      expect(discreetForMember.explanation.find((e) => e.component === 'skills')!.points).toBeGreaterThan(0);

      expect((await get(`/api/v1/needs/${ids.membersNeed}/people`)).status).toBe(404);
      expect((await get('/api/v1/needs/00000000-0000-4000-8000-000000000000/people')).status).toBe(404);
      expect((await get(`/api/v1/needs/${ids.need}/people?limit=0`)).status).toBe(400);

      // The page: the same people, without JavaScript, linked from the need's matches page.
      const html = await (await get(`/needs/${ids.need}/people?lang=en`)).text();
      expect(html).toContain(`href="/people/${near}"`);
      expect(html).not.toContain(`href="/people/${colleagues}"`);
      expect(await (await get(`/needs/${ids.need}/matches`)).text()).toContain(`href="/needs/${ids.need}/people"`);
    });
  });
});
