/**
 * HTML routes for organisations and invitations. They call the same services
 * as the API; a refused or invalid form comes back with its problems listed,
 * and a visitor not signed in is sent to sign in first.
 */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { can } from '../../core/policy/policy.js';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import {
  formToken,
  freshForm,
  handleForm,
  type FormHandling,
  type FormSpec,
  type FormState,
  type Refusal,
} from '../../platform/forms/index.js';
import type { NavEntry } from '../../web/navigation.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { exportCountries } from '../reference/index.js';
import { BUTTON_FORM, INVITATION_FORM, ORGANISATION_FORM, ROLE_FORM, VERIFICATION_FORM } from './form-schemas.js';
import { invitationMail } from './mail.js';
import {
  InvitationPage,
  MyOrganisationsPage,
  OrganisationFormPage,
  OrganisationPage,
  OrganisationsPage,
  type OrganisationView,
} from './pages.js';
import { OrganisationParamsSchema } from './schemas.js';
import * as service from './service.js';

type C = Context<AppEnv>;

/** The organisations' entry in the main navigation. */
export const organisationsNav: NavEntry = { href: '/organisations', label: 'shell.nav.organisations' };

const html = (c: C, page: JSX.Element, status: ContentfulStatusCode = 200) => renderPage(c, page, status);

/** Sends a visitor who is not signed in to the sign-in page, to come back here. */
function signInFirst(c: C, back = c.req.path): Response | undefined {
  return actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303) : undefined;
}

const asker = (c: C) => ({ actor: actorOf(c), requestId: c.get('requestId') });

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

