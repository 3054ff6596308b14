/**
 * HTML routes for organisations and invitations. They call the same services
 * as the API; a refused or invalid form comes back with its problems listed,
 * and a visitor not signed in is sent to sign in first.
 */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { can } from '../../core/policy/policy.js';
import { AppError, type FieldProblem } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { validationError } from '../../http/validation.js';
import { pageContext } from '../../web/page-context.js';
import { csrfToken } from '../accounts/index.js';
import { exportCountries } from '../reference/index.js';
import { invitationMail } from './mail.js';
import {
  InvitationPage,
  MyOrganisationsPage,
  OrganisationFormPage,
  OrganisationPage,
  OrganisationsPage,
  type OrganisationFormValues,
  type OrganisationView,
} from './pages.js';
import {
  InvitationInputSchema,
  MemberUpdateSchema,
  OrganisationInputSchema,
  OrganisationParamsSchema,
  VerificationInputSchema,
} from './schemas.js';
import * as service from './service.js';
import { renderPage } from '../../web/render.js';

type C = Context<AppEnv>;

const html = (c: C, page: JSX.Element, status: 200 | 400 | 403 | 404 | 409 = 200) => renderPage(c, page, status);

/** Sends a visitor who is not signed in to the sign-in page, to come back here. */
function signInFirst(c: C, back = c.req.path): Response | undefined {
  return actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303) : undefined;
}

const asker = (c: C) => ({ actor: actorOf(c), requestId: c.get('requestId') });

/** Form fields as strings; blank optional fields become null. */
async function formOf(c: C): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k, v]) => typeof v === 'string' && k !== '_csrf')
      .map(([k, v]) => [k, (v as string).trim()]),
  );
}
const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

function parseOrThrow<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, 'form');
  return result.data;
}

function idOf(c: C): string {
  const parsed = OrganisationParamsSchema.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw new AppError('not-found', `Nothing at ${c.req.path}`);
  return parsed.data.id;
}
const uuidOf = (c: C, name: string) => {
  const value = c.req.param(name) ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    throw new AppError('not-found', `Nothing at ${c.req.path}`);
  return value;
};

/** A refused form shows its problems; anything else is the error page's business. */
function problemsOf(error: unknown): readonly FieldProblem[] {
  if (error instanceof AppError && (error.code === 'validation-failed' || error.code === 'conflict')) {
    return error.fields.length > 0 ? error.fields : [{ field: '', message: error.detail }];
  }
  throw error;
}

function organisationInput(form: Record<string, string>) {
  return {
    name: form['name'] ?? '',
    acronym: orNull(form['acronym']),
    kind: form['kind'],
    country: orNull(form['country']),
    website: orNull(form['website']),
    description: orNull(form['description']),
  };
}

