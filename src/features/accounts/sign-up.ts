/**
 * Signing up: an account with a verified-later address. The answer is the
 * same whether or not the address already has an account (the owner gets a
 * mail saying so), so sign-up does not reveal who is registered. Either mail
 * counts against the address's share (mail-limits.ts), so repeated sign-ups
 * cannot flood an inbox.
 */
import type { Deps } from '../../http/app-env.js';
import type { Language } from '../../shared/localised.js';
import { mailAccount } from './account-mail.js';
import { sendVerification } from './email-verification.js';
import { mayMailAddress } from './mail-limits.js';
import { assertAcceptablePassword } from './password-rules.js';
import { hashPassword } from './passwords.js';
import { normaliseEmail } from './secrets.js';
import { findUserByEmail, insertUser } from './users-repository.js';

export interface SignUpInput {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly lang: Language;
}

/** @example await signUp(deps, { email, displayName: 'Ana', password, lang: 'es' }) */
export async function signUp(deps: Pick<Deps, 'db' | 'config' | 'logger'>, input: SignUpInput): Promise<void> {
  assertAcceptablePassword(input.password);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const user = await insertUser(deps.db, {
    email,
    displayName: input.displayName.trim(),
    passwordHash,
    verified: false,
    platformRole: null,
    preferredLang: input.lang,
  });
  if (user) {
    deps.logger.info({ event: 'sign-up', userId: user.id }, 'account created');
    await sendVerification(deps, user);
    return;
  }
  const existing = await findUserByEmail(deps.db, email);
  if (existing && (await mayMailAddress(deps.db, email))) await mailAccount(deps, existing, 'exists', existing.email);
}
