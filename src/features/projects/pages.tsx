/**
 * Pages: projects and initiatives (/projects: a plain GET form, facet links, the IATI download of
 * the filtered set) and one project (/projects/{id}: partners, roles with what they need, the team,
 * updates with comments, the IATI download, and for those allowed the people ranked for a role).
 */
import { t, type MessageKey } from '../../i18n/i18n.js';
import { ErrorSummary, Notice, type Choice, type FormError, type FormState, type FormToken } from '../../platform/forms/index.js';
import { Layout } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import { FacetList, PersonCard, filterState, withParam, type FacetLink, type Namer } from '../people/index.js';
import type { PageContext } from '../../web/layout.js';
import type { ProjectPage } from './catalogue.js';
import { CommentForm, UpdateForm } from './work-forms.js';
import { PROJECT_STATUSES, type CandidatePage, type Project, type ProjectSummary, type Update } from './schemas.js';

type Ctx = PageContext;
const FACET_VALUES = 8;

export interface ProjectFilters {
  readonly q: string;
  readonly countries: string;
  readonly sdgs: string;
  readonly topics: string;
  readonly status: string;
}

const statusLabel = (ctx: Ctx, status: string | null) =>
  status && (PROJECT_STATUSES as readonly string[]).includes(status)
    ? t(ctx.lang, `projects.status.${status}` as MessageKey)
    : (status ?? '—');
const period = (ctx: Ctx, from: string | null, to: string | null) =>
  from || to ? t(ctx.lang, 'projects.page.period', { from: from ?? '…', to: to ?? '…' }) : '—';
const money = (ctx: Ctx, budget: { amount: number; currency: string } | null) =>
  budget
    ? new Intl.NumberFormat(ctx.lang, { style: 'currency', currency: budget.currency, maximumFractionDigits: 0 }).format(budget.amount)
    : '—';

function ProjectCard(props: { ctx: Ctx; project: ProjectSummary; names: Namer }) {
  const { ctx, project, names } = props;
  return (
    <li>
      <h3>
        <a href={`/projects/${project.id}`}>{project.title}</a>
      </h3>
      <p>{project.lead.name}</p>
      <p>
        {statusLabel(ctx, project.status)} · {period(ctx, project.startDate, project.endDate)}
      </p>
      {project.countries.length > 0 ? <p>{project.countries.map(names.country).join(', ')}</p> : null}
      {project.demo ? <p class="hint">{t(ctx.lang, 'projects.page.demo')}</p> : null}
    </li>
  );
}

