/**
 * Generated demo offerings and needs over the real countries, groups and
 * vocabulary, in the six UN languages: realistic enough to browse, search and
 * match, and clearly labelled (every description ends by saying it is
 * generated; the records carry a demo flag; their organisations are named
 * "Demo · … (generated)"). Pure and deterministic: the same seed gives the
 * same records, ids included, and record n does not depend on how many are asked.
 *
 * Method: each record draws from its own random stream. An offering picks a
 * kind (training-like kinds weighted higher than pledges), a topic, a
 * language (English 40 %, French 20 %, Spanish 15 %, Arabic 10 %, Russian
 * 8 %, Chinese 7 %) and one of the topic's two parallel titles; a third of
 * them carry translations into one or two other UN languages (the same title
 * in those languages). Most are open to the world; others to a region or
 * group (LDC, LLDC, SIDS) or to one country, whose name then ends the title.
 * A need is posted for a country (least developed, landlocked and small
 * island states three times as often), in the UN language most used there.
 */
import { LANGUAGES, type Language, type Localised } from '../../../shared/localised.js';
import { AR } from './phrases-ar.js';
import { EN } from './phrases-en.js';
import { ES } from './phrases-es.js';
import { FR } from './phrases-fr.js';
import type { Phrases } from './phrases.js';
import { RU } from './phrases-ru.js';
import { ZH } from './phrases-zh.js';
import { randomFor, type Random } from './random.js';

export const PHRASES: Readonly<Record<Language, Phrases>> = { ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES };

export interface DemoCountry {
  readonly iso3: string;
  readonly m49: string;
  readonly names: Localised;
  readonly groups: readonly string[];
}

export interface DemoPlace {
  readonly code: string;
  readonly names: Localised;
}

export interface DemoContext {
  readonly countries: readonly DemoCountry[];
  /** Regions and groups an offering may be open to (sub-regions, intermediate regions, LDC, LLDC, SIDS). */
  readonly places: readonly DemoPlace[];
  /** Topic code → the DigComp areas it builds. */
  readonly topics: ReadonlyMap<string, readonly string[]>;
  /** DigComp area → its competences. */
  readonly competences: ReadonlyMap<string, readonly string[]>;
}

/** The demo providers; offerings name theirs by key. Every name says it is generated. */
export const DEMO_PROVIDERS = [
  { key: 'academy', name: 'Demo · Open Digital Skills Academy (generated)', kind: 'academia' },
  { key: 'telecom', name: 'Demo · Regional Telecommunication Training Centre (generated)', kind: 'intergovernmental' },
  { key: 'un', name: 'Demo · UN Digital Capacity Programme (generated)', kind: 'un-entity' },
  { key: 'civic', name: 'Demo · Civic Tech Learning Network (generated)', kind: 'civil-society' },
  { key: 'finance', name: 'Demo · Connectivity Finance Facility (generated)', kind: 'private-sector' },
  { key: 'infrastructure', name: 'Demo · Last Mile Infrastructure Partners (generated)', kind: 'private-sector' },
] as const;
export type DemoProviderKey = (typeof DEMO_PROVIDERS)[number]['key'];

/** The demo requester of a country's needs. */
export function demoRequesterName(country: DemoCountry): string {
  return `Demo · Ministry of Digital Development of ${country.names.en} (generated)`;
}

