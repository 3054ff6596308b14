/**
 * The clearinghouse's problems in the reader's language. The services and the list filters
 * report each problem with a stable reason (`end-before-start`, `unknown-value` …) beside the
 * API's English message; pages show the reason's message from the ICU catalogues
 * (`clearinghouse.problem.*`), and the list APIs say the first one as the problem's `detail`.
 * A problem without a reason (none should remain) says the forms stage's general "cannot be used".
 */
import type { Problem } from '../../core/capacity/plausibility.js';
import { AppError } from '../../http/app-error.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { validateForm, type FieldSpec, type FormError, type FormMessage } from '../../platform/forms/index.js';
import type { Language } from '../../shared/localised.js';
import { NeedListQuerySchema, OfferingListQuerySchema } from './list-schemas.js';
import { ProblemsError } from './service-support.js';

const REASONS: Readonly<Record<string, MessageKey>> = {
  'unknown-value': 'clearinghouse.problem.unknownValue',
  'unknown-country': 'clearinghouse.problem.unknownCountry',
  'unknown-eligibleCountries': 'clearinghouse.problem.unknownCountry',
  'unknown-country-or-group': 'clearinghouse.problem.unknownCountryOrGroup',
  'unknown-eligibleGroups': 'clearinghouse.problem.unknownGroup',
  'unknown-esco': 'clearinghouse.problem.unknownEsco',
  'unknown-topics': 'clearinghouse.problem.unknownTopic',
  'unknown-digcomp': 'clearinghouse.problem.unknownDigcomp',
  'to-before-from': 'clearinghouse.problem.toBeforeFrom',
  'rolling-with-dates': 'clearinghouse.problem.rollingWithDates',
  'dates-or-rolling': 'clearinghouse.problem.datesOrRolling',
  'modality-needed': 'clearinghouse.problem.modalityNeeded',
  'pledge-needed': 'clearinghouse.problem.pledgeNeeded',
  'pledge-period': 'clearinghouse.problem.pledgePeriod',
  'pledge-not-rolling': 'clearinghouse.problem.pledgeNotRolling',
  'pledge-not-allowed': 'clearinghouse.problem.pledgeNotAllowed',
  'amount-and-currency': 'clearinghouse.problem.amountAndCurrency',
  'amount-or-in-kind': 'clearinghouse.problem.amountOrInKind',
  'translation-same-language': 'clearinghouse.problem.translationSameLanguage',
  'translation-twice': 'clearinghouse.problem.translationTwice',
  'end-before-start': 'clearinghouse.problem.endBeforeStart',
};

/** A value as a message may quote it back: control characters shown as �, at most 60 characters. */
export function quotable(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- the point is to find them
  const shown = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

/**
 * One problem as a message of the catalogues.
 * @example problemMessage({ path: ['to'], message: 'is before from', reason: 'to-before-from' }) // { key: 'clearinghouse.problem.toBeforeFrom' }
 */
export function problemMessage(problem: Pick<Problem, 'reason' | 'values'>): FormMessage {
  const key = problem.reason ? REASONS[problem.reason] : undefined;
  return key
    ? { key, params: Object.fromEntries(Object.entries(problem.values ?? {}).map(([k, v]) => [k, quotable(v)])) }
    : { key: 'forms.error.invalid' };
}

/** The problems an error carries, each with the field it names (its path's first segment after the prefix). */
export function problemsOf(error: AppError): { field: string; message: FormMessage }[] {
  if (error instanceof ProblemsError) return error.problems.map((p) => ({ field: String(p.path[0] ?? ''), message: problemMessage(p) }));
  // Errors of other layers (the search service's cursor check, an unknown organisation) name a field only.
  return error.fields.map((f) => {
    const field = f.field.split('.')[1] ?? '';
    return { field, message: { key: field === 'cursor' ? 'clearinghouse.problem.cursor' : 'forms.error.invalid' } };
  });
}

export type ListKind = 'offerings' | 'needs';

/** The label of each list parameter, as the catalogue page and its error summary name it. */
export const FILTER_LABELS: Readonly<Record<string, MessageKey>> = {
  q: 'capacity.search.label',
  eligibleFor: 'capacity.filter.eligibleFor',
  country: 'capacity.filter.country',
  sort: 'capacity.filter.sort',
  topics: 'capacity.facet.topics',
  kind: 'capacity.facet.kind',
  audiences: 'capacity.facet.audiences',
  targetGroups: 'capacity.facet.targetGroups',
  levels: 'capacity.facet.levels',
  modalities: 'capacity.facet.modalities',
  bandwidth: 'capacity.facet.bandwidth',
  languages: 'capacity.facet.languages',
  certification: 'capacity.facet.certification',
  accessibility: 'capacity.facet.accessibility',
  cost: 'capacity.facet.cost',
  status: 'capacity.facet.status',
  urgency: 'capacity.facet.urgency',
  digcomp: 'clearinghouse.filter.digcomp',
  esco: 'clearinghouse.field.esco',
  sdgs: 'clearinghouse.field.sdgs',
  from: 'clearinghouse.filter.from',
  to: 'clearinghouse.filter.to',
  demo: 'clearinghouse.filter.demo',
  cursor: 'clearinghouse.filter.page',
  provider: 'clearinghouse.filter.provider',
  requester: 'clearinghouse.filter.requester',
  format: 'clearinghouse.filter.format',
  limit: 'clearinghouse.filter.limit',
};

const FIELDS: Record<string, FieldSpec> = Object.fromEntries(Object.entries(FILTER_LABELS).map(([name, label]) => [name, { label }]));

/**
 * The list parameters as the schema reads them, or what is wrong with each, in catalogue messages.
 * @example checkListQuery('offerings', { sort: 'best' }) // { ok: false, errors: [{ field: 'sort', message: { key: 'forms.error.choice' } … }] }
 */
export function checkListQuery(kind: ListKind, raw: Readonly<Record<string, string>>) {
  const schema = kind === 'offerings' ? OfferingListQuerySchema : NeedListQuerySchema;
  return validateForm({ schema: schema as typeof OfferingListQuerySchema, fields: FIELDS }, raw);
}

/** The API's detail for the first problem, in `lang`: "query.sort: Choose one of the options". */
export function localisedDetail(lang: Language, first: { field: string; message: FormMessage } | undefined): string | undefined {
  if (!first) return undefined;
  return t(lang, 'clearinghouse.problem.detail', {
    field: first.field ? `query.${first.field}` : 'query',
    message: t(lang, first.message.key, first.message.params ?? {}),
  });
}

/** A list API's bad-filter error with its detail in the reader's language; the fields (for programs) stay as they were. */
export function localisedListError(lang: Language, error: AppError): AppError {
  const detail = localisedDetail(lang, problemsOf(error)[0]);
  return detail ? new AppError(error.code, detail, error.fields, error.headers, error.extensions) : error;
}

/** The same for a list query the schema refused (the route's validation hook). */
export function localisedQueryError(lang: Language, kind: ListKind, raw: Readonly<Record<string, string>>, english: AppError): AppError {
  const checked = checkListQuery(kind, raw);
  const first: FormError | undefined = checked.ok ? undefined : checked.state.errors[0];
  const detail = localisedDetail(lang, first ? { field: first.field, message: first.message } : undefined);
  return detail ? new AppError(english.code, detail, english.fields) : english;
}
