/**
 * The platform's project fields ⇄ the IATI activity model (src/core/projects) stored with every
 * project. The activity is the one record of what IATI carries: a project made on the platform
 * gets one built from its fields, an edit changes the activity (only the narratives of the edited
 * language, only the lists edited), and the columns used for lists and filters are derived from it
 * (`derivedColumns`). So an imported project exports as it came in, and a platform project
 * exports what its page shows. Pure.
 */
import {
  sdgGoalOf,
  sdgGoalsOf,
  sortSdgLinks,
  type ActivityStatus,
  type MultilingualText,
  type OrganisationType,
  type ParticipatingOrganisation,
  type Project as Activity,
  type SdgLink,
  type Tag,
} from '../../core/projects/index.js';

/** The IATI tag vocabulary of the platform's topics: 99, "reporting organisation's own", with this URI. */
export const TOPICS_VOCABULARY_URI = 'https://dcp.example/api/v1/taxonomies/topics';

export type OrganisationKind = 'member-state' | 'un-entity' | 'intergovernmental' | 'private-sector' | 'academia' | 'civil-society';

/** A platform organisation as IATI names it. */
export interface OrganisationFacts {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** Its IATI organisation identifier when known, else one made from its id. */
  readonly ref: string;
}

/** The IATI organisation type of a platform organisation's kind (civil society: "other", since IATI's NGO types need more than we know). */
export function iatiTypeOf(kind: OrganisationKind): OrganisationType {
  return (
    {
      'member-state': 'government',
      'un-entity': 'multilateral',
      intergovernmental: 'multilateral',
      'private-sector': 'private-sector',
      academia: 'academic-training-research',
      'civil-society': 'other',
    } as const
  )[kind];
}

/** The platform kind of an organisation imported from IATI, from its IATI type (unknown types: civil society). */
export function kindOfIatiType(type: OrganisationType | null): OrganisationKind {
  switch (type) {
    case 'government':
    case 'local-government':
    case 'other-public-sector':
      return 'member-state';
    case 'multilateral':
      return 'intergovernmental';
    case 'public-private-partnership':
    case 'private-sector':
    case 'private-sector-provider-country':
    case 'private-sector-recipient-country':
    case 'private-sector-third-country':
      return 'private-sector';
    case 'academic-training-research':
      return 'academia';
    default:
      return 'civil-society';
  }
}

/** An IATI organisation identifier for a platform organisation that has none. */
export function platformOrganisationRef(organisationId: string): string {
  return `XX-DCP-${organisationId}`;
}

export interface ProjectFields {
  readonly language: string;
  readonly title: string;
  readonly description: string | null;
  readonly partners: readonly { readonly organisation: OrganisationFacts; readonly role: ParticipatingOrganisation['role'] }[];
  readonly countries: readonly string[];
  readonly sdgs: readonly string[];
  readonly topics: readonly { readonly code: string; readonly name: string }[];
  readonly dates: Activity['dates'];
  readonly status: ActivityStatus;
  readonly budget: { readonly amount: number; readonly currency: string } | null;
}

const narrative = (lang: string, text: string): MultilingualText => [{ lang, text }];

function participating(org: OrganisationFacts, role: ParticipatingOrganisation['role'], lang: string): ParticipatingOrganisation {
  return { role, ref: org.ref, type: iatiTypeOf(org.kind), activityId: null, name: narrative(lang, org.name) };
}

function topicTags(topics: ProjectFields['topics']): Tag[] {
  return topics.map((t) => ({ vocabulary: '99', vocabularyUri: TOPICS_VOCABULARY_URI, code: t.code, name: narrative('en', t.name) }));
}

function budgets(budget: ProjectFields['budget'], dates: Activity['dates']): Activity['budgets'] {
  const start = dates.plannedStart ?? dates.actualStart;
  const end = dates.plannedEnd ?? dates.actualEnd;
  if (!budget || !start || !end) return [];
  return [
    {
      type: 'original',
      status: 'indicative',
      periodStart: start,
      periodEnd: end,
      value: { amount: budget.amount, currency: budget.currency, valueDate: start },
    },
  ];
}

