/**
 * The project pages' forms for the forms stage, each validated by the schema of its API operation,
 * so a page and the API accept exactly the same input: editing a project (`PATCH
 * /api/v1/projects/{id}`, ProjectPatchSchema, with the version read so a stale edit is a 409),
 * posting an update (UpdateInputSchema) and commenting on one (CommentInputSchema). A page cannot
 * post lists or objects, so the edit form's lists are comma-separated and its dates and budget
 * separate fields, turned into the API's shape by `projectPatchInput`.
 */
import type { FormSpec, Posted } from '../../platform/forms/index.js';
import {
  CommentInputSchema,
  ProjectPatchSchema,
  UpdateInputSchema,
  type CommentInput,
  type Project,
  type ProjectPatch,
  type UpdateInput,
} from './schemas.js';

const blank = (value: string | undefined) => value === undefined || value.trim() === '';
const trimmed = (value: string | undefined) => (blank(value) ? null : value!.trim());
const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(/[\s,;]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/** The posted edit form as the API's patch: every field the page shows, so what is emptied is emptied. */
export function projectPatchInput(posted: Posted): unknown {
  const amount = trimmed(posted['budgetAmount']);
  const currency = trimmed(posted['budgetCurrency']);
  return {
    version: Number(posted['version'] ?? ''),
    language: (posted['language'] ?? '').trim(),
    title: (posted['title'] ?? '').trim(),
    description: trimmed(posted['description']),
    status: posted['status'] ?? '',
    dates: { plannedStart: trimmed(posted['plannedStart']), plannedEnd: trimmed(posted['plannedEnd']) },
    countries: listOf(posted['countries']).map((c) => c.toUpperCase()),
    sdgs: listOf(posted['sdgs']),
    topics: listOf(posted['topics']),
    // Both blank: no budget. One of them: the schema names what is missing.
    budget:
      amount === null && currency === null
        ? null
        : { amount: amount === null ? Number.NaN : Number(amount), currency: (currency ?? '').toUpperCase() },
    visibility: posted['visibility'] ?? '',
  };
}

/** The edit form's first values: the project as stored. */
export function postedOfProject(project: Project): Posted {
  // The text in the project's own language: the one the patch writes (other languages' narratives stay).
  const own = (narratives: readonly { lang: string | null; text: string }[]) =>
    narratives.find((n) => n.lang === project.language)?.text ?? narratives.find((n) => n.lang === null)?.text;
  const general = project.descriptions.find((d) => d.type === 'general') ?? project.descriptions[0];
  return {
    version: String(project.version),
    language: project.language,
    title: own(project.titles) ?? project.title,
    description: (general ? own(general.text) : undefined) ?? project.description ?? '',
    status: project.status ?? '',
    plannedStart: project.dates.plannedStart ?? '',
    plannedEnd: project.dates.plannedEnd ?? '',
    countries: project.countries.join(', '),
    sdgs: project.sdgs.join(', '),
    topics: project.topics.join(', '),
    budgetAmount: project.budget ? String(project.budget.amount) : '',
    budgetCurrency: project.budget?.currency ?? '',
    visibility: project.visibility,
  };
}

export const PROJECT_EDIT_FORM: FormSpec<ProjectPatch> = {
  schema: ProjectPatchSchema as unknown as FormSpec<ProjectPatch>['schema'],
  input: projectPatchInput,
  fields: {
    version: { label: 'projects.edit.versionField' },
    language: { label: 'projects.edit.language', message: 'people.finder.error.language' },
    title: { label: 'projects.edit.titleField' },
    description: { label: 'projects.edit.description' },
    status: { label: 'projects.page.status' },
    dates: { label: 'projects.edit.plannedStart', id: 'plannedStart', message: 'projects.edit.error.dates' },
    countries: { label: 'projects.page.country', message: 'projects.edit.error.countries' },
    sdgs: { label: 'projects.page.sdgs', message: 'projects.page.error.sdgs' },
    topics: { label: 'people.form.topics', message: 'projects.edit.error.topics' },
    budget: { label: 'projects.page.budget', id: 'budgetAmount', message: 'projects.edit.error.budget' },
    visibility: { label: 'projects.edit.visibility' },
  },
};

export const UPDATE_FORM: FormSpec<UpdateInput> = {
  schema: UpdateInputSchema,
  input: (posted) => ({ date: posted['date'] ?? '', language: posted['language'] ?? '', body: posted['body'] ?? '' }),
  fields: {
    date: { label: 'projects.updates.date', id: 'update-date' },
    language: { label: 'projects.edit.language', id: 'update-language' },
    body: { label: 'projects.updates.body', id: 'update-body' },
  },
};

/** A comment form per update: its field's id names the update, so the summary links to the right one. */
export function commentForm(updateId: string): FormSpec<CommentInput> {
  return {
    schema: CommentInputSchema,
    input: (posted) => ({ body: posted['body'] ?? '' }),
    fields: { body: { label: 'projects.comments.body', id: `comment-${updateId}` } },
  };
}

/**
 * The patch of the fields the person changed (with the version): an untouched field is left out,
 * so saving the form never rewrites what it only showed — an IATI record's several budgets, its
 * countries' percentages. Undefined when nothing changed.
 */
export function changedFields(patch: ProjectPatch, posted: Posted, before: Posted): ProjectPatch | undefined {
  const groups: Record<string, readonly string[]> = {
    language: ['language'],
    title: ['title'],
    description: ['description'],
    status: ['status'],
    dates: ['plannedStart', 'plannedEnd'],
    countries: ['countries'],
    sdgs: ['sdgs'],
    topics: ['topics'],
    budget: ['budgetAmount', 'budgetCurrency'],
    visibility: ['visibility'],
  };
  const same = (name: string) => (posted[name] ?? '').trim() === (before[name] ?? '').trim();
  const changed = Object.entries(groups).filter(([, names]) => !names.every(same));
  if (changed.length === 0) return undefined;
  // Text is written in the project's language: a changed language rewrites the text under it.
  const keys = new Set(changed.flatMap(([key]) => (key === 'language' ? ['language', 'title', 'description'] : [key])));
  const entries = Object.entries(patch).filter(([key]) => key === 'version' || keys.has(key));
  return Object.fromEntries(entries) as ProjectPatch;
}
