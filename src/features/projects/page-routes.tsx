/**
 * HTML routes of the projects feature: /projects (a GET form over the same search as the API,
 * with the IATI download of the filtered set), /projects/{id} (with, for those the policy lets
 * find candidates, the people ranked for one role: `?role=ID`; the forms to post an update and to
 * comment on one), and /projects/{id}/edit (the project's main facts, saved with the version read).
 * Every form goes through the forms stage and calls the API's service, so can(), the audit and the
 * 409 on a stale version are the API's.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import type { NavEntry } from '../../web/navigation.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { formToken, freshForm, handleForm, withError, type FormError, type FormState } from '../../platform/forms/index.js';
import { filterErrors, namer, peopleVocabulary, refusalOf, type FilterField } from '../people/index.js';
import { roleCandidates } from './candidates.js';
import { ProjectListQuerySchema, searchProjects } from './catalogue.js';
import { ProjectDetailPage, ProjectsPage, type ProjectFilters } from './pages.js';
import { ProjectParamsSchema } from './schemas.js';
import { ProjectEditPage } from './edit-page.js';
import { changedFields, commentForm, postedOfProject, PROJECT_EDIT_FORM, UPDATE_FORM } from './form-schemas.js';
import { getProject, updateProject } from './service.js';
import { projectAbilities } from './support.js';
import { listUpdates, postComment, postUpdate } from './work.js';

type C = Context<AppEnv>;

/** The projects' entry in the main navigation. */
export const projectsNav: NavEntry = { href: '/projects', label: 'projects.nav' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function filtersOf(c: C): ProjectFilters {
  const q = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 200);
  return { q: q('q'), countries: q('countries'), sdgs: q('sdgs'), topics: q('topics'), status: q('status') };
}

/** The list's fields by the API parameter they fill: where a refusal is shown and what it says. */
const LIST_FIELDS: Readonly<Record<string, FilterField>> = {
  q: { id: 'q', label: 'people.finder.q', message: 'people.finder.error.q' },
  countries: { id: 'countries', label: 'projects.page.country', message: 'people.finder.error.country' },
  topics: { id: 'topics', label: 'people.form.topics', message: 'people.finder.error.topics' },
  sdgs: { id: 'sdgs', label: 'projects.page.sdgs', message: 'projects.page.error.sdgs' },
  status: { id: 'status', label: 'projects.page.status', message: 'projects.page.error.status' },
};

/** The filters as the API's query string (blank ones left out). */
function apiParams(filters: ProjectFilters): URLSearchParams {
  return new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
}

const NOTICES: Readonly<Record<string, MessageKey>> = {
  update: 'projects.updates.posted',
  comment: 'projects.comments.posted',
  saved: 'projects.edit.saved',
  unchanged: 'projects.edit.unchanged',
};

/** The project id of the path, or a 404 for one that cannot be. */
function idOf(c: C): string {
  const parsed = ProjectParamsSchema.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw new AppError('not-found', `Nothing at ${c.req.path}`);
  return parsed.data.id;
}

const asker = (c: C) => ({ actor: actorOf(c), requestId: c.get('requestId') });

