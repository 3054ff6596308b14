/**
 * Generated demo people and projects over the real vocabulary (topics, DigComp competences, ESCO
 * skills, countries), in the six UN languages: realistic enough to find, match and browse, and
 * clearly labelled (bios, descriptions and updates say they are generated; the records carry a
 * demo flag; their organisations are named "Demo · … (generated)"). Pure and deterministic: the
 * same seed gives the same records, ids included, and record n does not depend on how many are asked.
 *
 * Method: a person works in a country (least developed, landlocked and small island states twice
 * as often) and speaks its UN language natively or near it, English or French often, sometimes a
 * third; they work on one to three topics and hold two to five competences of the DigComp areas
 * those topics build (proficiency 2–8), sometimes ESCO skills; most state a period of availability.
 * Visibility varies as people would choose it: basics public for 60 %, members for 30 %,
 * organisation for 10 %; skills and languages at most as wide. A project is led by one of the demo
 * organisations in one to three countries, on a topic with its SDG, with one to three roles asking
 * for the topic's competences and the country's language, a team of demo people and a few updates.
 */
import { randomFor, type Random } from '../capacity/demo/random.js';
import { LANGUAGES, type Language, type Localised } from '../../shared/localised.js';
import { DEMO_NAMES, DEMO_PHRASES } from './demo-phrases.js';
import { LANGUAGE_LEVELS, type LanguageLevel } from './skills.js';
import { VISIBILITIES, type Visibility } from './visibility.js';

export interface DemoPlaceFacts {
  readonly iso3: string;
  readonly names: Localised;
  readonly groups: readonly string[];
}

export interface PeopleDemoContext {
  readonly countries: readonly DemoPlaceFacts[];
  /** Topic code → names and the DigComp areas it builds. */
  readonly topics: ReadonlyMap<string, { readonly names: Partial<Localised>; readonly areas: readonly string[] }>;
  /** DigComp area → its competences. */
  readonly competences: ReadonlyMap<string, readonly string[]>;
  readonly esco: readonly string[];
}

/** The demo organisations people belong to and projects are led by; every name says it is generated. */
export const DEMO_ORGANISATIONS = [
  { key: 'experts', name: 'Demo · Digital Development Experts Network (generated)', kind: 'civil-society' },
  { key: 'uncg', name: 'Demo · UN Country Team Digital Group (generated)', kind: 'un-entity' },
  { key: 'institute', name: 'Demo · Regional ICT Policy Institute (generated)', kind: 'academia' },
  { key: 'ministry', name: 'Demo · Ministry of ICT Partnerships (generated)', kind: 'member-state' },
] as const;
export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

/** The address a demo person's account gets: `.invalid` can never receive mail, and no password is set. */
export function demoEmail(seed: number, index: number): string {
  return `person-${seed}-${index}@demo.invalid`;
}

const TOPIC_SDG: Readonly<Record<string, string>> = {
  'digital-education-edtech': '4',
  'digital-inclusion-gender': '5',
  'digital-health': '3',
  'climate-green-ict': '13',
  'e-commerce-trade': '8',
  'digital-skills-for-work': '8',
  'digital-financial-services': '1',
  'accessibility-ict': '10',
  'data-protection-privacy': '16',
  cybersecurity: '16',
};

/** The UN language most used where a person works (else English). */
const LANGUAGE_OF: Readonly<Record<string, Language>> = Object.fromEntries([
  ...'BEN BFA BDI CMR CAF TCD COM COD COG CIV DJI GAB GIN HTI MDG MLI NER RWA SEN TGO'.split(' ').map((c) => [c, 'fr']),
  ...'DZA BHR EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM'.split(' ').map((c) => [c, 'ar']),
  ...'ARG BOL CHL COL CRI CUB DOM ECU SLV GNQ GTM HND MEX NIC PAN PRY PER URY VEN'.split(' ').map((c) => [c, 'es']),
  ...'ARM AZE BLR KAZ KGZ RUS TJK TKM UZB'.split(' ').map((c) => [c, 'ru']),
  ['CHN', 'zh'],
]);
const OTHER_LANGUAGES = ['pt', 'sw', 'hi', 'bn', 'id', 'am', 'ha', 'tr', 'de', 'it'];

