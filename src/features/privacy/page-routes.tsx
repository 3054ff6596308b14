/** GET /privacy and the account deletion form behind it. */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { formToken, freshForm, handleForm, type FormState } from '../../platform/forms/index.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { clearSessionCookie, limitPerIp, proofRequired, REAUTH_MINUTES } from '../accounts/index.js';
import { DELETE_ACCOUNT_FORM } from './form-schemas.js';
import { PrivacyPage } from './pages.js';
import type { PersonalDataPart } from './schemas.js';
import * as service from './service.js';

/** Proofs of identity a minute per address, on top of the per-account throttle. */
const REAUTH_PER_MINUTE = 10;

/** `parts`: other features' shares of a person's data, erased with the account (wired in app.ts). */
export function privacyPages(deps: Deps, { parts = [] }: { parts?: readonly PersonalDataPart[] } = {}) {
  async function show(c: Context<AppEnv>, form: FormState, status: ContentfulStatusCode, deleted = false) {
    const actor = actorOf(c);
    const proof = actor.kind === 'user' ? await proofRequired(deps.db, actor.userId) : undefined;
    const page = (
      <PrivacyPage
        ctx={pageContext(c)}
        token={formToken(c)}
        signedIn={actor.kind === 'user'}
        proof={proof}
        reauthMinutes={REAUTH_MINUTES}
        deleted={deleted}
        form={form}
      />
    );
    // The page holds a form for a signed-in person: never kept by a shared cache.
    return renderPage(c, page, status, actor.kind === 'user' ? { 'Cache-Control': 'no-store' } : {});
  }

  return new Hono<AppEnv>()
    .get('/privacy', (c) => show(c, freshForm(), 200, c.req.query('deleted') === '1'))
    .post('/privacy/delete-account', limitPerIp(deps, 'reauth', REAUTH_PER_MINUTE), async (c) => {
      if (actorOf(c).kind !== 'user') return c.redirect('/sign-in?next=%2Fprivacy', 303);
      return handleForm(c, {
        spec: DELETE_ACCOUNT_FORM,
        refusals: [
          {
            code: 'validation-failed',
            field: 'body.password',
            problem: 'required',
            show: 'password',
            message: 'accounts.error.password.required',
          },
          { code: 'validation-failed', field: 'body.password', show: 'password', message: 'accounts.error.currentPassword' },
          { code: 'validation-failed', field: 'body.totp', show: 'totp', message: 'accounts.error.code' },
          { code: 'forbidden', field: 'session', show: '', message: 'privacy.delete.notFresh' },
          { code: 'conflict', show: '', message: 'privacy.delete.soleOwner' },
        ],
        render: (form, status) => show(c, form, status),
        run: async ({ password, totp }) => {
          await service.deleteMyAccount(
            deps,
            actorOf(c),
            { password, totp },
            { sessionIdHash: c.get('session')?.idHash, requestId: c.get('requestId') },
            parts,
          );
          clearSessionCookie(c);
          return c.redirect('/privacy?deleted=1', 303);
        },
      });
    });
}
