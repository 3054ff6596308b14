/**
 * /alerts: a signed-in person's saved searches, each with its link and a delete button; POST
 * /alerts saves the search a catalogue page shows (its form carries the kind and the query);
 * POST /alerts/{id}/delete deletes one's own. Forms of the forms stage, CSRF-checked, 303 after.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../../http/app-error.js';
import type { AppEnv, Deps } from '../../../http/app-env.js';
import { actorOf } from '../../../http/authorise.js';
import { t } from '../../../i18n/i18n.js';
import { ActionButton, formToken, handleForm, Notice, type FormSpec, type FormToken } from '../../../platform/forms/index.js';
import { Layout, type PageContext } from '../../../web/layout.js';
import { pageContext } from '../../../web/page-context.js';
import { renderPage } from '../../../web/render.js';
import { deleteSavedSearch, describeQuery, listSavedSearches, saveSearch, type SavedSearch } from './saved-searches.js';

type C = Context<AppEnv>;

const SAVE_FORM: FormSpec<{ kind: 'offerings' | 'needs'; query: string }> = {
  schema: z.object({ kind: z.enum(['offerings', 'needs']), query: z.string().max(2000) }),
  fields: {},
};
const BUTTON: FormSpec<object> = { schema: z.object({}), fields: {} };

function AlertsPage(props: { ctx: PageContext; token: FormToken; searches: readonly SavedSearch[]; saved: boolean }) {
  const { ctx } = props;
  const lang = ctx.lang;
  const title = t(lang, 'capacity.alerts.title');
  return (
    <Layout ctx={ctx} title={title}>
      {props.saved ? <Notice text={t(lang, 'capacity.alerts.saved')} /> : null}
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'capacity.alerts.lead')}</p>
      {props.searches.length === 0 ? (
        <p>{t(lang, 'capacity.alerts.none')}</p>
      ) : (
        <ul class="stack-list">
          {props.searches.map((s) => (
            <li>
              <a href={`/${s.kind}?${new URLSearchParams(s.query).toString()}`}>
                {t(lang, s.kind === 'offerings' ? 'capacity.alerts.kind.offerings' : 'capacity.alerts.kind.needs')}:{' '}
                {describeQuery(s.query)}
              </a>{' '}
              <ActionButton action={`/alerts/${s.id}/delete`} token={props.token} label={t(lang, 'capacity.alerts.delete')} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The form a catalogue page shows a signed-in person to save its search. */
export function SaveSearchForm(props: { lang: PageContext['lang']; token: FormToken; kind: 'offerings' | 'needs'; query: string }) {
  return (
    <ActionButton action="/alerts" token={props.token} label={t(props.lang, 'capacity.alerts.save')}>
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="query" value={props.query} />
    </ActionButton>
  );
}

function signInFirst(c: C): Response | undefined {
  return actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent('/alerts')}`, 303) : undefined;
}

export function alertsPages({ db }: Deps) {
  const show = async (c: C) =>
    renderPage(
      c,
      <AlertsPage
        ctx={pageContext(c)}
        token={formToken(c)}
        searches={await listSavedSearches(db, actorOf(c))}
        saved={c.req.query('saved') === '1'}
      />,
    );
  return new Hono<AppEnv>()
    .get('/alerts', async (c) => signInFirst(c) ?? show(c))
    .post('/alerts', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      return handleForm(c, {
        spec: SAVE_FORM,
        render: () => {
          throw new AppError('validation-failed', 'kind: give offerings or needs, and the search as a query string');
        },
        run: async ({ kind, query }) => {
          await saveSearch(db, actorOf(c), kind, Object.fromEntries(new URLSearchParams(query)));
          return c.redirect('/alerts?saved=1', 303);
        },
      });
    })
    .post('/alerts/:id/delete', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = c.req.param('id');
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not-found', `Nothing at ${c.req.path}`);
      return handleForm(c, {
        spec: BUTTON,
        render: () => show(c),
        run: async () => {
          await deleteSavedSearch(db, actorOf(c), id);
          return c.redirect('/alerts', 303);
        },
      });
    });
}
