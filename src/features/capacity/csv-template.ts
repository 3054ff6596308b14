/**
 * The CSV templates of offerings and needs (docs/data/offerings-csv.md): one
 * column per field of the API's create body, lists separated by `;`, money
 * and pledges in two or four columns, an offering's translations in
 * `title_<lang>`, `summary_<lang>`, `description_<lang>` for the six UN
 * languages. Exports write the same columns (plus some read-only ones at the
 * end), so an export imports again as the same records.
 *
 * Cells that a spreadsheet would run as a formula (starting = + - @) are
 * written with a leading apostrophe, and an import removes exactly that
 * apostrophe again.
 */
import { stringify } from 'csv-stringify/sync';
import { LANGUAGES } from '../../shared/localised.js';

type Kind = 'text' | 'list' | 'number' | 'integer' | 'boolean';

export interface ColumnSpec {
  readonly column: string;
  /** Path of the value in the create body (`fee.amount`); empty for export-only columns. */
  readonly path: readonly string[];
  readonly kind: Kind;
}

const c = (column: string, path: string, kind: Kind = 'text'): ColumnSpec => ({ column, path: path.split('.'), kind });

export const OFFERING_COLUMNS: readonly ColumnSpec[] = [
  c('id', 'id'),
  c('status', 'status'),
  c('kind', 'kind'),
  c('language', 'language'),
  c('title', 'title'),
  c('summary', 'summary'),
  c('description', 'description'),
  c('topics', 'topics', 'list'),
  c('digcomp', 'digcomp', 'list'),
  c('esco', 'esco', 'list'),
  c('audiences', 'audiences', 'list'),
  c('target_groups', 'targetGroups', 'list'),
  c('levels', 'levels', 'list'),
  c('modality', 'modality'),
  c('bandwidth', 'bandwidth'),
  c('languages', 'languages', 'list'),
  c('eligible_countries', 'eligibleCountries', 'list'),
  c('eligible_groups', 'eligibleGroups', 'list'),
  c('fee_amount', 'fee.amount', 'number'),
  c('fee_currency', 'fee.currency'),
  c('waivers', 'waivers'),
  c('duration_hours', 'durationHours', 'number'),
  c('start_date', 'startDate'),
  c('end_date', 'endDate'),
  c('rolling', 'rolling', 'boolean'),
  c('seats', 'seats', 'integer'),
  c('certification', 'certification'),
  c('accessibility', 'accessibility', 'list'),
  c('sdgs', 'sdgs', 'list'),
  c('url', 'url'),
  c('contact_email', 'contactEmail'),
  c('pledge_amount', 'pledge.amount', 'number'),
  c('pledge_currency', 'pledge.currency'),
  c('pledge_in_kind', 'pledge.inKind'),
  c('umc_dimension', 'pledge.umcDimension'),
  ...LANGUAGES.flatMap((lang) => [
    c(`title_${lang}`, `translations.${lang}.title`),
    c(`summary_${lang}`, `translations.${lang}.summary`),
    c(`description_${lang}`, `translations.${lang}.description`),
  ]),
];

export const NEED_COLUMNS: readonly ColumnSpec[] = [
  c('id', 'id'),
  c('status', 'status'),
  c('unmet_reason', 'unmetReason'),
  c('status_reason', 'statusReason'),
  c('country', 'country'),
  c('language', 'language'),
  c('title', 'title'),
  c('description', 'description'),
  c('topics', 'topics', 'list'),
  c('digcomp', 'digcomp', 'list'),
  c('esco', 'esco', 'list'),
  c('audiences', 'audiences', 'list'),
  c('target_groups', 'targetGroups', 'list'),
  c('people_count', 'peopleCount', 'integer'),
  c('level', 'level'),
  c('languages', 'languages', 'list'),
  c('preferred_modality', 'preferredModality'),
  c('start_date', 'startDate'),
  c('end_date', 'endDate'),
  c('budget_amount', 'budget.amount', 'number'),
  c('budget_currency', 'budget.currency'),
  c('urgency', 'urgency'),
  c('evidence_url', 'evidenceUrl'),
  c('evidence_note', 'evidenceNote'),
  c('visibility', 'visibility'),
];

/** Written by exports after the template's columns, for reading; an import ignores them. */
export const OFFERING_EXPORT_ONLY = [
  'provider_organisation_id',
  'provider_name',
  'version',
  'demo',
  'created_at',
  'updated_at',
  'published_at',
  'last_reviewed_at',
] as const;
export const NEED_EXPORT_ONLY = ['requester_organisation_id', 'requester_name', 'version', 'demo', 'created_at', 'updated_at'] as const;