const KINDS = {
  training: 25,
  course: 25,
  programme: 9,
  'advisory-service': 10,
  'expert-pool': 5,
  'toolkit-guide': 10,
  'financing-pledge': 8,
  'infrastructure-pledge': 8,
} as const;
type Kind = keyof typeof KINDS;
const PROVIDER_OF: Record<Kind, readonly DemoProviderKey[]> = {
  training: ['telecom', 'un', 'civic'],
  course: ['academy', 'telecom'],
  programme: ['un', 'academy'],
  'advisory-service': ['un', 'telecom'],
  'expert-pool': ['un', 'civic'],
  'toolkit-guide': ['civic', 'un', 'academy'],
  'financing-pledge': ['finance'],
  'infrastructure-pledge': ['infrastructure'],
};
const LANGUAGE_SHARE: Record<Language, number> = { en: 40, fr: 20, es: 15, ar: 10, ru: 8, zh: 7 };
const TOPIC_SDGS: Readonly<Record<string, string>> = {
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
const UMC_DIMENSIONS = [
  'internet-use',
  'affordability',
  'school-connectivity',
  'household-connectivity',
  'fixed-broadband-speed',
  'gender-parity',
];
const EXTRA_LANGUAGES = ['pt', 'sw', 'ha', 'am', 'so', 'bn', 'ne', 'id', 'tet', 'ps'];
const ACCESSIBILITY = ['captions', 'transcripts', 'sign-language', 'screen-reader', 'audio-description', 'easy-read', 'accessible-venue'];

/** The UN language a need from this country is most likely written in. */
const COUNTRY_LANGUAGE: Readonly<Record<string, Language>> = Object.fromEntries([
  ...'BEN BFA BDI CMR CAF TCD COM COD COG CIV DJI GAB GIN HTI MDG MLI NER RWA SEN TGO'.split(' ').map((c) => [c, 'fr']),
  ...'DZA BHR EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM'.split(' ').map((c) => [c, 'ar']),
  ...'ARG BOL CHL COL CRI CUB DOM ECU SLV GNQ GTM HND MEX NIC PAN PRY PER URY VEN'.split(' ').map((c) => [c, 'es']),
  ...'ARM AZE BLR KAZ KGZ RUS TJK TKM UZB'.split(' ').map((c) => [c, 'ru']),
  ['CHN', 'zh'],
]);

export interface DemoOffering {
  readonly id: string;
  readonly provider: DemoProviderKey;
  readonly status: 'draft' | 'in-review' | 'published' | 'archived';
  readonly body: Record<string, unknown>;
}

export interface DemoNeed {
  readonly id: string;
  readonly country: DemoCountry;
  readonly status: 'open' | 'matched' | 'in-delivery' | 'fulfilled' | 'closed-unmet';
  readonly unmetReason: string | null;
  readonly statusReason: string | null;
  readonly body: Record<string, unknown>;
}

const pad = (n: number) => String(n).padStart(2, '0');
function dateAfter(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const startDate = (r: Random) => `${r.int(2026, 2028)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;

function competencesFor(r: Random, context: DemoContext, topic: string): string[] {
  const areas = context.topics.get(topic) ?? [];
  if (areas.length === 0 || r.chance(0.3)) return [];
  const area = r.pick(areas);
  return r.sample(context.competences.get(area) ?? [], r.int(1, 2));
}

/**
 * Offering number `index` of the demo catalogue made with `seed`.
 * @example demoOffering(42, 0, context).body.title
 */
export function demoOffering(seed: number, index: number, context: DemoContext): DemoOffering {
  const r = randomFor(seed, 'offering', index);
  const kind = r.weighted(KINDS);
  const pledge = kind === 'financing-pledge' || kind === 'infrastructure-pledge';
  const topic = pledge
    ? r.pick(['broadband-policy-regulation', 'digital-inclusion-gender', 'digital-education-edtech'])
    : r.pick([...context.topics.keys()]);
  const language = r.weighted(LANGUAGE_SHARE);
  const variant = r.int(0, 1);
  const scope = pledge ? r.weighted({ country: 6, place: 4 }) : r.weighted({ world: 45, place: 30, country: 25 });
  const developing = context.countries.filter((c) => c.groups.some((g) => ['LDC', 'LLDC', 'SIDS', 'LIC', 'LMC'].includes(g)));
  const country = r.pick(pledge && developing.length > 0 ? developing : context.countries);
  const place = r.pick(context.places);
  const placeNames: Localised | null = scope === 'country' ? country.names : scope === 'place' ? place.names : null;
  const text = (lang: Language) => {
    const p = PHRASES[lang];
    const base =
      kind === 'financing-pledge'
        ? p.financing[variant]
        : kind === 'infrastructure-pledge'
          ? p.infrastructure[variant]
          : p.topics[topic]!.titles[variant];
    const summary =
      kind === 'financing-pledge'
        ? p.financingSummary
        : kind === 'infrastructure-pledge'
          ? p.infrastructureSummary
          : p.topics[topic]!.summary;
    return { title: placeNames ? `${base}${p.place(placeNames[lang])}` : base, summary, p };
  };
  const own = text(language);
  const hours = r.pick([4, 8, 12, 20, 30, 40, 60, 90, 120]);
  const rolling = !pledge && (kind === 'toolkit-guide' || kind === 'expert-pool' || r.chance(0.3));
  const start = rolling ? null : startDate(r);
  const end = start ? dateAfter(start, pledge ? r.int(365, 1095) : r.int(1, 120)) : null;
  const modality = pledge
    ? null
    : kind === 'toolkit-guide'
      ? 'self-paced-online'
      : r.pick(['self-paced-online', 'live-online', 'in-person', 'blended']);
  const paid = !pledge && r.chance(0.45);
  const translations = r.chance(0.33)
    ? r
        .sample(
          LANGUAGES.filter((l) => l !== language),
          r.int(1, 2),
        )
        .map((lang) => ({ language: lang, title: text(lang).title, summary: text(lang).summary }))
    : [];
  const body: Record<string, unknown> = {
    kind,
    language,
    title: own.title,
    summary: own.summary,
    description: [own.summary, pledge ? null : own.p.delivery(hours), paid ? own.p.waiver : null, own.p.demoOffering]
      .filter(Boolean)
      .join('\n\n'),
    translations,
    topics: r.chance(0.3) && !pledge ? [topic, r.pick([...context.topics.keys()].filter((t) => t !== topic))] : [topic],
    digcomp: pledge ? [] : competencesFor(r, context, topic),
    audiences: pledge
      ? ['policymakers-regulators']
      : r.sample(['policymakers-regulators', 'public-servants', 'enterprises-smes', 'educators', 'individuals'], r.int(1, 2)),
    targetGroups: r.chance(0.35) ? r.sample(['women-girls', 'youth', 'older-persons', 'persons-with-disabilities'], r.int(1, 2)) : [],
    levels: pledge ? [] : r.sample(['foundation', 'intermediate', 'advanced', 'highly-specialised'], r.int(1, 2)),
    modality,
    bandwidth: pledge ? null : modality === 'in-person' ? r.pick(['offline', 'low']) : r.pick(['offline', 'low', 'low', 'high']),
    languages: [...new Set([language, ...(r.chance(0.3) ? [r.pick(['en', 'fr', ...EXTRA_LANGUAGES])] : [])])],
    eligibleCountries: scope === 'country' ? [country.iso3] : [],
    eligibleGroups: scope === 'place' ? [place.code] : scope === 'world' ? ['WLD'] : [],
    fee: paid ? { amount: r.pick([50, 120, 250, 400, 900, 1500]), currency: r.pick(['USD', 'EUR', 'USD']) } : null,
    waivers: paid && r.chance(0.4) ? own.p.waiver : null,
    durationHours: pledge ? null : hours,
    startDate: start,
    endDate: end,
    rolling,
    seats: pledge || modality === 'self-paced-online' ? null : r.pick([20, 25, 30, 40, 60, 100, 200]),
    certification: pledge ? null : r.pick(['none', 'participation', 'assessed', 'accredited', 'digital-badge']),
    accessibility: pledge ? [] : r.sample(ACCESSIBILITY, r.int(0, 3)),
    sdgs: [...new Set(['9', ...(TOPIC_SDGS[topic] ? [TOPIC_SDGS[topic]] : []), '17'])],
    url: `https://example.org/demo/offerings/${index + 1}`,
    contactEmail: `demo-${PROVIDER_OF[kind][0]}@example.org`,
    pledge: pledge
      ? kind === 'financing-pledge'
        ? { amount: r.pick([250_000, 500_000, 1_000_000, 5_000_000]), currency: 'USD', inKind: null, umcDimension: r.pick(UMC_DIMENSIONS) }
        : { amount: null, currency: null, inKind: own.title, umcDimension: r.pick(UMC_DIMENSIONS) }
      : null,
  };
  const status = r.weighted({ published: 85, 'in-review': 7, draft: 5, archived: 3 });
  return { id: r.uuid(), provider: r.pick(PROVIDER_OF[kind]), status, body };
}