const pad = (n: number) => String(n).padStart(2, '0');
function dateAfter(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const someDay = (r: Random, from: number, to: number) => `${r.int(from, to)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;

function placeFor(r: Random, context: PeopleDemoContext): DemoPlaceFacts {
  const vulnerable = context.countries.filter((c) => c.groups.some((g) => ['LDC', 'LLDC', 'SIDS'].includes(g)));
  return r.chance(0.5) && vulnerable.length > 0 ? r.pick(vulnerable) : r.pick(context.countries);
}

const topicName = (context: PeopleDemoContext, code: string, lang: Language) =>
  context.topics.get(code)?.names[lang] ?? context.topics.get(code)?.names.en ?? code;

const atMost = (chosen: Visibility, widest: Visibility) => (VISIBILITIES.indexOf(chosen) <= VISIBILITIES.indexOf(widest) ? chosen : widest);

export interface DemoPerson {
  readonly id: string;
  readonly email: string;
  readonly organisation: DemoOrganisationKey;
  /** A PUT /api/v1/me/profile body (without version and consent). */
  readonly profile: Record<string, unknown> & { name: string };
}

/**
 * Person number `index` of the demo people made with `seed`.
 * @example demoPerson(2030, 0, context).profile.name
 */
export function demoPerson(seed: number, index: number, context: PeopleDemoContext): DemoPerson {
  const r = randomFor(seed, 'person', index);
  const place = placeFor(r, context);
  const lang = LANGUAGE_OF[place.iso3] ?? 'en';
  const names = DEMO_NAMES[lang];
  const name = lang === 'zh' ? `${r.pick(names.family)}${r.pick(names.given)}` : `${r.pick(names.given)} ${r.pick(names.family)}`;
  const topics = r.sample([...context.topics.keys()], r.int(1, 3));
  const areas = [...new Set(topics.flatMap((t) => context.topics.get(t)?.areas ?? []))];
  const competences = r
    .sample(
      areas.flatMap((a) => context.competences.get(a) ?? []),
      r.int(2, 5),
    )
    .map((code) => ({ code, level: r.int(2, 8) }));
  const languages: { code: string; level: LanguageLevel }[] = [{ code: lang, level: r.chance(0.7) ? 'native' : 'C2' }];
  if (lang !== 'en' && r.chance(0.7)) languages.push({ code: 'en', level: r.pick(LANGUAGE_LEVELS.slice(2, 6)) });
  if (lang !== 'fr' && r.chance(0.25)) languages.push({ code: 'fr', level: r.pick(LANGUAGE_LEVELS.slice(0, 5)) });
  if (r.chance(0.3)) {
    const other = r.pick([...LANGUAGES.filter((l) => !languages.some((k) => k.code === l)), ...OTHER_LANGUAGES]);
    if (!languages.some((k) => k.code === other)) languages.push({ code: other, level: r.pick(LANGUAGE_LEVELS) });
  }
  const start = someDay(r, 2026, 2027);
  const availability = r.chance(0.8)
    ? [{ share: r.pick([10, 20, 25, 40, 50, 80, 100]), from: start, to: r.chance(0.3) ? null : dateAfter(start, r.int(60, 540)) }]
    : [];
  const basics = r.weighted({ public: 60, members: 30, organisation: 10 } as Record<Visibility, number>);
  const main = topicName(context, topics[0]!, lang);
  return {
    id: r.uuid(),
    email: demoEmail(seed, index),
    organisation: r.pick(DEMO_ORGANISATIONS).key,
    profile: {
      name,
      headline: DEMO_PHRASES[lang].headline(main),
      dutyStation: { country: place.iso3, city: null },
      languages,
      topics,
      digcomp: competences,
      esco: r.chance(0.4) && context.esco.length > 0 ? r.sample(context.esco, r.int(1, 3)) : [],
      expertise: topics.map((t) => topicName(context, t, lang).slice(0, 80)),
      availability,
      bio: { text: DEMO_PHRASES[lang].bio(main, place.names[lang], r.int(3, 25)), language: lang },
      links: [],
      visibility: {
        basics,
        dutyStation: atMost(r.pick(VISIBILITIES), basics),
        languages: atMost(r.weighted({ public: 6, members: 3, organisation: 1 } as Record<Visibility, number>), basics),
        skills: atMost(r.weighted({ public: 6, members: 3, organisation: 1 } as Record<Visibility, number>), basics),
        availability: atMost(r.pick(VISIBILITIES), basics),
        bio: atMost(r.pick(VISIBILITIES), basics),
        links: basics,
      },
    },
  };
}

export interface DemoRole {
  readonly title: string;
  readonly topics: string[];
  readonly digcomp: { code: string; level: number }[];
  readonly esco: string[];
  readonly languages: { code: string; level: LanguageLevel }[];
  readonly timeShare: number;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly status: 'open';
}

export interface DemoProject {
  readonly id: string;
  readonly lead: DemoOrganisationKey;
  /** A POST /api/v1/projects body (without the lead organisation). */
  readonly body: Record<string, unknown>;
  readonly roles: DemoRole[];
  /** Indexes of demo people (of the same seed) on the team. */
  readonly team: number[];
  readonly updates: { date: string; language: string; body: string }[];
}

/**
 * Project number `index` of the demo projects made with `seed`, its team drawn from the first
 * `people` demo people.
 * @example demoProject(2030, 0, context, 200).body.title
 */
export function demoProject(seed: number, index: number, context: PeopleDemoContext, people: number): DemoProject {
  const r = randomFor(seed, 'project', index);
  const countries = [placeFor(r, context)];
  if (r.chance(0.3)) countries.push(placeFor(r, context));
  const first = countries[0]!;
  const lang = LANGUAGE_OF[first.iso3] ?? 'en';
  const topic = r.pick([...context.topics.keys()]);
  const name = topicName(context, topic, lang);
  const phrases = DEMO_PHRASES[lang];
  const start = someDay(r, 2025, 2027);
  const end = dateAfter(start, r.int(365, 1460));
  const areas = context.topics.get(topic)?.areas ?? [];
  const roles: DemoRole[] = Array.from({ length: r.int(1, 3) }, (_, i) => ({
    title: phrases.roles[i % 3]!,
    topics: [topic],
    digcomp: r
      .sample(
        areas.flatMap((a) => context.competences.get(a) ?? []),
        r.int(1, 2),
      )
      .map((code) => ({ code, level: r.int(3, 6) })),
    esco: [],
    languages: [{ code: lang, level: r.pick(['B2', 'C1'] as const) }],
    timeShare: r.pick([20, 25, 50, 100]),
    startDate: null,
    endDate: null,
    status: 'open',
  }));
  const uniqueCountries = [...new Set(countries.map((c) => c.iso3))];
  return {
    id: r.uuid(),
    lead: r.pick(DEMO_ORGANISATIONS).key,
    body: {
      language: lang,
      title: phrases.projectTitle(name, first.names[lang]).slice(0, 300),
      description: phrases.projectDescription(name, first.names[lang]),
      countries: uniqueCountries,
      sdgs: TOPIC_SDG[topic] ? [TOPIC_SDG[topic], '9'] : ['9', '17'],
      topics: [topic],
      dates: { plannedStart: start, plannedEnd: end },
      status: r.weighted({ pipeline: 2, implementation: 6, finalisation: 1, closed: 1 }),
      budget: r.chance(0.6) ? { amount: r.int(5, 500) * 10_000, currency: r.pick(['USD', 'EUR', 'CHF']) } : null,
    },
    roles,
    team: people > 0 ? [...new Set(Array.from({ length: r.int(1, 4) }, () => r.int(0, people - 1)))] : [],
    updates: Array.from({ length: r.int(0, 3) }, () => ({
      date: dateAfter(start, r.int(10, 300)),
      language: lang,
      body: phrases.update(r.int(8, 60)),
    })),
  };
}
