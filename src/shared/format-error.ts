/**
 * A problem in an input file, located precisely enough to fix: the file, the
 * line (1-based, the header is line 1), the column and field, and what is wrong.
 */
export interface FormatProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  readonly message: string;
}

export class FormatError extends Error {
  override name = 'FormatError';
  constructor(readonly problem: FormatProblem) {
    super(formatProblem(problem));
  }
}

/**
 * One line a person can act on.
 * @example formatProblem({ file: 'a.csv', line: 3, column: 2, field: 'm49', message: 'must be 3 digits' })
 * // 'a.csv:3:2 (m49): must be 3 digits'
 */
export function formatProblem(p: FormatProblem): string {
  const where = [p.file, p.line, p.column].filter((part) => part !== undefined).join(':');
  return `${where}${p.field ? ` (${p.field})` : ''}: ${p.message}`;
}