/** Columns an import must have. */
export const OFFERING_REQUIRED = ['kind', 'language', 'title', 'summary', 'topics', 'audiences', 'languages'] as const;
export const NEED_REQUIRED = ['country', 'language', 'title', 'description', 'topics', 'audiences', 'languages'] as const;

/** @example neutralise('=SUM(A1)') // "'=SUM(A1)" */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The inverse of `neutralise`, for imports. */
export function restore(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** A problem with one cell, before the body is validated. */
export interface CellProblem {
  readonly column: string;
  readonly message: string;
}

/**
 * A CSV row as the create body it stands for (translations by language until `bodyOf` orders
 * them), and the cells that could not be read.
 * @example bodyFromRow(OFFERING_COLUMNS, { kind: 'course', topics: 'cybersecurity;digital-health', … })
 */
export function bodyFromRow(
  specs: readonly ColumnSpec[],
  values: Readonly<Record<string, string>>,
): { body: Record<string, unknown>; problems: CellProblem[] } {
  const body: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const spec of specs) {
    const raw = values[spec.column];
    if (raw === undefined || raw === '') continue;
    const cell = restore(raw);
    let value: unknown = cell;
    if (spec.kind === 'list')
      value = cell
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean);
    else if (spec.kind === 'number' || spec.kind === 'integer') {
      const n = Number(cell.replace(/\s/g, ''));
      if (!Number.isFinite(n) || !/^-?[\d\s]+(\.\d+)?$/.test(cell.trim())) {
        problems.push({ column: spec.column, message: `"${cell}" is not a number (use digits and a decimal point, e.g. 1250.50)` });
        continue;
      }
      value = n;
    } else if (spec.kind === 'boolean') {
      const lower = cell.toLowerCase();
      if (!['true', 'false', 'yes', 'no', '1', '0'].includes(lower)) {
        problems.push({ column: spec.column, message: `"${cell}" must be true or false` });
        continue;
      }
      value = ['true', 'yes', '1'].includes(lower);
    }
    setPath(body, spec.path, value);
  }
  const translations = body['translations'] as Record<string, Record<string, unknown>> | undefined;
  if (translations)
    body['translations'] = LANGUAGES.filter((lang) => translations[lang]).map((lang) => ({ language: lang, ...translations[lang] }));
  return { body, problems };
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/**
 * The CSV column a validation issue's path points to: `['fee', 'currency']` → fee_currency,
 * `['translations', 1, 'title']` → title_<language of translation 1>, `['topics', 2]` → topics.
 */
export function columnOfPath(
  specs: readonly ColumnSpec[],
  path: readonly (string | number)[],
  body: Record<string, unknown>,
): string | undefined {
  if (path[0] === 'translations' && typeof path[1] === 'number') {
    const language = (body['translations'] as { language?: string }[] | undefined)?.[path[1]]?.language;
    const field = typeof path[2] === 'string' && path[2] !== 'language' ? path[2] : 'title';
    return language ? `${field}_${language}` : undefined;
  }
  const names = path.filter((p): p is string => typeof p === 'string');
  for (let n = names.length; n > 0; n -= 1) {
    const spec = specs.find((s) => s.path.join('.') === names.slice(0, n).join('.'));
    if (spec) return spec.column;
  }
  // A whole object (fee, pledge, budget) is reported at its first column.
  return specs.find((s) => s.path[0] === names[0])?.column;
}

/**
 * The CSV text of records: the template's columns, then the export-only ones.
 * @example toCsv(OFFERING_COLUMNS, OFFERING_EXPORT_ONLY, offerings.map(offeringCsvValues))
 */
export function toCsv(specs: readonly ColumnSpec[], exportOnly: readonly string[], records: readonly Record<string, unknown>[]): string {
  const header = [...specs.map((s) => s.column), ...exportOnly];
  const rows = records.map((record) => [
    ...specs.map((spec) => cellOf(spec.kind, valueAt(record, spec.path))),
    ...exportOnly.map((column) => cellOf('text', record[`@${column}`])),
  ]);
  return stringify([header, ...rows], { record_delimiter: 'unix' });
}

function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  if (path[0] === 'translations') {
    const translation = (record['translations'] as { language: string }[] | undefined)?.find((t) => t.language === path[1]);
    return translation ? (translation as Record<string, unknown>)[path[2]!] : undefined;
  }
  let node: unknown = record;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function cellOf(kind: Kind, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (kind === 'list' && Array.isArray(value)) return neutralise(value.join(';'));
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return neutralise(String(value));
}
