/**
 * Pages: the list of organisations, one organisation with its members (for
 * those allowed), the create and edit forms, invitations, and "my
 * organisations". Plain links and forms that work without JavaScript; every
 * form that changes something carries the CSRF token.
 */
import { formatDate, t, type MessageKey } from '../../i18n/i18n.js';
import { pick } from '../../shared/localised.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { CONTROLLED_LISTS } from '../../core/reference/controlled-lists.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Country } from '../reference/index.js';
import { ORGANISATION_KINDS, ROLES, type Invitation, type Member, type MembershipView, type Organisation } from './schemas.js';

type Ctx = PageContext;
type Kind = Organisation['kind'];

const KIND_TERMS = new Map(
  CONTROLLED_LISTS.find((l) => l.name === 'organisation-kinds')?.terms.map((term) => [term.code, term.labels]) ?? [],
);
export function kindLabel(ctx: Ctx, kind: Kind): string {
  return pick(KIND_TERMS.get(kind), ctx.lang) || kind;
}
const roleLabel = (ctx: Ctx, role: Member['role']) => t(ctx.lang, `org.role.${role}` satisfies MessageKey);
const date = (ctx: Ctx, iso: string | null) => (iso ? formatDate(ctx.lang, new Date(iso)) : '');

/** The hidden CSRF field every state-changing form carries. */
function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

function Status(props: { ctx: Ctx; done: boolean }) {
  return props.done ? (
    <p role="status" class="notice">
      {t(props.ctx.lang, 'org.done')}
    </p>
  ) : null;
}

