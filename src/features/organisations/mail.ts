/**
 * The invitation e-mail, queued through the platform's mail module. Written in the
 * invitee's language when they have an account that prefers one, else in the
 * inviter's (the best guess for someone the platform does not know yet).
 */
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import { mailLink, queueMail } from '../../platform/mail/index.js';
import type { Language } from '../../shared/localised.js';
import { preferredLanguageOf } from '../accounts/index.js';
import type { InvitationMail } from './service.js';

type Wording = Parameters<InvitationMail['compose']>[0];

function words(lang: Language, { organisation, role, link, days }: Wording) {
  return {
    subject: t(lang, 'invite.mail.subject', { organisation }),
    text: t(lang, 'invite.mail.text', { organisation, role: t(lang, `org.role.${role}`), link, days }),
  };
}

export function invitationMail(deps: Deps, c: Context<AppEnv>): InvitationMail {
  const inviterLang = c.get('lang');
  // The service composes, then sends; the recipient's language is known only at sending,
  // so sending composes again from what was composed.
  let wording: Wording | undefined;
  return {
    async send(mail) {
      const lang = (await preferredLanguageOf(deps.db, mail.to)) ?? inviterLang;
      await queueMail(deps, { to: mail.to, lang, ...(wording ? words(lang, wording) : mail) });
    },
    // Never from the request's Host header: a requester could point the link at their own site.
    link: (token) => mailLink(deps.config, `/invitations/${token}`, {}),
    compose(input) {
      wording = input;
      return words(inviterLang, input);
    },
  };
}