/** A timestamp as IATI writes `last-updated-datetime`: to the second, in UTC. */
export function iatiNow(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

/**
 * The activity of a project made on the platform.
 * @example newActivity('XX-DCP-…-…', lead, fields, new Date())
 */
export function newActivity(iatiIdentifier: string, lead: OrganisationFacts, fields: ProjectFields, now: Date): Activity {
  const lang = fields.language;
  return {
    iatiIdentifier,
    lastUpdated: iatiNow(now),
    defaultLanguage: lang,
    defaultCurrency: fields.budget?.currency ?? null,
    humanitarian: null,
    reportingOrg: { ref: lead.ref, type: iatiTypeOf(lead.kind), secondaryReporter: null, name: narrative(lang, lead.name) },
    title: narrative(lang, fields.title),
    descriptions: fields.description ? [{ type: 'general', text: narrative(lang, fields.description) }] : [],
    participatingOrgs: [
      participating(lead, 'accountable', lang),
      ...fields.partners.map((p) => participating(p.organisation, p.role, lang)),
    ],
    status: fields.status,
    dates: fields.dates,
    contacts: [],
    recipientCountries: fields.countries.map((iso3) => ({ iso3, percentage: null })),
    recipientRegions: [],
    sectors: [],
    tags: topicTags(fields.topics),
    sdgs: sortSdgLinks(fields.sdgs.map((code): SdgLink => ({ level: 'goal', code, via: 'tag', percentage: null }))),
    policyMarkers: [],
    budgets: budgets(fields.budget, fields.dates),
    transactions: [],
    documentLinks: [],
  };
}

/** Puts `text` in as the narrative of `lang`, keeping the other languages' narratives. */
function withNarrative(text: MultilingualText, lang: string, value: string, defaultLanguage: string | null): MultilingualText {
  const same = (n: { lang: string | null }) => (n.lang ?? defaultLanguage) === lang;
  return text.some(same) ? text.map((n) => (same(n) ? { lang: n.lang ?? lang, text: value } : n)) : [...text, { lang, text: value }];
}

export interface ActivityEdit {
  readonly language: string;
  readonly title?: string;
  readonly description?: string | null;
  /** Partners before and after the edit: those removed leave participatingOrgs, those added join. */
  readonly partners?: { readonly before: readonly OrganisationFacts[]; readonly after: ProjectFields['partners'] };
  readonly countries?: readonly string[];
  readonly sdgs?: readonly string[];
  readonly topics?: ProjectFields['topics'];
  readonly dates?: Partial<Activity['dates']>;
  readonly status?: ActivityStatus;
  readonly budget?: ProjectFields['budget'];
  readonly iatiIdentifier?: string;
}

const names = (org: ParticipatingOrganisation) => org.name.map((n) => n.text);
const isOrg = (org: ParticipatingOrganisation, facts: OrganisationFacts) =>
  (org.ref !== null && org.ref === facts.ref) || names(org).includes(facts.name);

/**
 * The activity after a platform edit.
 * @example applyEdit(activity, { language: 'fr', title: 'Écoles connectées' }, now).title // [..., { lang: 'fr', text: 'Écoles connectées' }]
 */
export function applyEdit(activity: Activity, edit: ActivityEdit, now: Date): Activity {
  let next: Activity = { ...activity, lastUpdated: iatiNow(now) };
  const lang = edit.language;
  if (edit.iatiIdentifier !== undefined) next = { ...next, iatiIdentifier: edit.iatiIdentifier };
  if (edit.title !== undefined) next = { ...next, title: withNarrative(next.title, lang, edit.title, next.defaultLanguage) };
  if (edit.description !== undefined) {
    const general = next.descriptions.findIndex((d) => d.type === 'general');
    if (edit.description === null) {
      const text = general < 0 ? [] : next.descriptions[general]!.text.filter((n) => (n.lang ?? next.defaultLanguage) !== lang);
      next = {
        ...next,
        descriptions: next.descriptions.flatMap((d, i) => (i !== general ? [d] : text.length > 0 ? [{ ...d, text }] : [])),
      };
    } else if (general < 0)
      next = { ...next, descriptions: [...next.descriptions, { type: 'general', text: narrative(lang, edit.description) }] };
    else {
      const description = edit.description;
      next = {
        ...next,
        descriptions: next.descriptions.map((d, i) =>
          i === general ? { ...d, text: withNarrative(d.text, lang, description, next.defaultLanguage) } : d,
        ),
      };
    }
  }
  if (edit.partners) {
    const { before, after } = edit.partners;
    const removed = before.filter((b) => !after.some((a) => a.organisation.id === b.id));
    const kept = next.participatingOrgs.filter((org) => !removed.some((r) => isOrg(org, r)));
    const added = after.filter((a) => !kept.some((org) => isOrg(org, a.organisation) && org.role === a.role));
    next = { ...next, participatingOrgs: [...kept, ...added.map((a) => participating(a.organisation, a.role, lang))] };
  }
  if (edit.countries) {
    const share = new Map(next.recipientCountries.map((c) => [c.iso3, c.percentage]));
    next = { ...next, recipientCountries: edit.countries.map((iso3) => ({ iso3, percentage: share.get(iso3) ?? null })) };
  }
  if (edit.sdgs) {
    const wanted = new Set(edit.sdgs.map(Number));
    const kept = next.sdgs.filter((link) => wanted.has(sdgGoalOf(link.level, link.code) ?? 0));
    const covered = new Set(sdgGoalsOf({ sdgs: kept }));
    const added = [...wanted]
      .filter((g) => !covered.has(g))
      .map((g): SdgLink => ({ level: 'goal', code: String(g), via: 'tag', percentage: null }));
    next = { ...next, sdgs: sortSdgLinks([...kept, ...added]) };
  }
  if (edit.topics) {
    const others = next.tags.filter((t) => !(t.vocabulary === '99' && t.vocabularyUri === TOPICS_VOCABULARY_URI));
    next = { ...next, tags: [...others, ...topicTags(edit.topics)] };
  }
  if (edit.dates) next = { ...next, dates: { ...next.dates, ...edit.dates } };
  if (edit.status !== undefined) next = { ...next, status: edit.status };
  if (edit.budget !== undefined) {
    next = {
      ...next,
      defaultCurrency: next.defaultCurrency ?? edit.budget?.currency ?? null,
      budgets: budgets(edit.budget, next.dates),
    };
  }
  return next;
}

/** The text of `text` in `lang`, else in the default language, else the first. */
export function narrativeIn(text: MultilingualText, lang: string, defaultLanguage: string | null): string | null {
  return (
    text.find((n) => (n.lang ?? defaultLanguage) === lang)?.text ??
    text.find((n) => (n.lang ?? defaultLanguage) === defaultLanguage)?.text ??
    text[0]?.text ??
    null
  );
}

/** The platform's topics an activity is tagged with. */
export function topicsOf(activity: Activity): string[] {
  return activity.tags.filter((t) => t.vocabulary === '99' && t.vocabularyUri === TOPICS_VOCABULARY_URI).map((t) => t.code);
}

/**
 * The total budget in one currency: the original budgets (else all), when they share one currency.
 * @example budgetOf(activity) // { amount: 1200000, currency: 'EUR' }
 */
export function budgetOf(activity: Activity): { amount: number; currency: string } | null {
  const originals = activity.budgets.filter((b) => b.type === 'original');
  const chosen = originals.length > 0 ? originals : activity.budgets;
  const currencies = new Set(chosen.map((b) => b.value.currency ?? activity.defaultCurrency));
  const [currency] = currencies;
  if (chosen.length === 0 || currencies.size !== 1 || !currency) return null;
  return { amount: Math.round(chosen.reduce((sum, b) => sum + b.value.amount, 0) * 100) / 100, currency };
}

/** The columns lists and filters read, derived from the activity. */
export function derivedColumns(activity: Activity, language: string) {
  const budget = budgetOf(activity);
  return {
    iati_identifier: activity.iatiIdentifier,
    title: (narrativeIn(activity.title, language, activity.defaultLanguage) ?? activity.iatiIdentifier).slice(0, 1000),
    status: activity.status,
    countries: activity.recipientCountries.map((c) => c.iso3),
    sdgs: sdgGoalsOf(activity).map(String),
    topics: topicsOf(activity),
    start_date: activity.dates.actualStart ?? activity.dates.plannedStart,
    end_date: activity.dates.actualEnd ?? activity.dates.plannedEnd,
    budget_amount: budget && budget.amount >= 0 ? budget.amount : null,
    budget_currency: budget && budget.amount >= 0 ? budget.currency : null,
  };
}
