/**
 * An offering's fields as the service handles them (complete, normalised),
 * and the three ways they move: from an API body or import item (defaults
 * filled, eligibility "the world" when none is given), to and from a table
 * row, and into the search document (own text, translations, topic names in
 * six languages, the provider's name).
 */
import type { Insertable, Selectable } from 'kysely';
import type { OfferingsTable } from '../../db/schema.js';
import { lexiconWords, searchVector, type SearchField } from '../../platform/search/index.js';
import { LANGUAGES, type Language } from '../../shared/localised.js';
import type { OfferingPatch } from './offering-schemas.js';
import type { Vocabulary } from './vocabulary.js';

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface OfferingFields {
  kind: string;
  language: string;
  title: string;
  summary: string;
  description: string | null;
  translations: { language: string; title: string; summary: string; description: string | null }[];
  topics: string[];
  digcomp: string[];
  esco: string[];
  audiences: string[];
  targetGroups: string[];
  levels: string[];
  modality: string | null;
  bandwidth: string | null;
  languages: string[];
  eligibleCountries: string[];
  eligibleGroups: string[];
  fee: Money | null;
  waivers: string | null;
  durationHours: number | null;
  startDate: string | null;
  endDate: string | null;
  rolling: boolean;
  seats: number | null;
  certification: string | null;
  accessibility: string[];
  sdgs: string[];
  url: string | null;
  contactEmail: string | null;
  pledge: { amount: number | null; currency: string | null; inKind: string | null; umcDimension: string } | null;
}

/** A stored offering with its provider's name (the one join with organisations, see offering-repository.ts). */
export type OfferingRow = Omit<
  Selectable<OfferingsTable>,
  'search_vector' | 'source_id' | 'source_key' | 'url_checked_at' | 'url_problem' | 'stale_reminded_at'
> & { provider_name: string };

/** What a create body, an import item or a merged patch give: the required fields, any of the others. */
type FieldInput = Pick<OfferingFields, 'kind' | 'language' | 'title' | 'summary' | 'topics' | 'audiences' | 'languages'> &
  Partial<Omit<OfferingFields, 'translations' | 'pledge'>> & {
    translations?: { language: string; title: string; summary: string; description?: string | null }[] | undefined;
    pledge?: { amount?: number | null; currency?: string | null; inKind?: string | null; umcDimension: string } | null | undefined;
  };

/**
 * Fills what a body left out and normalises: no eligibility means open to the world (WLD).
 * @example completeOffering({ kind: 'course', title: '…', … }).eligibleGroups // ['WLD']
 */
export function completeOffering(input: FieldInput): OfferingFields {
  const eligibleCountries = input.eligibleCountries ?? [];
  const eligibleGroups = input.eligibleGroups ?? [];
  const pledge = input.pledge ?? null;
  return {
    kind: input.kind,
    language: input.language,
    title: input.title,
    summary: input.summary,
    description: input.description ?? null,
    // Kept in the order of the six UN languages, as the CSV template has them.
    translations: (input.translations ?? [])
      .map((t) => ({ ...t, description: t.description ?? null }))
      .toSorted((a, b) => LANGUAGES.indexOf(a.language as Language) - LANGUAGES.indexOf(b.language as Language)),
    topics: input.topics,
    digcomp: input.digcomp ?? [],
    esco: input.esco ?? [],
    audiences: input.audiences,
    targetGroups: input.targetGroups ?? [],
    levels: input.levels ?? [],
    modality: input.modality ?? null,
    bandwidth: input.bandwidth ?? null,
    languages: input.languages,
    eligibleCountries,
    eligibleGroups: eligibleCountries.length === 0 && eligibleGroups.length === 0 ? ['WLD'] : eligibleGroups,
    fee: input.fee ?? null,
    waivers: input.waivers ?? null,
    durationHours: input.durationHours ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    rolling: input.rolling ?? false,
    seats: input.seats ?? null,
    certification: input.certification ?? null,
    accessibility: input.accessibility ?? [],
    sdgs: input.sdgs ?? [],
    url: input.url ?? null,
    contactEmail: input.contactEmail ?? null,
    pledge: pledge
      ? {
          amount: pledge.amount ?? null,
          currency: pledge.currency ?? null,
          inKind: pledge.inKind ?? null,
          umcDimension: pledge.umcDimension,
        }
      : null,
  };
}

