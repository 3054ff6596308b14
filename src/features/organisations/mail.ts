/** The invitation e-mail: composed in the inviter's language, sent through the accounts feature's mail. */
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import { mailLink, sendMail } from '../accounts/index.js';
import type { InvitationMail } from './service.js';

export function invitationMail(deps: Deps, c: Context<AppEnv>): InvitationMail {
  const lang = c.get('lang');
  return {
    send: (mail) => sendMail(deps, mail),
    // Never from the request's Host header: a requester could point the link at their own site.
    link: (token) => mailLink(deps.config, `/invitations/${token}`, {}),
    compose: ({ organisation, role, link, days }) => ({
      subject: t(lang, 'invite.mail.subject', { organisation }),
      text: t(lang, 'invite.mail.text', { organisation, role: t(lang, `org.role.${role}`), link, days }),
    }),
  };
}