export function organisationPages(deps: Deps) {
  const { db } = deps;

  async function countryIndex() {
    const countries = await exportCountries(db);
    return { list: countries, byIso3: new Map(countries.filter((x) => x.iso3).map((x) => [x.iso3!, x])) };
  }

  async function view(c: C, id: string): Promise<OrganisationView> {
    const actor = actorOf(c);
    const organisation = await service.getOrganisation(db, actor, id);
    const resource = { type: 'organisation' as const, id };
    const { byIso3 } = await countryIndex();
    const members = can(actor, 'read-members', resource) ? await service.listMembers(db, actor, id) : undefined;
    const viewerId = actor.kind === 'user' ? actor.userId : undefined;
    const isMember = viewerId !== undefined && (members ?? []).some((m) => m.userId === viewerId);
    return {
      organisation,
      country: organisation.country ? byIso3.get(organisation.country) : undefined,
      members,
      invitations: can(actor, 'read', { type: 'invitation', organisationId: id })
        ? await service.listInvitations(db, actor, id)
        : undefined,
      viewerId,
      may: {
        edit: can(actor, 'update', resource),
        manage: can(actor, 'manage-members', resource),
        verify: can(actor, 'verify', resource),
        mapDomains: can(actor, 'map-domains', resource),
        leave: isMember && can(actor, 'remove', { type: 'membership', organisationId: id, userId: viewerId }),
      },
    };
  }

  async function showOrganisation(c: C, id: string, problems: readonly FieldProblem[] = [], status: 200 | 400 | 409 = 200) {
    return html(
      c,
      <OrganisationPage
        ctx={pageContext(c)}
        csrf={csrfToken(c)}
        view={await view(c, id)}
        done={c.req.query('done') === '1'}
        problems={problems}
      />,
      status,
    );
  }

  /** Runs a change from a form on the organisation page, then shows the page again. */
  async function change(c: C, id: string, run: () => Promise<unknown>) {
    try {
      await run();
    } catch (error) {
      return showOrganisation(c, id, problemsOf(error), 400);
    }
    return c.redirect(`/organisations/${id}?done=1`, 303);
  }

  return new Hono<AppEnv>()
    .get('/organisations', async (c) => {
      const actor = actorOf(c);
      const cursor = c.req.query('cursor');
      const page = await service.listOrganisations(db, actor, { limit: 100, ...(cursor && cursor.length <= 200 ? { cursor } : {}) });
      const { byIso3 } = await countryIndex();
      return html(
        c,
        <OrganisationsPage
          ctx={pageContext(c)}
          organisations={page.data}
          next={page.next}
          countries={byIso3}
          canCreate={can(actor, 'create', { type: 'organisations' })}
        />,
      );
    })
    .get('/organisations/new', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const { list } = await countryIndex();
      return html(c, <OrganisationFormPage ctx={pageContext(c)} csrf={csrfToken(c)} countries={list} values={{}} problems={[]} />);
    })
    .post('/organisations', async (c) => {
      const redirect = signInFirst(c, '/organisations/new');
      if (redirect) return redirect;
      const form = await formOf(c);
      try {
        const created = await service.createOrganisation(db, asker(c), parseOrThrow(OrganisationInputSchema, organisationInput(form)));
        return c.redirect(`/organisations/${created.id}?done=1`, 303);
      } catch (error) {
        const { list } = await countryIndex();
        return html(
          c,
          <OrganisationFormPage
            ctx={pageContext(c)}
            csrf={csrfToken(c)}
            countries={list}
            values={form as OrganisationFormValues}
            problems={problemsOf(error)}
          />,
          400,
        );
      }
    })
    .get('/organisations/:id', async (c) => showOrganisation(c, idOf(c)))
    .get('/organisations/:id/edit', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = idOf(c);
      const organisation = await service.getOrganisation(db, actorOf(c), id);
      if (!can(actorOf(c), 'update', { type: 'organisation', id }))
        throw new AppError('forbidden', 'Only the organisation’s owners and platform admins may edit it');
      const { list } = await countryIndex();
      const values: OrganisationFormValues = {
        name: organisation.name,
        acronym: organisation.acronym ?? '',
        kind: organisation.kind,
        country: organisation.country ?? '',
        website: organisation.website ?? '',
        description: organisation.description ?? '',
      };
      return html(
        c,
        <OrganisationFormPage
          ctx={pageContext(c)}
          csrf={csrfToken(c)}
          countries={list}
          values={values}
          problems={[]}
          organisation={organisation}
        />,
      );
    })
    .post('/organisations/:id/edit', async (c) => {
      const id = idOf(c);
      const redirect = signInFirst(c, `/organisations/${id}/edit`);
      if (redirect) return redirect;
      const form = await formOf(c);
      try {
        await service.updateOrganisation(db, asker(c), id, parseOrThrow(OrganisationInputSchema, organisationInput(form)));
        return c.redirect(`/organisations/${id}?done=1`, 303);
      } catch (error) {
        const problems = problemsOf(error);
        const [organisation, { list }] = await Promise.all([service.getOrganisation(db, actorOf(c), id), countryIndex()]);
        return html(
          c,
          <OrganisationFormPage
            ctx={pageContext(c)}
            csrf={csrfToken(c)}
            countries={list}
            values={form as OrganisationFormValues}
            problems={problems}
            organisation={organisation}
          />,
          400,
        );
      }
    })
    .post('/organisations/:id/members/:userId/role', async (c) => {
      const id = idOf(c);
      const userId = uuidOf(c, 'userId');
      const redirect = signInFirst(c, `/organisations/${id}`);
      if (redirect) return redirect;
      const form = await formOf(c);
      return change(c, id, () => service.changeRole(db, asker(c), id, userId, parseOrThrow(MemberUpdateSchema, form).role));
    })
    .post('/organisations/:id/members/:userId/remove', async (c) => {
      const id = idOf(c);
      const userId = uuidOf(c, 'userId');
      const redirect = signInFirst(c, `/organisations/${id}`);
      if (redirect) return redirect;
      const actor = actorOf(c);
      const leaving = actor.kind === 'user' && actor.userId === userId;
      try {
        await service.removeMember(db, asker(c), id, userId);
      } catch (error) {
        return showOrganisation(c, id, problemsOf(error), 409);
      }
      return c.redirect(leaving ? '/my/organisations' : `/organisations/${id}?done=1`, 303);
    })
    .post('/organisations/:id/invitations', async (c) => {
      const id = idOf(c);
      const redirect = signInFirst(c, `/organisations/${id}`);
      if (redirect) return redirect;
      const form = await formOf(c);
      return change(c, id, () =>
        service.createInvitation(db, asker(c), id, parseOrThrow(InvitationInputSchema, form), invitationMail(deps, c)),
      );
    })
    .post('/organisations/:id/invitations/:invitationId/revoke', async (c) => {
      const id = idOf(c);
      const invitationId = uuidOf(c, 'invitationId');
      const redirect = signInFirst(c, `/organisations/${id}`);
      if (redirect) return redirect;
      return change(c, id, () => service.revokeInvitation(db, asker(c), id, invitationId));
    })
    .post('/organisations/:id/verify', async (c) => {
      const id = idOf(c);
      const redirect = signInFirst(c, `/organisations/${id}`);
      if (redirect) return redirect;
      const form = await formOf(c);
      const domains = form['emailDomains'];
      const input = {
        verification: form['verification'],
        ...(domains !== undefined ? { emailDomains: domains.split(/[\s,]+/).filter(Boolean) } : {}),
      };
      return change(c, id, () => service.verifyOrganisation(db, asker(c), id, parseOrThrow(VerificationInputSchema, input)));
    })
    .get('/my/organisations', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      return html(c, <MyOrganisationsPage ctx={pageContext(c)} memberships={await service.myOrganisations(db, actorOf(c))} />);
    })
    .get('/invitations/:token', async (c) => {
      const token = c.req.param('token');
      const invitation = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await service.describeInvitation(db, token) : undefined;
      c.header('Referrer-Policy', 'no-referrer');
      return html(
        c,
        <InvitationPage
          ctx={pageContext(c)}
          csrf={csrfToken(c)}
          token={token}
          invitation={invitation}
          signedIn={actorOf(c).kind === 'user'}
          problems={[]}
        />,
        invitation ? 200 : 404,
      );
    })
    .post('/invitations/:token', async (c) => {
      const token = c.req.param('token');
      const redirect = signInFirst(c, `/invitations/${token}`);
      if (redirect) return redirect;
      try {
        const membership = await service.acceptInvitation(db, asker(c), token);
        return c.redirect(`/organisations/${membership.organisation.id}?done=1`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !['forbidden', 'conflict', 'not-found', 'validation-failed'].includes(error.code)) throw error;
        const invitation = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await service.describeInvitation(db, token) : undefined;
        return html(
          c,
          <InvitationPage
            ctx={pageContext(c)}
            csrf={csrfToken(c)}
            token={token}
            invitation={invitation}
            signedIn
            problems={[{ field: '', message: error.detail }]}
          />,
          error.status as 403 | 404 | 409,
        );
      }
    });
}
