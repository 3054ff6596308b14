/** /me/learning and its two forms: add an offering to the plan, move an item on (signed in only). */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { t } from '../../i18n/i18n.js';
import { formToken, freshForm, handleForm, type FormState } from '../../platform/forms/index.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { namer, peopleVocabulary } from '../people/index.js';
import { ADD_FORM, STATUS_FORM } from './form-schemas.js';
import { LearningPage } from './pages.js';
import { addToPlan, learningView, setItemStatus } from './service.js';

type C = Context<AppEnv>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const signInFirst = (c: C) =>
  actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303) : undefined;
const asker = (c: C) => ({ actor: actorOf(c), requestId: c.get('requestId') });

export function learningPages({ db }: Deps) {
  async function show(c: C, form: FormState, status: ContentfulStatusCode) {
    const ctx = pageContext(c);
    const role = c.req.query('role');
    const view = await learningView(db, actorOf(c), role && UUID.test(role) ? role.toLowerCase() : undefined);
    const names = namer(ctx.lang, await peopleVocabulary(db));
    const done = c.req.query('done');
    const notice =
      done === 'added'
        ? t(ctx.lang, 'people.learning.added')
        : done === 'raised'
          ? t(ctx.lang, 'people.learning.raised')
          : done === 'saved'
            ? t(ctx.lang, 'people.learning.saved')
            : undefined;
    return renderPage(c, <LearningPage ctx={ctx} token={formToken(c)} view={view} names={names} form={form} notice={notice} />, status);
  }

  return new Hono<AppEnv>()
    .get('/me/learning', async (c) => signInFirst(c) ?? show(c, freshForm(), 200))
    .post('/me/learning/items', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      return handleForm(c, {
        spec: ADD_FORM,
        render: (form, status) => show(c, form, status),
        refusals: [{ code: 'not-found', show: '', message: 'people.learning.gone' }],
        run: async (input) => {
          await addToPlan(db, asker(c), input);
          return c.redirect(`/me/learning?done=added${input.roleId ? `&role=${input.roleId}` : ''}#plan`, 303);
        },
      });
    })
    .post('/me/learning/items/:id', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = c.req.param('id');
      if (!UUID.test(id)) throw new AppError('not-found', `Nothing at ${c.req.path}`);
      return handleForm(c, {
        spec: STATUS_FORM,
        render: (form, status) => show(c, form, status),
        run: async ({ status }) => {
          const { raised } = await setItemStatus(db, asker(c), id, status);
          return c.redirect(`/me/learning?done=${raised.length > 0 ? 'raised' : 'saved'}#plan`, 303);
        },
      });
    });
}
