/**
 * Tells a lost or refused database connection apart from other errors, so an import that the
 * database died under ends with one sentence a person can act on instead of a driver's stack.
 */

/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash, restart). */
const CONNECTION_STATES = /^(08|57P0[1-4])/;
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const CONNECTION_MESSAGES = [/connection terminated/i, /not queryable/i, /server closed the connection/i, /connection .*(ended|closed)/i];

/**
 * A short reason when `error` is the database connection failing, else `null`.
 * @example databaseFailure(new Error('Connection terminated unexpectedly')) // 'Connection terminated unexpectedly'
 */
export function databaseFailure(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_STATES.test(code) || CONNECTION_CODES.has(code))) return `${error.message} (${code})`;
  if (CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message))) return error.message;
  return null;
}
