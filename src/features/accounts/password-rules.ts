/** The password check as an AppError, shared by every use case that sets a password. */
import { AppError } from '../../http/app-error.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem, type PasswordProblem } from './passwords.js';

const EXPLANATION: Record<PasswordProblem, string> = {
  'too-short': `must be at least ${PASSWORD_MIN} characters`,
  'too-long': `must be at most ${PASSWORD_MAX} characters`,
  'too-common': 'is one of the most common passwords; choose another',
};

/** Throws `validation-failed` on `field` when the password is not acceptable. */
export function assertAcceptablePassword(password: string, field = 'body.password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('validation-failed', `${field}: ${EXPLANATION[problem]}`, [{ field, message: EXPLANATION[problem] }]);
}
