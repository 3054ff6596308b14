/**
 * /api/v1 routes for signing in and out and for "who am I". Sign-in sets the
 * same `dcp_session` cookie as the form and returns the CSRF token to echo.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import { clearSessionCookie, writeSessionCookie } from './cookies.js';
import { getMe, meOfSessionUser } from './me.js';
import { limitPerIp } from './rate-limits.js';
import { MeResponseSchema, SignInRequestSchema, SignInResponseSchema } from './schemas.js';
import { endSession } from './sessions.js';
import { signInForApi } from './sign-in.js';

const tags = ['Accounts'];

const signInRoute = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags,
  summary: 'Sign in with e-mail and password',
  description:
    'Sets the `dcp_session` cookie. Accounts with two-factor sign-in send the current code as `totp`. ' +
    'At most 10 attempts a minute per address, and a growing delay after repeated failures for one account (429 with Retry-After).',
  request: { body: { content: { 'application/json': { schema: SignInRequestSchema } }, required: true } },
  responses: { 200: jsonResponse(SignInResponseSchema, 'Signed in; the session cookie is set'), ...problemResponses(400, 401, 403, 429) },
});

const signOutRoute = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags,
  summary: 'Sign out (ends the session on the server)',
  description: 'With the session cookie, send the CSRF token as X-CSRF-Token.',
  responses: { 204: { description: 'Signed out (also when there was no session)' }, ...problemResponses(403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'The signed-in person: account, memberships, platform role',
  responses: { 200: jsonResponse(MeResponseSchema, 'The account behind the session or token'), ...problemResponses(401) },
});

export function authApi(deps: Deps) {
  const router = createRouter();
  // Shares its budget with the sign-in form: 10 a minute per address.
  router.use('/auth/sign-in', limitPerIp(deps, 'sign-in', 10));
  return router
    .openapi(signInRoute, async (c) => {
      const input = c.req.valid('json');
      const { user, session } = await signInForApi(deps, {
        ...input,
        userAgent: c.req.header('user-agent'),
        requestId: c.get('requestId'),
      });
      writeSessionCookie(c, session.cookieValue, session.maxAgeSeconds);
      c.header('Cache-Control', 'no-store');
      return c.json({ user: await meOfSessionUser(deps, user.id), csrfToken: session.csrfSecret }, 200);
    })
    .openapi(signOutRoute, async (c) => {
      const session = c.get('session');
      if (session) await endSession(deps, session.idHash);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => {
      const me = await getMe(deps, c.get('actor'));
      const session = c.get('session');
      c.header('Cache-Control', 'no-store');
      return c.json({ ...me, ...(session ? { csrfToken: session.csrfSecret } : {}) }, 200);
    });
}
