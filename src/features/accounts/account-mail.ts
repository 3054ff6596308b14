/**
 * The account mails (verification, reset, change of e-mail), in the
 * recipient's language, each carrying one link.
 */
import type { UserRow } from '../../db/schema.js';
import type { Deps } from '../../http/app-env.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { isLanguage } from '../../shared/localised.js';
import { mailLink } from './links.js';
import { sendMail } from './mail.js';

export type AccountMail = 'verify' | 'exists' | 'reset' | 'changeEmail' | 'emailChanged';

const PATHS: Record<AccountMail, string> = {
  verify: '/verify-email',
  exists: '/sign-in',
  reset: '/reset-password/confirm',
  changeEmail: '/confirm-email',
  emailChanged: '/reset-password',
};

/** @example await mailAccount(deps, user, 'reset', user.email, token) */
export async function mailAccount(
  deps: Pick<Deps, 'db' | 'config' | 'logger'>,
  user: Pick<UserRow, 'display_name' | 'preferred_lang'>,
  kind: AccountMail,
  to: string,
  token?: string,
): Promise<void> {
  const lang = isLanguage(user.preferred_lang) ? user.preferred_lang : 'en';
  const link = mailLink(deps.config, PATHS[kind], token ? { token } : {});
  await sendMail(deps, {
    to,
    subject: t(lang, `mail.${kind}.subject` as MessageKey),
    text: t(lang, `mail.${kind}.body` as MessageKey, { name: user.display_name, link }),
  });
}
