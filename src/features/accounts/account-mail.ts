/**
 * The account mails (verification, reset, change of e-mail), in the recipient's
 * language, each carrying one link; queued through the platform's mail module.
 */
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { mailLink, queueMail } from '../../platform/mail/index.js';
import { isLanguage } from '../../shared/localised.js';

export type AccountMail = 'verify' | 'exists' | 'reset' | 'changeEmail' | 'emailChanged';

const PATHS: Record<AccountMail, string> = {
  verify: '/verify-email',
  exists: '/sign-in',
  reset: '/reset-password/confirm',
  changeEmail: '/confirm-email',
  emailChanged: '/reset-password',
};

/**
 * Queues the mail, in the caller's transaction when `deps.db` is one.
 * @example await mailAccount({ db: tx, config }, user, 'reset', user.email, token)
 */
export async function mailAccount(
  deps: { db: Db; config: Config },
  user: Pick<UserRow, 'display_name' | 'preferred_lang'>,
  kind: AccountMail,
  to: string,
  token?: string,
): Promise<void> {
  const lang = isLanguage(user.preferred_lang) ? user.preferred_lang : 'en';
  const link = mailLink(deps.config, PATHS[kind], token ? { token } : {});
  await queueMail(deps, {
    to,
    lang,
    subject: t(lang, `mail.${kind}.subject` as MessageKey),
    text: t(lang, `mail.${kind}.body` as MessageKey, { name: user.display_name, link }),
  });
}