export function projectPages({ db }: Deps) {
  async function showProject(
    c: C,
    id: string,
    failed: { update?: FormState; comment?: { updateId: string; form: FormState } },
    status: ContentfulStatusCode,
  ) {
    const actor = actorOf(c);
    const ctx = pageContext(c);
    const [project, updates, may, vocab] = await Promise.all([
      getProject(db, actor, id, ctx.lang),
      listUpdates(db, actor, id),
      projectAbilities(db, actor, id),
      peopleVocabulary(db),
    ]);
    const roleId = c.req.query('role');
    const role = roleId && UUID.test(roleId) ? project.roles.find((r) => r.id === roleId.toLowerCase()) : undefined;
    const candidates =
      role && may.findCandidates
        ? { roleId: role.id, roleTitle: role.title, page: await roleCandidates(db, { actor }, id, role.id, { limit: 10 }, ctx.lang) }
        : undefined;
    const view = { project, updates, may, candidates, signedIn: actor.kind === 'user' };
    const done = NOTICES[c.req.query('done') ?? ''];
    const forms = {
      token: formToken(c),
      notice: done ? t(ctx.lang, done) : undefined,
      update: failed.update ?? freshForm({ date: new Date().toISOString().slice(0, 10), language: ctx.lang }),
      comment: failed.comment,
    };
    return renderPage(c, <ProjectDetailPage ctx={ctx} view={view} names={namer(ctx.lang, vocab)} forms={forms} />, status);
  }

  async function showEdit(c: C, id: string, form: FormState | undefined, status: ContentfulStatusCode) {
    const actor = actorOf(c);
    const ctx = pageContext(c);
    const [project, may, vocab] = await Promise.all([
      getProject(db, actor, id, ctx.lang),
      projectAbilities(db, actor, id),
      peopleVocabulary(db),
    ]);
    if (!may.update) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden', 'You may not edit this project');
    const current = postedOfProject(project);
    // After a 409 the form keeps what was typed, with the version now current: saving again is a choice made knowingly.
    const shown = form ? { ...form, values: { ...form.values, version: current['version']! } } : freshForm(current);
    const page = (
      <ProjectEditPage
        ctx={ctx}
        token={formToken(c)}
        projectId={id}
        projectTitle={project.title}
        projectLanguage={project.language}
        form={shown}
        names={namer(ctx.lang, vocab)}
      />
    );
    return renderPage(c, page, status);
  }

  return new Hono<AppEnv>()
    .get('/projects', async (c) => {
      const ctx = pageContext(c);
      const filters = filtersOf(c);
      const vocab = await peopleVocabulary(db);
      const names = namer(ctx.lang, vocab);
      const collator = new Intl.Collator(ctx.lang);
      const topics = [...vocab.topics.keys()]
        .map((code) => ({ value: code, label: names.topic(code) }))
        .toSorted((a, b) => collator.compare(a.label, b.label));
      const params = apiParams(filters);
      const parsed = ProjectListQuerySchema.safeParse({ ...Object.fromEntries(params), cursor: c.req.query('cursor'), limit: '20' });
      let errors: FormError[] = parsed.success ? [] : filterErrors(parsed.error, LIST_FIELDS, 'people.finder.error.cursor');
      let page;
      if (parsed.success) {
        page = await searchProjects(db, actorOf(c), parsed.data, ctx.lang).catch((error: unknown) => {
          errors = filterErrors(refusalOf(error), LIST_FIELDS, 'people.finder.error.cursor');
          return undefined;
        });
      }
      params.set('format', 'iati');
      const html = (
        <ProjectsPage
          ctx={ctx}
          filters={filters}
          page={page}
          errors={errors}
          names={names}
          topics={topics}
          iatiHref={`/api/v1/projects?${params.toString()}`}
        />
      );
      return renderPage(c, html, errors.length > 0 ? 400 : 200);
    })
    .get('/projects/:id', async (c) => showProject(c, idOf(c), {}, 200))
    .post('/projects/:id/updates', async (c) => {
      const id = idOf(c);
      return handleForm(c, {
        spec: UPDATE_FORM,
        render: (form, status) => showProject(c, id, { update: form }, status),
        run: async (input) => {
          await postUpdate(db, asker(c), id, input);
          return c.redirect(`/projects/${id}?done=update#updates`, 303);
        },
      });
    })
    .post('/projects/:id/updates/:updateId/comments', async (c) => {
      const id = idOf(c);
      const updateId = c.req.param('updateId');
      if (!UUID.test(updateId)) throw new AppError('not-found', `Nothing at ${c.req.path}`);
      return handleForm(c, {
        spec: commentForm(updateId),
        render: (form, status) => showProject(c, id, { comment: { updateId, form } }, status),
        run: async (input) => {
          await postComment(db, asker(c), id, updateId, input);
          return c.redirect(`/projects/${id}?done=comment#update-${updateId}`, 303);
        },
      });
    })
    .get('/projects/:id/edit', async (c) => showEdit(c, idOf(c), undefined, 200))
    .post('/projects/:id/edit', async (c) => {
      const id = idOf(c);
      return handleForm(c, {
        spec: PROJECT_EDIT_FORM,
        render: (form, status) => showEdit(c, id, form, status),
        refusals: [{ code: 'conflict', show: '', message: 'projects.edit.stale' }],
        run: async (patch, posted) => {
          const current = await getProject(db, actorOf(c), id, 'en');
          const changed = changedFields(patch, posted, postedOfProject(current));
          if (!changed) return c.redirect(`/projects/${id}?done=unchanged`, 303);
          try {
            await updateProject(db, asker(c), id, changed, pageContext(c).lang);
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'validation-failed') throw error;
            // The service's own checks (a topic not in the vocabulary, the end before the start), on their fields.
            let state: FormState = { values: posted, errors: [] };
            for (const f of error.fields) {
              const field = f.field.split('.')[1] ?? '';
              state = withError(state, PROJECT_EDIT_FORM, field in PROJECT_EDIT_FORM.fields ? field : '', { key: 'forms.error.invalid' });
            }
            return showEdit(c, id, state, 400);
          }
          return c.redirect(`/projects/${id}?done=saved`, 303);
        },
      });
    });
}