/** A patch applied to the stored fields; keys the patch does not name keep their value. */
export function mergeOffering(current: OfferingFields, patch: Omit<OfferingPatch, 'version'>): OfferingFields {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return completeOffering({ ...current, ...defined });
}

export function offeringFieldsOf(row: OfferingRow): OfferingFields {
  return {
    kind: row.kind,
    language: row.language,
    title: row.title,
    summary: row.summary,
    description: row.description === '' ? null : row.description,
    translations: row.translations,
    topics: row.topics,
    digcomp: row.digcomp,
    esco: row.esco,
    audiences: row.audiences,
    targetGroups: row.target_groups,
    levels: row.levels,
    modality: row.modality,
    bandwidth: row.bandwidth,
    languages: row.languages,
    eligibleCountries: row.eligible_countries,
    eligibleGroups: row.eligible_groups,
    fee: row.cost_amount !== null && row.cost_currency !== null ? { amount: row.cost_amount, currency: row.cost_currency } : null,
    waivers: row.waivers,
    durationHours: row.duration_hours,
    startDate: row.start_date,
    endDate: row.end_date,
    rolling: row.rolling,
    seats: row.seats,
    certification: row.certification,
    accessibility: row.accessibility,
    sdgs: row.sdgs,
    url: row.url,
    contactEmail: row.contact_email,
    pledge:
      row.umc_dimension !== null
        ? { amount: row.pledge_amount, currency: row.pledge_currency, inKind: row.pledge_in_kind, umcDimension: row.umc_dimension }
        : null,
  };
}

type Columns = Omit<
  Insertable<OfferingsTable>,
  'id' | 'provider_organisation_id' | 'status' | 'search_vector' | 'created_by' | 'demo' | 'version' | 'status_reason'
>;

export function offeringColumns(f: OfferingFields): Columns {
  return {
    kind: f.kind,
    language: f.language,
    title: f.title,
    summary: f.summary,
    description: f.description ?? '',
    translations: JSON.stringify(f.translations),
    topics: f.topics,
    digcomp: f.digcomp,
    esco: f.esco,
    audiences: f.audiences,
    target_groups: f.targetGroups,
    levels: f.levels,
    modality: f.modality,
    bandwidth: f.bandwidth,
    languages: f.languages,
    eligible_countries: f.eligibleCountries,
    eligible_groups: f.eligibleGroups,
    cost_amount: f.fee?.amount ?? null,
    cost_currency: f.fee?.currency ?? null,
    waivers: f.waivers,
    duration_hours: f.durationHours,
    start_date: f.startDate,
    end_date: f.endDate,
    rolling: f.rolling,
    seats: f.seats,
    certification: f.certification,
    accessibility: f.accessibility,
    sdgs: f.sdgs,
    url: f.url,
    contact_email: f.contactEmail,
    pledge_amount: f.pledge?.amount ?? null,
    pledge_currency: f.pledge?.currency ?? null,
    pledge_in_kind: f.pledge?.inKind ?? null,
    umc_dimension: f.pledge?.umcDimension ?? null,
  };
}

function textFields(f: OfferingFields): SearchField[] {
  const own: SearchField[] = [
    { text: f.title, language: f.language, weight: 'A' },
    { text: f.summary, language: f.language, weight: 'B' },
    { text: f.description ?? '', language: f.language, weight: 'D' },
  ];
  const translated = f.translations.flatMap((t): SearchField[] => [
    { text: t.title, language: t.language, weight: 'A' },
    { text: t.summary, language: t.language, weight: 'B' },
    { text: t.description ?? '', language: t.language, weight: 'D' },
  ]);
  return [...own, ...translated];
}

/**
 * The search document: the offering's text in its languages, its topics' names in all six
 * languages (so a search in any of them finds an offering written in another) and its provider.
 */
export function offeringSearchVector(f: OfferingFields, vocab: Vocabulary, providerName: string) {
  const topicNames = f.topics.flatMap((code) => vocab.topicVectors.get(code) ?? []);
  return searchVector([...textFields(f), { text: providerName, language: 'simple', weight: 'C' }], topicNames);
}

/** Words of the offering's own text for the typo lexicon. */
export function offeringWords(f: OfferingFields): string[] {
  return lexiconWords(textFields(f).map((field) => field.text));
}
