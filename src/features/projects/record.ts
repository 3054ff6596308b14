/**
 * A project row, its search document and how a write derives its columns from the activity.
 * Every path that writes projects (API, IATI import, demo) builds its values here.
 */
import type { Selectable } from 'kysely';
import type { Project as Activity, MultilingualText } from '../../core/projects/index.js';
import type { ProjectsTable } from '../../db/schema.js';
import { searchVector, type SearchField, type Weight } from '../../platform/search/index.js';
import type { PeopleVocabulary } from '../people/index.js';
import { derivedColumns } from './activity.js';

export type ProjectRow = Selectable<ProjectsTable> & { readonly lead_name: string };

/** The stored activity of a row (written only through `projectColumns`). */
export function activityOf(row: Pick<ProjectRow, 'activity'>): Activity {
  return row.activity as Activity;
}

/** The lexicon corpus of projects (typo tolerance). Projects are public or members-only; their words are the same for all who may read them. */
export const PROJECTS_CORPUS = 'projects';

function textFields(text: MultilingualText, defaultLanguage: string | null, weight: Weight): SearchField[] {
  return text.map((n) => ({ text: n.text, language: (n.lang ?? defaultLanguage ?? 'simple').split('-')[0] ?? 'simple', weight }));
}

/** Title (A), descriptions (B), organisations (C) in their own languages, with topic and country names in six languages (C). */
export function projectSearchVector(activity: Activity, vocab: PeopleVocabulary) {
  const lang = activity.defaultLanguage;
  const fields = [
    ...textFields(activity.title, lang, 'A'),
    ...activity.descriptions.flatMap((d) => textFields(d.text, lang, 'B')),
    ...textFields(activity.reportingOrg.name, lang, 'C'),
    ...activity.participatingOrgs.flatMap((o) => textFields(o.name, lang, 'C')),
  ];
  const columns = derivedColumns(activity, lang ?? 'en');
  const labels = [
    ...columns.topics.map((t) => vocab.vectors.topics.get(t)),
    ...columns.countries.map((c) => vocab.vectors.countries.get(c)),
  ].filter((v): v is string => v !== undefined);
  return searchVector(fields, labels);
}

/** Words of the project's text for the lexicon. */
export function projectTexts(activity: Activity): string[] {
  return [...activity.title, ...activity.descriptions.flatMap((d) => d.text)].map((n) => n.text);
}

/** The activity and every column derived from it, ready to insert or update. */
export function projectColumns(activity: Activity, language: string, vocab: PeopleVocabulary) {
  return { activity: JSON.stringify(activity), ...derivedColumns(activity, language), search_vector: projectSearchVector(activity, vocab) };
}
