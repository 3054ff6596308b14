/**
 * Pages: the list of organisations, one organisation with its members (for
 * those allowed), the create and edit forms, invitations, and "my
 * organisations". Plain links and forms of the forms stage that work without
 * JavaScript; every form that changes something carries the CSRF token.
 */
import { CONTROLLED_LISTS } from '../../core/reference/controlled-lists.js';
import { formatDate, t, type MessageKey } from '../../i18n/i18n.js';
import {
  ActionButton,
  errorOf,
  ErrorSummary,
  Form,
  hasErrors,
  RadioGroup,
  SelectField,
  TextareaField,
  TextField,
  type FormState,
  type FormToken,
} from '../../platform/forms/index.js';
import { pick } from '../../shared/localised.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
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

function Status(props: { ctx: Ctx; done: boolean }) {
  return props.done ? (
    <p role="status" class="notice">
      {t(props.ctx.lang, 'org.done')}
    </p>
  ) : null;
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
        <ScrollRegion labelledBy="organisations-caption">
          <table>
            <caption id="organisations-caption" class="skip">
              {title}
            </caption>
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
        </ScrollRegion>
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

export function OrganisationFormPage(props: {
  ctx: Ctx;
  token: FormToken;
  countries: Country[];
  form: FormState;
  organisation?: Organisation;
}) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const values = form.values;
  const editing = props.organisation;
  const title = editing ? t(lang, 'org.edit.title', { name: editing.name }) : t(lang, 'org.new.title');
  const collator = new Intl.Collator(lang);
  const countries = props.countries.filter((c) => c.iso3).toSorted((a, b) => collator.compare(pick(a.names, lang), pick(b.names, lang)));
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      {editing ? null : <p class="lead">{t(lang, 'org.new.lead')}</p>}
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action={editing ? `/organisations/${editing.id}/edit` : '/organisations'} token={props.token}>
        <TextField
          lang={lang}
          name="name"
          label="org.field.name"
          autocomplete="organization"
          maxlength={200}
          value={values['name']}
          error={errorOf(form, 'name')}
        />
        <TextField
          lang={lang}
          name="acronym"
          label="org.field.acronym"
          autocomplete="off"
          maxlength={20}
          optional
          value={values['acronym']}
          error={errorOf(form, 'acronym')}
        />
        <SelectField
          lang={lang}
          name="kind"
          label="org.field.kind"
          value={values['kind']}
          error={errorOf(form, 'kind')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
        />
        <SelectField
          lang={lang}
          name="country"
          label="org.field.country"
          optional
          value={values['country']}
          error={errorOf(form, 'country')}
          options={[{ value: '', label: '—' }, ...countries.map((c) => ({ value: c.iso3!, label: pick(c.names, lang) }))]}
        />
        <TextField
          lang={lang}
          name="website"
          type="url"
          label="org.field.website"
          autocomplete="url"
          maxlength={500}
          optional
          placeholder="https://"
          value={values['website']}
          error={errorOf(form, 'website')}
        />
        <TextareaField
          lang={lang}
          name="description"
          label="org.field.description"
          rows={5}
          maxlength={5000}
          optional
          value={values['description']}
          error={errorOf(form, 'description')}
        />
        <p>
          <button type="submit">{t(lang, editing ? 'org.edit.submit' : 'org.new.submit')}</button>
        </p>
      </Form>
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

export function OrganisationPage(props: { ctx: Ctx; token: FormToken; view: OrganisationView; done: boolean; form: FormState }) {
  const { ctx, view, form, token } = props;
  const o = view.organisation;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={o.name} hasErrors={hasErrors(form)}>
      <p>
        <a href="/organisations">{t(lang, 'org.list.title')}</a>
      </p>
      <h1>
        {o.name}
        {o.acronym ? ` (${o.acronym})` : ''}
      </h1>
      <Status ctx={ctx} done={props.done} />
      <ErrorSummary lang={lang} errors={form.errors} />
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
              <a href={o.website} rel="nofollow noopener" dir="ltr">
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
      {view.may.edit ? (
        <p>
          <a href={`/organisations/${o.id}/webhooks`}>{t(lang, 'activity.webhooks.title')}</a>
        </p>
      ) : null}

      {view.members ? (
        <section aria-labelledby="members">
          <h2 id="members">{t(lang, 'org.members')}</h2>
          <ScrollRegion labelledBy="members">
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
                        <ActionButton
                          action={`/organisations/${o.id}/members/${m.userId}/role`}
                          token={token}
                          label={t(lang, 'org.role.change')}
                        >
                          <label for={`role-${m.userId}`} class="skip">
                            {t(lang, 'org.col.role')}: {m.displayName}
                          </label>
                          <select id={`role-${m.userId}`} name="role">
                            {ROLES.map((r) => (
                              <option value={r} selected={r === m.role}>
                                {roleLabel(ctx, r)}
                              </option>
                            ))}
                          </select>{' '}
                        </ActionButton>{' '}
                        <ActionButton
                          action={`/organisations/${o.id}/members/${m.userId}/remove`}
                          token={token}
                          label={t(lang, 'org.member.remove')}
                          aria-label={`${t(lang, 'org.member.remove')}: ${m.displayName}`}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {view.may.leave && view.viewerId ? (
            <ActionButton action={`/organisations/${o.id}/members/${view.viewerId}/remove`} token={token} label={t(lang, 'org.leave')} />
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
                  <span dir="ltr">{i.email}</span> · {roleLabel(ctx, i.role)} ·{' '}
                  {t(lang, 'invite.page.expires', { date: date(ctx, i.expiresAt) })}{' '}
                  <ActionButton
                    action={`/organisations/${o.id}/invitations/${i.id}/revoke`}
                    token={token}
                    label={t(lang, 'org.invitation.revoke')}
                    aria-label={`${t(lang, 'org.invitation.revoke')}: ${i.email}`}
                  />
                </li>
              ))}
            </ul>
          )}
          <h3 id="invite">{t(lang, 'org.invite.title')}</h3>
          <Form action={`/organisations/${o.id}/invitations`} token={token} aria-labelledby="invite">
            <TextField
              lang={lang}
              name="email"
              id="invite-email"
              type="email"
              label="org.invite.email"
              autocomplete="off"
              maxlength={254}
              value={form.values['email']}
              error={errorOf(form, 'email')}
            />
            <SelectField
              lang={lang}
              name="role"
              id="invite-role"
              label="org.col.role"
              value={form.values['role'] ?? 'member'}
              error={errorOf(form, 'role')}
              options={ROLES.map((r) => ({ value: r, label: roleLabel(ctx, r) }))}
            />
            <p>
              <button type="submit">{t(lang, 'org.invite.submit')}</button>
            </p>
          </Form>
        </section>
      ) : null}

      {view.may.verify ? (
        <section aria-labelledby="verification-title">
          <h2 id="verification-title">{t(lang, 'org.verify.title')}</h2>
          <Form action={`/organisations/${o.id}/verify`} token={token} aria-labelledby="verification-title">
            <RadioGroup
              lang={lang}
              name="verification"
              id="verification"
              label="org.verify.status"
              value={form.values['verification'] ?? o.verification}
              error={errorOf(form, 'verification')}
              options={[
                { value: 'verified', label: t(lang, 'org.verified') },
                { value: 'unverified', label: t(lang, 'org.unverified') },
              ]}
            />
            {view.may.mapDomains ? (
              <TextareaField
                lang={lang}
                name="emailDomains"
                id="domains"
                label="org.verify.domains"
                rows={3}
                optional
                value={form.values['emailDomains'] ?? (o.emailDomains ?? []).join('\n')}
                error={errorOf(form, 'emailDomains')}
              />
            ) : null}
            <p>
              <button type="submit">{t(lang, 'org.verify.submit')}</button>
            </p>
          </Form>
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
  token: FormToken;
  linkToken: string;
  invitation: { organisation: Organisation; role: Member['role']; expiresAt: string } | undefined;
  signedIn: boolean;
  form: FormState;
}) {
  const { ctx, invitation, form } = props;
  const title = t(ctx.lang, 'invite.page.title');
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <ErrorSummary lang={ctx.lang} errors={form.errors} />
      {!invitation ? (
        <p>{t(ctx.lang, 'invite.page.invalid')}</p>
      ) : (
        <>
          <p>{t(ctx.lang, 'invite.page.text', { organisation: invitation.organisation.name, role: roleLabel(ctx, invitation.role) })}</p>
          <p>{t(ctx.lang, 'invite.page.expires', { date: date(ctx, invitation.expiresAt) })}</p>
          {props.signedIn ? (
            <ActionButton action={`/invitations/${props.linkToken}`} token={props.token} label={t(ctx.lang, 'invite.page.accept')} />
          ) : (
            <p>
              <a class="button" href={`/sign-in?next=${encodeURIComponent(`/invitations/${props.linkToken}`)}`}>
                {t(ctx.lang, 'invite.page.signIn')}
              </a>
            </p>
          )}
        </>
      )}
    </Layout>
  );
}