export function ErrorSummary(props: { ctx: Ctx; problems: readonly FieldProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <div role="alert" class="errors" tabindex={-1}>
      <p>{t(props.ctx.lang, 'org.errors')}</p>
      <ul>
        {props.problems.map((p) => (
          <li>
            {p.field ? `${p.field.replace(/^body\./, '')}: ` : ''}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function OrganisationsPage(props: {
  ctx: Ctx;
  organisations: Organisation[];
  next: string | null;
  countries: Map<string, Country>;
  canCreate: boolean;
}) {
  const { ctx } = props;
  const title = t(ctx.lang, 'org.list.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(ctx.lang, 'org.list.lead')}</p>
      {props.canCreate ? (
        <p>
          <a class="button" href="/organisations/new">
            {t(ctx.lang, 'org.list.create')}
          </a>{' '}
          <a href="/my/organisations">{t(ctx.lang, 'org.my.title')}</a>
        </p>
      ) : null}
      {props.organisations.length === 0 ? (
        <p>{t(ctx.lang, 'org.list.none')}</p>
      ) : (
        <div class="scroll">
          <table>
            <caption class="skip">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t(ctx.lang, 'org.field.name')}</th>
                <th scope="col">{t(ctx.lang, 'org.field.kind')}</th>
                <th scope="col">{t(ctx.lang, 'org.field.country')}</th>
                <th scope="col">{t(ctx.lang, 'org.verify.status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.organisations.map((o) => (
                <tr>
                  <td>
                    <a href={`/organisations/${o.id}`}>{o.name}</a>
                    {o.acronym ? ` (${o.acronym})` : ''}
                  </td>
                  <td>{kindLabel(ctx, o.kind)}</td>
                  <td>{o.country ? pick(props.countries.get(o.country)?.names, ctx.lang) || o.country : '—'}</td>
                  <td>{t(ctx.lang, o.verification === 'verified' ? 'org.verified' : 'org.unverified')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.next ? (
        <p>
          <a href={`/organisations?cursor=${encodeURIComponent(props.next)}`} rel="next">
            {t(ctx.lang, 'org.list.more')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

/** Values of the organisation form as typed, so a refused form comes back filled in. */
export interface OrganisationFormValues {
  name?: string;
  acronym?: string;
  kind?: string;
  country?: string;
  website?: string;
  description?: string;
}

export function OrganisationFormPage(props: {
  ctx: Ctx;
  csrf: string;
  countries: Country[];
  values: OrganisationFormValues;
  problems: readonly FieldProblem[];
  organisation?: Organisation;
}) {
  const { ctx, values } = props;
  const editing = props.organisation;
  const title = editing ? t(ctx.lang, 'org.edit.title', { name: editing.name }) : t(ctx.lang, 'org.new.title');
  const collator = new Intl.Collator(ctx.lang);
  const countries = props.countries
    .filter((c) => c.iso3)
    .toSorted((a, b) => collator.compare(pick(a.names, ctx.lang), pick(b.names, ctx.lang)));
  const optional = <small> {t(ctx.lang, 'org.field.optional')}</small>;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {editing ? null : <p class="lead">{t(ctx.lang, 'org.new.lead')}</p>}
      <ErrorSummary ctx={ctx} problems={props.problems} />
      <form method="post" action={editing ? `/organisations/${editing.id}/edit` : '/organisations'} class="stack">
        <Csrf token={props.csrf} />
        <p>
          <label for="name">{t(ctx.lang, 'org.field.name')}</label>
          <input id="name" name="name" required minlength={2} maxlength={200} value={values.name ?? ''} autocomplete="organization" />
        </p>
        <p>
          <label for="acronym">
            {t(ctx.lang, 'org.field.acronym')}
            {optional}
          </label>
          <input id="acronym" name="acronym" maxlength={20} value={values.acronym ?? ''} />
        </p>
        <p>
          <label for="kind">{t(ctx.lang, 'org.field.kind')}</label>
          <select id="kind" name="kind" required>
            {ORGANISATION_KINDS.map((k) => (
              <option value={k} selected={values.kind === k}>
                {kindLabel(ctx, k)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="country">
            {t(ctx.lang, 'org.field.country')}
            {optional}
          </label>
          <select id="country" name="country">
            <option value="">—</option>
            {countries.map((c) => (
              <option value={c.iso3!} selected={values.country === c.iso3}>
                {pick(c.names, ctx.lang)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="website">
            {t(ctx.lang, 'org.field.website')}
            {optional}
          </label>
          <input id="website" name="website" type="url" maxlength={500} value={values.website ?? ''} placeholder="https://" />
        </p>
        <p>
          <label for="description">
            {t(ctx.lang, 'org.field.description')}
            {optional}
          </label>
          <textarea id="description" name="description" rows={5} maxlength={5000}>
            {values.description ?? ''}
          </textarea>
        </p>
        <p>
          <button type="submit">{t(ctx.lang, editing ? 'org.edit.submit' : 'org.new.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}

export interface OrganisationView {
  organisation: Organisation;
  country: Country | undefined;
  /** Undefined when the viewer may not see the members. */
  members: Member[] | undefined;
  invitations: Invitation[] | undefined;
  viewerId: string | undefined;
  /** What the policy lets the viewer do here; `leave` only for a member. */
  may: { edit: boolean; manage: boolean; verify: boolean; mapDomains: boolean; leave: boolean };
}

export function OrganisationPage(props: {
  ctx: Ctx;
  csrf: string;
  view: OrganisationView;
  done: boolean;
  problems: readonly FieldProblem[];
}) {
  const { ctx, view } = props;
  const o = view.organisation;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={o.name}>
      <p>
        <a href="/organisations">{t(lang, 'org.list.title')}</a>
      </p>
      <h1>
        {o.name}
        {o.acronym ? ` (${o.acronym})` : ''}
      </h1>
      <Status ctx={ctx} done={props.done} />
      <ErrorSummary ctx={ctx} problems={props.problems} />
      <dl>
        <dt>{t(lang, 'org.field.kind')}</dt>
        <dd>{kindLabel(ctx, o.kind)}</dd>
        {o.country ? (
          <>
            <dt>{t(lang, 'org.field.country')}</dt>
            <dd>
              <a href={`/countries/${o.country}`}>{pick(view.country?.names, lang) || o.country}</a>
            </dd>
          </>
        ) : null}
        {o.website ? (
          <>
            <dt>{t(lang, 'org.field.website')}</dt>
            <dd>
              <a href={o.website} rel="nofollow noopener">
                {o.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t(lang, 'org.verify.status')}</dt>
        <dd>{o.verification === 'verified' ? `${t(lang, 'org.verified')} (${date(ctx, o.verifiedAt)})` : t(lang, 'org.unverified')}</dd>
      </dl>
      {o.description ? <p>{o.description}</p> : null}
      {view.may.edit ? (
        <p>
          <a class="button" href={`/organisations/${o.id}/edit`}>
            {t(lang, 'org.edit.link')}
          </a>
        </p>
      ) : null}

      {view.members ? (
        <section aria-labelledby="members">
          <h2 id="members">{t(lang, 'org.members')}</h2>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'org.field.name')}</th>
                  <th scope="col">{t(lang, 'org.col.role')}</th>
                  <th scope="col">{t(lang, 'org.col.since')}</th>
                  {view.may.manage ? <th scope="col">{t(lang, 'org.col.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {view.members.map((m) => (
                  <tr>
                    <td>{m.displayName}</td>
                    <td>{roleLabel(ctx, m.role)}</td>
                    <td>{date(ctx, m.since)}</td>
                    {view.may.manage ? (
                      <td>
                        <form method="post" action={`/organisations/${o.id}/members/${m.userId}/role`} class="inline">
                          <Csrf token={props.csrf} />
                          <label for={`role-${m.userId}`} class="skip">
                            {t(lang, 'org.col.role')}: {m.displayName}
                          </label>
                          <select id={`role-${m.userId}`} name="role">
                            {ROLES.map((r) => (
                              <option value={r} selected={r === m.role}>
                                {roleLabel(ctx, r)}
                              </option>
                            ))}
                          </select>
                          <button type="submit">{t(lang, 'org.role.change')}</button>
                        </form>
                        <form method="post" action={`/organisations/${o.id}/members/${m.userId}/remove`} class="inline">
                          <Csrf token={props.csrf} />
                          <button type="submit" aria-label={`${t(lang, 'org.member.remove')}: ${m.displayName}`}>
                            {t(lang, 'org.member.remove')}
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {view.may.leave && view.viewerId ? (
            <form method="post" action={`/organisations/${o.id}/members/${view.viewerId}/remove`}>
              <Csrf token={props.csrf} />
              <button type="submit">{t(lang, 'org.leave')}</button>
            </form>
          ) : null}
        </section>
      ) : null}

      {view.invitations ? (
        <section aria-labelledby="invitations">
          <h2 id="invitations">{t(lang, 'org.invitations')}</h2>
          {view.invitations.length === 0 ? (
            <p>{t(lang, 'org.invitations.none')}</p>
          ) : (
            <ul>
              {view.invitations.map((i) => (
                <li>
                  {i.email} · {roleLabel(ctx, i.role)} · {t(lang, 'invite.page.expires', { date: date(ctx, i.expiresAt) })}
                  <form method="post" action={`/organisations/${o.id}/invitations/${i.id}/revoke`} class="inline">
                    <Csrf token={props.csrf} />
                    <button type="submit" aria-label={`${t(lang, 'org.invitation.revoke')}: ${i.email}`}>
                      {t(lang, 'org.invitation.revoke')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <h3>{t(lang, 'org.invite.title')}</h3>
          <form method="post" action={`/organisations/${o.id}/invitations`} class="stack">
            <Csrf token={props.csrf} />
            <p>
              <label for="invite-email">{t(lang, 'org.invite.email')}</label>
              <input id="invite-email" name="email" type="email" required maxlength={254} autocomplete="off" />
            </p>
            <p>
              <label for="invite-role">{t(lang, 'org.col.role')}</label>
              <select id="invite-role" name="role">
                {ROLES.map((r) => (
                  <option value={r} selected={r === 'member'}>
                    {roleLabel(ctx, r)}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <button type="submit">{t(lang, 'org.invite.submit')}</button>
            </p>
          </form>
        </section>
      ) : null}

      {view.may.verify ? (
        <section aria-labelledby="verification">
          <h2 id="verification">{t(lang, 'org.verify.title')}</h2>
          <form method="post" action={`/organisations/${o.id}/verify`} class="stack">
            <Csrf token={props.csrf} />
            <fieldset>
              <legend>{t(lang, 'org.verify.status')}</legend>
              <p>
                <input type="radio" id="v-verified" name="verification" value="verified" checked={o.verification === 'verified'} />
                <label for="v-verified" class="inline">
                  {t(lang, 'org.verified')}
                </label>
              </p>
              <p>
                <input type="radio" id="v-unverified" name="verification" value="unverified" checked={o.verification === 'unverified'} />
                <label for="v-unverified" class="inline">
                  {t(lang, 'org.unverified')}
                </label>
              </p>
            </fieldset>
            {view.may.mapDomains ? (
              <p>
                <label for="domains">{t(lang, 'org.verify.domains')}</label>
                <textarea id="domains" name="emailDomains" rows={3}>
                  {(o.emailDomains ?? []).join('\n')}
                </textarea>
              </p>
            ) : null}
            <p>
              <button type="submit">{t(lang, 'org.verify.submit')}</button>
            </p>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export function MyOrganisationsPage(props: { ctx: Ctx; memberships: MembershipView[] }) {
  const { ctx } = props;
  const title = t(ctx.lang, 'org.my.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.memberships.length === 0 ? (
        <p>{t(ctx.lang, 'org.my.none')}</p>
      ) : (
        <ul>
          {props.memberships.map((m) => (
            <li>
              <a href={`/organisations/${m.organisation.id}`}>{m.organisation.name}</a> · {roleLabel(ctx, m.role)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href="/organisations/new">
          {t(ctx.lang, 'org.list.create')}
        </a>
      </p>
    </Layout>
  );
}

export function InvitationPage(props: {
  ctx: Ctx;
  csrf: string;
  token: string;
  invitation: { organisation: Organisation; role: Member['role']; expiresAt: string } | undefined;
  signedIn: boolean;
  problems: readonly FieldProblem[];
}) {
  const { ctx, invitation } = props;
  const title = t(ctx.lang, 'invite.page.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} problems={props.problems} />
      {!invitation ? (
        <p>{t(ctx.lang, 'invite.page.invalid')}</p>
      ) : (
        <>
          <p>{t(ctx.lang, 'invite.page.text', { organisation: invitation.organisation.name, role: roleLabel(ctx, invitation.role) })}</p>
          <p>{t(ctx.lang, 'invite.page.expires', { date: date(ctx, invitation.expiresAt) })}</p>
          {props.signedIn ? (
            <form method="post" action={`/invitations/${props.token}`}>
              <Csrf token={props.csrf} />
              <button type="submit">{t(ctx.lang, 'invite.page.accept')}</button>
            </form>
          ) : (
            <p>
              <a class="button" href={`/sign-in?next=${encodeURIComponent(`/invitations/${props.token}`)}`}>
                {t(ctx.lang, 'invite.page.signIn')}
              </a>
            </p>
          )}
        </>
      )}
    </Layout>
  );
}
