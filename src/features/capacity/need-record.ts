/**
 * A need's fields as the service handles them (complete), and how they move:
 * from an API body or import item, to and from a table row, and into the
 * search document (own text, topic names and the country's names in six
 * languages, the requester's name).
 */
import type { Selectable } from 'kysely';
import type { NeedsTable } from '../../db/schema.js';
import { lexiconWords, searchVector, type SearchField } from '../../platform/search/index.js';
import type { Money } from './offering-record.js';
import type { NeedPatch } from './need-schemas.js';
import type { Vocabulary } from './vocabulary.js';

export interface NeedFields {
  country: string;
  language: string;
  title: string;
  description: string;
  topics: string[];
  digcomp: string[];
  esco: string[];
  audiences: string[];
  targetGroups: string[];
  peopleCount: number | null;
  level: string | null;
  languages: string[];
  preferredModality: string | null;
  startDate: string | null;
  endDate: string | null;
  budget: Money | null;
  urgency: string;
  evidenceUrl: string | null;
  evidenceNote: string | null;
  visibility: 'public' | 'members';
}

/** A stored need with its requester's name (the one join with organisations, see shared-repository.ts). */
export type NeedRow = Omit<Selectable<NeedsTable>, 'search_vector'> & { requester_name: string };

type FieldInput = Pick<NeedFields, 'country' | 'language' | 'title' | 'description' | 'topics' | 'audiences' | 'languages'> &
  Partial<NeedFields>;

export function completeNeed(input: FieldInput): NeedFields {
  return {
    country: input.country,
    language: input.language,
    title: input.title,
    description: input.description,
    topics: input.topics,
    digcomp: input.digcomp ?? [],
    esco: input.esco ?? [],
    audiences: input.audiences,
    targetGroups: input.targetGroups ?? [],
    peopleCount: input.peopleCount ?? null,
    level: input.level ?? null,
    languages: input.languages,
    preferredModality: input.preferredModality ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    budget: input.budget ?? null,
    urgency: input.urgency ?? 'medium',
    evidenceUrl: input.evidenceUrl ?? null,
    evidenceNote: input.evidenceNote ?? null,
    visibility: input.visibility ?? 'public',
  };
}

export function mergeNeed(current: NeedFields, patch: Omit<NeedPatch, 'version'>): NeedFields {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return completeNeed({ ...current, ...defined });
}

export function needFieldsOf(row: NeedRow): NeedFields {
  return {
    country: row.country_iso3,
    language: row.language,
    title: row.title,
    description: row.description,
    topics: row.topics,
    digcomp: row.digcomp,
    esco: row.esco,
    audiences: row.audiences,
    targetGroups: row.target_groups,
    peopleCount: row.people_count,
    level: row.level,
    languages: row.languages,
    preferredModality: row.preferred_modality,
    startDate: row.start_date,
    endDate: row.end_date,
    budget:
      row.budget_amount !== null && row.budget_currency !== null ? { amount: row.budget_amount, currency: row.budget_currency } : null,
    urgency: row.urgency,
    evidenceUrl: row.evidence_url,
    evidenceNote: row.evidence_note,
    visibility: row.visibility,
  };
}

export function needColumns(f: NeedFields) {
  return {
    country_iso3: f.country,
    language: f.language,
    title: f.title,
    description: f.description,
    topics: f.topics,
    digcomp: f.digcomp,
    esco: f.esco,
    audiences: f.audiences,
    target_groups: f.targetGroups,
    people_count: f.peopleCount,
    level: f.level,
    languages: f.languages,
    preferred_modality: f.preferredModality,
    start_date: f.startDate,
    end_date: f.endDate,
    budget_amount: f.budget?.amount ?? null,
    budget_currency: f.budget?.currency ?? null,
    urgency: f.urgency,
    evidence_url: f.evidenceUrl,
    evidence_note: f.evidenceNote,
    visibility: f.visibility,
  };
}

function textFields(f: NeedFields): SearchField[] {
  return [
    { text: f.title, language: f.language, weight: 'A' },
    { text: f.description, language: f.language, weight: 'B' },
    { text: f.evidenceNote ?? '', language: f.language, weight: 'D' },
  ];
}

export function needSearchVector(f: NeedFields, vocab: Vocabulary, requesterName: string) {
  const country = vocab.countryVectors.get(f.country);
  const labels = [...f.topics.flatMap((code) => vocab.topicVectors.get(code) ?? []), ...(country ? [country] : [])];
  return searchVector([...textFields(f), { text: requesterName, language: 'simple', weight: 'C' }], labels);
}

export function needWords(f: NeedFields): string[] {
  return lexiconWords(textFields(f).map((field) => field.text));
}
