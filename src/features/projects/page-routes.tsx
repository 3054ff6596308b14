/**
 * HTML routes of the projects feature: /projects (a GET form over the same search as the API,
 * with the IATI download of the filtered set) and /projects/{id} (with, for those the policy lets
 * find candidates, the people ranked for one role: `?role=ID`).
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import type { NavEntry } from '../../web/navigation.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import type { FormError } from '../../platform/forms/index.js';
import { filterErrors, namer, peopleVocabulary, refusalOf, type FilterField } from '../people/index.js';
import { roleCandidates } from './candidates.js';
import { ProjectListQuerySchema, searchProjects } from './catalogue.js';
import { ProjectDetailPage, ProjectsPage, type ProjectFilters } from './pages.js';
import { ProjectParamsSchema } from './schemas.js';
import { getProject } from './service.js';
import { projectAbilities } from './support.js';
import { listUpdates } from './work.js';

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

export function projectPages({ db }: Deps) {
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
    .get('/projects/:id', async (c) => {
      const parsed = ProjectParamsSchema.safeParse({ id: c.req.param('id') });
      if (!parsed.success) throw new AppError('not-found', `Nothing at ${c.req.path}`);
      const id = parsed.data.id;
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
      return renderPage(c, <ProjectDetailPage ctx={ctx} view={view} names={namer(ctx.lang, vocab)} />);
    });
}
