/**
 * What the IATI importer tells about a file: one problem per thing to fix, located by line and
 * column, with a stable code (for tests, the CLI and the API) and a message a person can act on.
 *
 * Severity says what happened to the data:
 * - `error`: something in the file was not imported (an activity, or an item within one);
 * - `warning`: imported, but doubtful, or missing what an IATI export needs;
 * - `info`: knowingly not used (elements the platform has no place for, extension namespaces),
 *   reported once per element or attribute with a count rather than once per occurrence.
 * A file that cannot be read at all (not XML, not IATI, a refused version, hostile input) throws
 * one IatiFormatError instead.
 */
import { FormatError } from '../csv/format-error.js';
import { XmlNode } from './xml-node.js';

export const IATI_PROBLEM_CODES = [
  // The whole file is refused (thrown as IatiFormatError).
  'malformed-xml',
  'doctype-refused',
  'too-large',
  'too-deep',
  'not-iati',
  'unsupported-version',
  // Within a file.
  'missing-required',
  'invalid-value',
  'unknown-code',
  'unknown-country',
  'unknown-currency',
  'duplicate-identifier',
  'duplicate',
  'unknown-element',
  'unknown-attribute',
  'unexpected-text',
  'percentages-not-100',
  'currency-missing',
  'no-activities',
  'encoding-declared',
  'older-version',
  'language-normalised',
  'not-used',
  'extension',
  'problems-truncated',
] as const;

export type IatiProblemCode = (typeof IATI_PROBLEM_CODES)[number];

export type IatiSeverity = 'error' | 'warning' | 'info';

export interface IatiProblem {
  readonly code: IatiProblemCode;
  readonly severity: IatiSeverity;
  readonly file: string;
  /** 1-based line and column of the element's `<` (the first occurrence, when aggregated). */
  readonly line: number;
  readonly column: number;
  /** The element's path from the root, e.g. `iati-activities/iati-activity/budget/value`. */
  readonly path: string | null;
  /** The activity's identifier when the problem is inside one and it is known. */
  readonly activity: string | null;
  readonly message: string;
  /** How many occurrences this problem stands for (aggregated `info` problems count them all). */
  readonly count: number;
}

/** A file that cannot be imported at all; `problem` says where and why. */
export class IatiFormatError extends FormatError {
  override name = 'IatiFormatError';
  constructor(readonly iati: IatiProblem) {
    super({ file: iati.file, line: iati.line, column: iati.column, message: `${iati.message} [${iati.code}]` });
  }
}

/** Where a problem is: the element's position and path. */
export interface ProblemSite {
  readonly line: number;
  readonly column: number;
  readonly path: string | null;
}

/** Collects the problems of one file in order, merging the aggregated kinds by key. */
export class ProblemLog {
  private readonly problems: IatiProblem[] = [];
  private readonly aggregated = new Map<string, { index: number; describe: (count: number) => string }>();
  /** Identifier of the activity being read, stamped on each problem. */
  activity: string | null = null;

  private individual = 0;

  constructor(
    readonly file: string,
    /** Problems listed one by one before the rest are only counted. */
    private readonly maxIndividual = 1000,
  ) {}

  /**
   * Records a problem at an element (or a bare position). An `error` means the element was not
   * imported, so the element is marked settled: its unread parts are not reported one by one.
   */
  add(at: ProblemSite | XmlNode, code: IatiProblemCode, severity: IatiSeverity, message: string): void {
    let site: ProblemSite = at;
    if (at instanceof XmlNode) {
      site = at.site;
      if (severity === 'error') at.settled = true;
    }
    if (this.individual >= this.maxIndividual) {
      // A file with a million bad elements gets a readable list, not a million lines.
      const rest = severity === 'error' ? 'errors' : severity === 'warning' ? 'warnings' : 'notes';
      this.aggregate(
        site,
        'problems-truncated',
        rest,
        (n) => `${n} more ${rest} after the first ${this.maxIndividual} problems are not listed`,
      );
      return;
    }
    this.individual += 1;
    this.problems.push({
      code,
      severity,
      file: this.file,
      line: site.line,
      column: site.column,
      path: site.path,
      activity: this.activity,
      message,
      count: 1,
    });
  }

  /** One problem per `key`, counting occurrences; `describe` writes the message for the final count. */
  aggregate(site: ProblemSite, code: IatiProblemCode, key: string, describe: (count: number) => string): void {
    const mapKey = `${code}\u0000${key}`;
    const seen = this.aggregated.get(mapKey);
    if (seen !== undefined) {
      const previous = this.problems[seen.index];
      if (previous !== undefined) {
        const count = previous.count + 1;
        this.problems[seen.index] = { ...previous, count, message: seen.describe(count) };
      }
      return;
    }
    this.aggregated.set(mapKey, { index: this.problems.length, describe });
    this.problems.push({ code, severity: 'info', file: this.file, ...site, activity: null, message: describe(1), count: 1 });
  }

  /** The problems in file order (aggregated ones at their first occurrence). */
  list(): IatiProblem[] {
    return this.problems.toSorted((a, b) => a.line - b.line || a.column - b.column);
  }
}

/** `"3 times"` / `"once"`, for aggregated messages. */
export function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}
