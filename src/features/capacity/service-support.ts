/**
 * What the offering and need services share: who asks, turning problems into
 * the one error type, the 404 that hides records a person may not see, and the
 * 409 for a stale version that says what changed since.
 */
import type { Problem } from '../../core/capacity/plausibility.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError, type FieldProblem } from '../../http/app-error.js';
import { changedFields } from './offering-presenters.js';
import { findRevision, type RecordType } from './shared-repository.js';

/** Who asks, and the request to quote in the audit log. */
export interface Asker {
  readonly actor: Actor;
  readonly requestId?: string | null;
}

/**
 * One `validation-failed` error for all problems, each named `<prefix>.<path>` (body.endDate).
 * @example throw problemsError([{ path: ['endDate'], message: 'ends before it starts' }], 'body')
 */
export function problemsError(problems: readonly Problem[], prefix: string): AppError {
  const fields = problems.map((p) => ({ field: [prefix, ...p.path.map(String)].join('.'), message: p.message }));
  const first = fields[0];
  return new ProblemsError(first ? `${first.field}: ${first.message}` : 'The request is not valid', fields, problems);
}

/** A `validation-failed` error that keeps its problems' reasons, so a page or a localized detail can say them in the reader's language. */
export class ProblemsError extends AppError {
  constructor(
    detail: string,
    fields: readonly FieldProblem[],
    readonly problems: readonly Problem[],
  ) {
    super('validation-failed', detail, fields);
  }
}

/** The same answer for a record that does not exist and one the asker may not see. */
export function notFound(type: RecordType, id: string): AppError {
  return new AppError('not-found', `No ${type} with id "${id}"`);
}

/**
 * The 409 for an edit based on `sentVersion` when `current` is stored: the fields changed since,
 * with their current values, read from the revisions kept of each version.
 */
export async function staleVersion(
  db: Db,
  type: RecordType,
  id: string,
  sentVersion: number,
  current: { version: number } & Record<string, unknown>,
): Promise<AppError> {
  const before = sentVersion < current.version ? await findRevision(db, type, id, sentVersion) : undefined;
  const changes = before ? changedFields(before, current) : [];
  const what = changes.length > 0 ? `; changed since: ${changes.map((c) => c.field).join(', ')}` : '';
  return new AppError(
    'conflict',
    `This ${type} was saved as version ${current.version} after the version ${sentVersion} you edited${what}. ` +
      'Apply your change to the current values and send it with the current version.',
    [{ field: 'body.version', message: `stale: the current version is ${current.version}` }],
    {},
    { currentVersion: current.version, changes },
  );
}
