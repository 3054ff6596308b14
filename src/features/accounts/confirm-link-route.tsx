/**
 * The GET half of every mailed link (verify an address, confirm a change): it
 * only shows a button that posts the token, so link scanners that open mail
 * cannot spend it.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { formToken } from '../../platform/forms/index.js';
import { pageContext } from '../../web/page-context.js';
import { renderAccountPage } from './render.js';
import { ConfirmLinkPage } from './sign-in-pages.js';

/** @example app.get('/verify-email', showConfirmLink('/verify-email', 'accounts.verify.title', 'accounts.verify.submit')) */
export function showConfirmLink(action: string, title: MessageKey, submit: MessageKey) {
  return (c: Context<AppEnv>) =>
    renderAccountPage(
      c,
      <ConfirmLinkPage
        ctx={pageContext(c)}
        token={formToken(c)}
        action={action}
        linkToken={c.req.query('token') ?? ''}
        title={title}
        submit={submit}
      />,
    );
}