export function ProjectsPage(props: {
  ctx: Ctx;
  filters: ProjectFilters;
  page: ProjectPage | undefined;
  errors: readonly FormError[];
  names: Namer;
  topics: readonly Choice[];
  iatiHref: string;
}) {
  const { ctx, filters, page, names } = props;
  const lang = ctx.lang;
  const invalid = filterState(lang, props.errors);
  const title = t(lang, 'projects.page.title');
  const any = { value: '', label: t(lang, 'people.finder.any') };
  const facet = (name: string, param: keyof ProjectFilters, label: (v: string) => string): FacetLink[] =>
    (page?.facets.values[name] ?? []).slice(0, FACET_VALUES).map((v) => {
      const active = filters[param] === v.value;
      return { label: label(v.value), count: v.count, href: withParam(ctx.url, param, active ? undefined : v.value), active };
    });
  const select = (id: keyof ProjectFilters, label: string, options: readonly Choice[]) => (
    <div>
      <label for={id}>{label}</label>
      {invalid.line(id)}
      <select {...invalid.attrs(id)} id={id} name={id}>
        {[any, ...options].map((o) => (
          <option value={o.value} selected={o.value === filters[id]}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const sdgs = Array.from({ length: 17 }, (_, i) => ({ value: String(i + 1), label: t(lang, 'projects.page.sdg', { goal: i + 1 }) }));
  return (
    <Layout ctx={ctx} title={title} hasErrors={props.errors.length > 0}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'projects.page.lead')}</p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <form class="filters" method="get" action="/projects" role="search">
        <fieldset>
          <legend class="skip">{t(lang, 'projects.page.filters')}</legend>
          <div>
            <label for="q">{t(lang, 'people.finder.q')}</label>
            <input id="q" name="q" type="search" value={filters.q} maxlength={200} />
          </div>
          <div>
            <label for="countries">{t(lang, 'projects.page.country')}</label>
            {invalid.line('countries')}
            <input
              id="countries"
              name="countries"
              value={filters.countries}
              maxlength={4}
              size={6}
              aria-invalid={invalid.attrs('countries')['aria-invalid']}
              aria-describedby={['countries-hint', invalid.attrs('countries')['aria-describedby']].filter(Boolean).join(' ')}
            />
            <p class="hint" id="countries-hint">
              {t(lang, 'people.finder.countryHint')}
            </p>
          </div>
          {select('topics', t(lang, 'people.form.topics'), props.topics)}
          {select('sdgs', t(lang, 'projects.page.sdgs'), sdgs)}
          {select(
            'status',
            t(lang, 'projects.page.status'),
            PROJECT_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx, s) })),
          )}
          <button type="submit">{t(lang, 'people.finder.search')}</button>
          <a href="/projects">{t(lang, 'people.finder.reset')}</a>
        </fieldset>
      </form>
      {page ? (
        <>
          <p role="status">
            {page.total.exact
              ? t(lang, 'projects.page.found', { count: page.total.value })
              : t(lang, 'projects.page.foundAtLeast', { count: page.total.value })}{' '}
            <a href={props.iatiHref} download>
              {t(lang, 'projects.page.iatiAll')}
            </a>
          </p>
          <section aria-labelledby="refine">
            <h2 id="refine">{t(lang, 'people.finder.refine')}</h2>
            <FacetList
              ctx={ctx}
              id="facet-countries"
              title={t(lang, 'projects.page.country')}
              links={facet('countries', 'countries', names.country)}
            />
            <FacetList ctx={ctx} id="facet-topics" title={t(lang, 'people.form.topics')} links={facet('topics', 'topics', names.topic)} />
            <FacetList
              ctx={ctx}
              id="facet-sdgs"
              title={t(lang, 'projects.page.sdgs')}
              links={facet('sdgs', 'sdgs', (g) => t(lang, 'projects.page.sdg', { goal: Number(g) }))}
            />
            <FacetList
              ctx={ctx}
              id="facet-status"
              title={t(lang, 'projects.page.status')}
              links={facet('status', 'status', (s) => statusLabel(ctx, s))}
            />
          </section>
          <section aria-labelledby="results">
            <h2 id="results">{t(lang, 'projects.page.results')}</h2>
            {page.data.length === 0 ? (
              <p>{t(lang, 'projects.page.none')}</p>
            ) : (
              <ul class="cards">
                {page.data.map((p) => (
                  <ProjectCard ctx={ctx} project={p} names={names} />
                ))}
              </ul>
            )}
            {page.next ? (
              <p>
                <a href={withParam(ctx.url, 'cursor', page.next)} rel="next">
                  {t(lang, 'projects.page.more')}
                </a>
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </Layout>
  );
}

export interface ProjectView {
  readonly project: Project;
  readonly updates: readonly Update[];
  readonly may: { readonly findCandidates: boolean; readonly postUpdate: boolean; readonly comment: boolean; readonly update: boolean };
  /** The role whose candidates are shown, with them. */
  readonly candidates: { readonly roleId: string; readonly roleTitle: string; readonly page: CandidatePage } | undefined;
  /** Whether the reader is signed in (the learning link is theirs). */
  readonly signedIn: boolean;
}

/** The page's forms: the CSRF token, a notice after a redirect, and the form that failed (if one did). */
export interface ProjectForms {
  readonly token: FormToken;
  readonly notice: string | undefined;
  readonly update: FormState;
  /** The comment form that failed, by update id. */
  readonly comment: { readonly updateId: string; readonly form: FormState } | undefined;
}

export function ProjectDetailPage(props: { ctx: Ctx; view: ProjectView; names: Namer; forms: ProjectForms }) {
  const { ctx, names, forms } = props;
  const { project, updates, may, candidates } = props.view;
  const lang = ctx.lang;
  const failed = [...forms.update.errors, ...(forms.comment?.form.errors ?? [])];
  return (
    <Layout ctx={ctx} title={project.title} hasErrors={failed.length > 0}>
      <h1>{project.title}</h1>
      <Notice text={forms.notice} />
      <ErrorSummary lang={lang} errors={failed} />
      {may.update ? (
        <p>
          <a href={`/projects/${project.id}/edit`}>{t(lang, 'projects.edit.link')}</a>
        </p>
      ) : null}
      {project.demo ? <p class="notice">{t(lang, 'projects.page.demo')}</p> : null}
      {project.origin === 'iati' ? <p class="hint">{t(lang, 'projects.imported')}</p> : null}
      <dl class="facts">
        <dt>{t(lang, 'projects.page.lead_org')}</dt>
        <dd>{project.lead.name}</dd>
        {project.partners.length > 0 ? (
          <>
            <dt>{t(lang, 'projects.page.partners')}</dt>
            <dd>{project.partners.map((p) => `${p.name} (${t(lang, `projects.partnerRole.${p.role}` as MessageKey)})`).join(' · ')}</dd>
          </>
        ) : null}
        <dt>{t(lang, 'projects.page.status')}</dt>
        <dd>{statusLabel(ctx, project.status)}</dd>
        <dt>{t(lang, 'projects.page.dates')}</dt>
        <dd>{period(ctx, project.startDate, project.endDate)}</dd>
        <dt>{t(lang, 'projects.page.country')}</dt>
        <dd>{project.countries.length > 0 ? project.countries.map(names.country).join(', ') : '—'}</dd>
        <dt>{t(lang, 'projects.page.sdgs')}</dt>
        <dd>{project.sdgs.length > 0 ? project.sdgs.map((g) => t(lang, 'projects.page.sdg', { goal: Number(g) })).join(', ') : '—'}</dd>
        <dt>{t(lang, 'people.form.topics')}</dt>
        <dd>{project.topics.length > 0 ? project.topics.map(names.topic).join(', ') : '—'}</dd>
        <dt>{t(lang, 'projects.page.budget')}</dt>
        <dd>{money(ctx, project.budget)}</dd>
        <dt>{t(lang, 'projects.page.iati')}</dt>
        <dd>
          <code>{project.iatiIdentifier}</code>{' '}
          <a href={`/api/v1/projects/${project.id}?format=iati`} download>
            {t(lang, 'projects.page.iatiOne')}
          </a>
        </dd>
      </dl>
      {project.description ? <p>{project.description}</p> : null}

      <section aria-labelledby="roles">
        <h2 id="roles">{t(lang, 'projects.page.roles')}</h2>
        {project.roles.length === 0 ? (
          <p>{t(lang, 'projects.page.noRoles')}</p>
        ) : (
          <ul>
            {project.roles.map((role) => (
              <li>
                <h3>{role.title}</h3>
                <p>
                  {t(lang, 'projects.page.roleTime', { share: role.timeShare })} · {t(lang, `projects.role.${role.status}` as MessageKey)}
                </p>
                {role.digcomp.length + role.topics.length > 0 ? (
                  <p>
                    {t(lang, 'projects.page.needs')}:{' '}
                    {[
                      ...role.topics.map(names.topic),
                      ...role.digcomp.map((c) => `${names.digcomp(c.code)} (${t(lang, 'people.proficiency', { level: c.level })})`),
                    ].join('; ')}
                  </p>
                ) : null}
                {role.languages.length > 0 ? (
                  <p>
                    {t(lang, 'people.part.languages')}:{' '}
                    {role.languages
                      .map((l) => t(lang, 'people.languageWithLevel', { language: names.language(l.code), level: names.level(l.level) }))
                      .join(', ')}
                  </p>
                ) : null}
                <p>
                  {may.findCandidates ? (
                    <>
                      <a href={`/projects/${project.id}?role=${role.id}#candidates`}>{t(lang, 'projects.page.candidates')}</a>{' '}
                    </>
                  ) : null}
                  {props.view.signedIn ? <a href={`/me/learning?role=${role.id}`}>{t(lang, 'projects.page.learn')}</a> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {candidates ? (
        <section aria-labelledby="candidates">
          <h2 id="candidates">{t(lang, 'projects.page.candidatesFor', { role: candidates.roleTitle })}</h2>
          <p class="hint">{candidates.page.method}</p>
          {candidates.page.data.length === 0 ? (
            <p>{t(lang, 'people.finder.none')}</p>
          ) : (
            <ScrollRegion labelledBy="candidates">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'projects.page.person')}</th>
                    <th scope="col">{t(lang, 'projects.page.score')}</th>
                    <th scope="col">{t(lang, 'projects.page.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.page.data.map((c) => (
                    <tr>
                      <td>
                        <a href={`/people/${c.person.id}`}>{c.person.name}</a>
                      </td>
                      <td>{new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(c.score)}</td>
                      <td>
                        <ul>
                          {c.explanation.map((e) => (
                            <li>{e.text}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      ) : null}

      <section aria-labelledby="team">
        <h2 id="team">{t(lang, 'projects.page.team')}</h2>
        {project.team.members.length === 0 && project.team.others === 0 ? (
          <p>{t(lang, 'projects.page.noTeam')}</p>
        ) : (
          <ul class="cards">
            {project.team.members.map((m) => (
              <PersonCard ctx={ctx} person={m.person} names={names} headingLevel={3} />
            ))}
          </ul>
        )}
        {project.team.others > 0 ? <p>{t(lang, 'projects.team.others', { count: project.team.others })}</p> : null}
      </section>

      <section aria-labelledby="updates">
        <h2 id="updates">{t(lang, 'projects.page.updates')}</h2>
        {may.postUpdate ? (
          <UpdateForm
            lang={lang}
            projectId={project.id}
            token={forms.token}
            form={forms.update}
            names={names}
            projectLanguage={project.language}
          />
        ) : null}
        {updates.length === 0 ? (
          <p>{t(lang, 'projects.page.noUpdates')}</p>
        ) : (
          <ol>
            {updates.map((u) => (
              <li id={`update-${u.id}`}>
                <p>
                  <strong>{u.date}</strong>
                  {u.author ? ` · ${u.author.name}` : ''}
                </p>
                <p lang={u.language}>{u.body}</p>
                {u.comments.length > 0 ? (
                  <ul>
                    {u.comments.map((c) => (
                      <li>
                        {c.author ? `${c.author.name}: ` : ''}
                        {c.body}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {may.comment ? (
                  <CommentForm
                    lang={lang}
                    projectId={project.id}
                    updateId={u.id}
                    token={forms.token}
                    form={forms.comment?.updateId === u.id ? forms.comment.form : undefined}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {project.related.needs.length + project.related.offerings.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related">{t(lang, 'projects.page.related')}</h2>
          <ul>
            {project.related.needs.map((n) => (
              <li>{n.title}</li>
            ))}
            {project.related.offerings.map((o) => (
              <li>{o.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
