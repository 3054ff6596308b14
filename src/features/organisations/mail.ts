/** The invitation e-mail: composed in the inviter's language, sent through the accounts feature's mail. */
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import { sendMail } from '../accounts/index.js';
import type { InvitationMail } from './service.js';

/** The public address of the site: configured, else the request's own origin. */
export function siteOrigin(deps: Pick<Deps, 'config'>, c: Context): string {
  return (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

export function invitationMail(deps: Deps, c: Context<AppEnv>): InvitationMail {
  const lang = c.get('lang');
  return {
    send: (mail) => sendMail(deps, mail),
    link: (token) => `${siteOrigin(deps, c)}/invitations/${token}`,
    compose: ({ organisation, role, link, days }) => ({
      subject: t(lang, 'invite.mail.subject', { organisation }),
      text: t(lang, 'invite.mail.text', { organisation, role: t(lang, `org.role.${role}`), link, days }),
    }),
  };
}