/** Need number `index` of the demo data made with `seed`. */
export function demoNeed(seed: number, index: number, context: DemoContext): DemoNeed {
  const r = randomFor(seed, 'need', index);
  const vulnerable = context.countries.filter((c) => c.groups.some((g) => g === 'LDC' || g === 'LLDC' || g === 'SIDS'));
  const country = r.chance(0.75) && vulnerable.length > 0 ? r.pick(vulnerable) : r.pick(context.countries);
  const language = COUNTRY_LANGUAGE[country.iso3] ?? 'en';
  const p = PHRASES[language];
  const topic = r.pick([...context.topics.keys()]);
  const people = r.pick([15, 25, 30, 40, 60, 120, 250, 500, 1200]);
  const start = r.chance(0.8) ? startDate(r) : null;
  const status = r.weighted({ open: 55, matched: 15, 'in-delivery': 10, fulfilled: 10, 'closed-unmet': 10 });
  const unmetReason =
    status === 'closed-unmet' ? r.pick(['no-offering', 'language', 'cost', 'timing', 'connectivity', 'eligibility']) : null;
  const body: Record<string, unknown> = {
    country: country.iso3,
    language,
    title: p.topics[topic]!.need,
    description: `${p.needIntro(country.names[language], people)} ${p.topics[topic]!.need}.\n\n${p.demoNeed}`,
    topics: [topic],
    digcomp: competencesFor(r, context, topic),
    audiences: r.sample(['policymakers-regulators', 'public-servants', 'enterprises-smes', 'educators', 'individuals'], r.int(1, 2)),
    targetGroups: r.chance(0.4) ? r.sample(['women-girls', 'youth', 'older-persons', 'persons-with-disabilities'], 1) : [],
    peopleCount: people,
    level: r.pick(['foundation', 'intermediate', 'advanced', null]),
    languages: [...new Set([language, ...(r.chance(0.3) ? ['en'] : [])])],
    preferredModality: r.pick(['in-person', 'blended', 'live-online', 'self-paced-online', null]),
    startDate: start,
    endDate: start ? dateAfter(start, r.int(60, 540)) : null,
    budget: r.chance(0.5) ? { amount: r.pick([5000, 15_000, 40_000, 120_000]), currency: 'USD' } : null,
    urgency: r.weighted({ low: 15, medium: 45, high: 30, critical: 10 }),
    evidenceUrl: `/countries/${country.iso3}`,
    evidenceNote: null,
    visibility: r.chance(0.85) ? 'public' : 'members',
  };
  return { id: r.uuid(), country, status, unmetReason, statusReason: unmetReason ? 'Generated demo data' : null, body };
}