/** Refusals of the organisation services that a form shows on itself rather than as an error page. */
const NAME_REFUSALS: readonly Refusal[] = [
  { code: 'conflict', field: 'body.name', show: 'name', message: 'org.error.nameTaken' },
  { code: 'validation-failed', field: 'body.country', show: 'country', message: 'org.error.country' },
];
const OWNER_REFUSALS: readonly Refusal[] = [{ code: 'conflict', show: '', message: 'org.error.lastOwner' }];
const INVITATION_REFUSALS: readonly Refusal[] = [
  { code: 'forbidden', show: '', message: 'invite.error.otherAddress' },
  { code: 'conflict', show: '', message: 'invite.error.alreadyMember' },
  { code: 'not-found', show: '', message: 'invite.page.invalid' },
];

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

  async function showOrganisation(c: C, id: string, form: FormState = freshForm(), status: ContentfulStatusCode = 200) {
    return html(
      c,
      <OrganisationPage
        ctx={pageContext(c)}
        token={formToken(c)}
        view={await view(c, id)}
        done={c.req.query('done') === '1'}
        form={form}
      />,
      status,
    );
  }

  /** A form on the organisation page: signed in first, the forms stage, the page again on a problem. */
  function organisationForm<T>(spec: FormSpec<T>, handling: (c: C, id: string) => Pick<FormHandling<T>, 'run' | 'refusals'>) {
    return async (c: C) => {
      const id = idOf(c);
      const redirect = signInFirst(c, `/organisations/${id}`);
      if (redirect) return redirect;
      return handleForm(c, { spec, ...handling(c, id), render: (form, status) => showOrganisation(c, id, form, status) });
    };
  }

  async function editPage(c: C, form: FormState, status: ContentfulStatusCode, id?: string) {
    const [organisation, { list }] = await Promise.all([id ? service.getOrganisation(db, actorOf(c), id) : undefined, countryIndex()]);
    return html(
      c,
      <OrganisationFormPage
        ctx={pageContext(c)}
        token={formToken(c)}
        countries={list}
        form={form}
        {...(organisation ? { organisation } : {})}
      />,
      status,
    );
  }

  async function invitationPage(c: C, token: string, form: FormState, status: ContentfulStatusCode) {
    const invitation = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await service.describeInvitation(db, token) : undefined;
    return html(
      c,
      <InvitationPage
        ctx={pageContext(c)}
        token={formToken(c)}
        linkToken={token}
        invitation={invitation}
        signedIn={actorOf(c).kind === 'user'}
        form={form}
      />,
      invitation || status !== 200 ? status : 404,
    );
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
      return editPage(c, freshForm(), 200);
    })
    .post('/organisations', async (c) => {
      const redirect = signInFirst(c, '/organisations/new');
      if (redirect) return redirect;
      return handleForm(c, {
        spec: ORGANISATION_FORM,
        refusals: NAME_REFUSALS,
        render: (form, status) => editPage(c, form, status),
        run: async (input) => {
          const created = await service.createOrganisation(db, asker(c), input);
          return c.redirect(`/organisations/${created.id}?done=1`, 303);
        },
      });
    })
    .get('/organisations/:id', async (c) => showOrganisation(c, idOf(c)))
    .get('/organisations/:id/edit', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = idOf(c);
      const organisation = await service.getOrganisation(db, actorOf(c), id);
      if (!can(actorOf(c), 'update', { type: 'organisation', id }))
        throw new AppError('forbidden', 'Only the organisation’s owners and platform admins may edit it');
      const values = {
        name: organisation.name,
        acronym: organisation.acronym ?? '',
        kind: organisation.kind,
        country: organisation.country ?? '',
        website: organisation.website ?? '',
        description: organisation.description ?? '',
      };
      return editPage(c, freshForm(values), 200, id);
    })
    .post('/organisations/:id/edit', async (c) => {
      const id = idOf(c);
      const redirect = signInFirst(c, `/organisations/${id}/edit`);
      if (redirect) return redirect;
      return handleForm(c, {
        spec: ORGANISATION_FORM,
        refusals: NAME_REFUSALS,
        render: (form, status) => editPage(c, form, status, id),
        run: async (input) => {
          await service.updateOrganisation(db, asker(c), id, input);
          return c.redirect(`/organisations/${id}?done=1`, 303);
        },
      });
    })
    .post(
      '/organisations/:id/members/:userId/role',
      organisationForm(ROLE_FORM, (c, id) => ({
        refusals: OWNER_REFUSALS,
        run: async ({ role }) => {
          await service.changeRole(db, asker(c), id, uuidOf(c, 'userId'), role);
          return c.redirect(`/organisations/${id}?done=1`, 303);
        },
      })),
    )
    .post(
      '/organisations/:id/members/:userId/remove',
      organisationForm(BUTTON_FORM, (c, id) => ({
        refusals: OWNER_REFUSALS,
        run: async () => {
          const userId = uuidOf(c, 'userId');
          const actor = actorOf(c);
          await service.removeMember(db, asker(c), id, userId);
          const leaving = actor.kind === 'user' && actor.userId === userId;
          return c.redirect(leaving ? '/my/organisations' : `/organisations/${id}?done=1`, 303);
        },
      })),
    )
    .post(
      '/organisations/:id/invitations',
      organisationForm(INVITATION_FORM, (c, id) => ({
        run: async (input) => {
          await service.createInvitation(db, asker(c), id, input, invitationMail(deps, c));
          return c.redirect(`/organisations/${id}?done=1`, 303);
        },
      })),
    )
    .post(
      '/organisations/:id/invitations/:invitationId/revoke',
      organisationForm(BUTTON_FORM, (c, id) => ({
        run: async () => {
          await service.revokeInvitation(db, asker(c), id, uuidOf(c, 'invitationId'));
          return c.redirect(`/organisations/${id}?done=1`, 303);
        },
      })),
    )
    .post(
      '/organisations/:id/verify',
      organisationForm(VERIFICATION_FORM, (c, id) => ({
        run: async (input) => {
          await service.verifyOrganisation(db, asker(c), id, input);
          return c.redirect(`/organisations/${id}?done=1`, 303);
        },
      })),
    )
    .get('/my/organisations', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      return html(c, <MyOrganisationsPage ctx={pageContext(c)} memberships={await service.myOrganisations(db, actorOf(c))} />);
    })
    .get('/invitations/:token', async (c) => {
      const token = c.req.param('token');
      c.header('Referrer-Policy', 'no-referrer');
      return invitationPage(c, token, freshForm(), 200);
    })
    .post('/invitations/:token', async (c) => {
      const token = c.req.param('token');
      const redirect = signInFirst(c, `/invitations/${token}`);
      if (redirect) return redirect;
      return handleForm(c, {
        spec: BUTTON_FORM,
        refusals: INVITATION_REFUSALS,
        render: (form, status) => invitationPage(c, token, form, status),
        run: async () => {
          const membership = await service.acceptInvitation(db, asker(c), token);
          return c.redirect(`/organisations/${membership.organisation.id}?done=1`, 303);
        },
      });
    });
}
