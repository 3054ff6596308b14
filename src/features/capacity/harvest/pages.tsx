/**
 * The harvested catalogues of a provider, as pages (issue 10): its editors and owners (and
 * admins) register a catalogue's address and format, see every source with its last result, and
 * on a source's page change or remove it, harvest it now and read its last runs with what each
 * could not read, item by item. The same services as /api/v1/offering-sources (they ask the
 * policy); forms of the forms stage (CSRF, error summary), 303 after a success; no JavaScript.
 *   GET  /offering-sources?organisation=ID   the list and the register form
 *   POST /offering-sources                   register
 *   GET  /offering-sources/{id}              one source: edit form, harvest now, remove, runs
 *   POST /offering-sources/{id}              change · /harvest · /delete
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { can } from '../../../core/policy/policy.js';
import { AppError } from '../../../http/app-error.js';
import type { AppEnv, Deps } from '../../../http/app-env.js';
import { actorOf } from '../../../http/authorise.js';
import { t } from '../../../i18n/i18n.js';
import {
  ActionButton,
  ErrorSummary,
  Form,
  freshForm,
  handleForm,
  hasErrors,
  Notice,
  RadioGroup,
  SelectField,
  TextField,
  errorOf,
  formToken,
  type FormSpec,
  type FormState,
  type FormToken,
} from '../../../platform/forms/index.js';
import type { Language } from '../../../shared/localised.js';
import { Layout, type PageContext } from '../../../web/layout.js';
import { pageContext } from '../../../web/page-context.js';
import { renderPage } from '../../../web/render.js';
import { listCodes, listLabel, topicLabel } from '../pages/labels.js';
import { listCode, TopicCodeSchema, UrlSchema } from '../schema-parts.js';
import { organisationName } from '../shared-repository.js';
import { vocabulary, type Vocabulary } from '../vocabulary.js';
import { harvestSource, type HarvestReport } from './harvest.js';
import { SOURCE_FORMATS } from './read-catalogue.js';
import { changeSource, listSources, registerSource, removeSource, sourceFor, sourceRuns, type OfferingSource } from './sources.js';

type C = Context<AppEnv>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Problems shown per run; the API gives them all. */
const SHOWN_PROBLEMS = 50;

const SOURCE_FIELDS = {
  url: UrlSchema,
  format: z.enum(SOURCE_FORMATS),
  defaultTopic: TopicCodeSchema,
  defaultAudience: listCode('audiences'),
};
type SourceForm = { url: string; format: (typeof SOURCE_FORMATS)[number]; defaultTopic: string; defaultAudience: string };
const FIELDS = {
  url: { label: 'harvest.field.url', messages: { url: 'forms.error.url' } },
  format: { label: 'harvest.field.format' },
  defaultTopic: { label: 'harvest.field.defaultTopic' },
  defaultAudience: { label: 'harvest.field.defaultAudience' },
} as const;
const EDIT_FORM: FormSpec<SourceForm> = { schema: z.object(SOURCE_FIELDS), fields: FIELDS };
const REGISTER_FORM: FormSpec<SourceForm & { organisation: string }> = {
  schema: z.object({ organisation: z.uuid(), ...SOURCE_FIELDS }),
  fields: { ...FIELDS, organisation: { label: 'capacity.field.organisation' } },
};
const BUTTON: FormSpec<object> = { schema: z.object({}), fields: {} };
const TAKEN = [{ code: 'conflict' as const, field: 'body.url', show: 'url', message: 'harvest.error.taken' as const }];
const BAD_TOPIC = [
  { code: 'validation-failed' as const, field: 'body.defaultTopics', show: 'defaultTopic', message: 'forms.error.choice' as const },
];

function SourceFields(props: { lang: Language; vocab: Vocabulary; form: FormState }) {
  const { lang, form } = props;
  const v = form.values;
  const choose = { value: '', label: t(lang, 'capacity.form.choose') };
  return (
    <>
      <TextField
        lang={lang}
        name="url"
        type="url"
        autocomplete="url"
        label="harvest.field.url"
        hint="harvest.field.url.hint"
        value={v['url']}
        error={errorOf(form, 'url')}
        maxlength={2000}
      />
      <RadioGroup
        lang={lang}
        name="format"
        label="harvest.field.format"
        value={v['format'] ?? 'json-ld'}
        error={errorOf(form, 'format')}
        options={SOURCE_FORMATS.map((f) => ({ value: f, label: t(lang, f === 'csv' ? 'harvest.format.csv' : 'harvest.format.jsonLd') }))}
      />
      <SelectField
        lang={lang}
        name="defaultTopic"
        label="harvest.field.defaultTopic"
        hint="harvest.field.defaults.hint"
        value={v['defaultTopic']}
        error={errorOf(form, 'defaultTopic')}
        options={[choose, ...[...props.vocab.topics.keys()].map((code) => ({ value: code, label: topicLabel(lang, props.vocab, code) }))]}
      />
      <SelectField
        lang={lang}
        name="defaultAudience"
        label="harvest.field.defaultAudience"
        value={v['defaultAudience']}
        error={errorOf(form, 'defaultAudience')}
        options={[choose, ...listCodes('audiences').map((code) => ({ value: code, label: listLabel(lang, 'audiences', code) }))]}
      />
    </>
  );
}

/** One run in a sentence, and what it could not read. */
function RunReport(props: { lang: Language; report: HarvestReport }) {
  const { lang, report } = props;
  const when = new Date(report.ranAt).toISOString().slice(0, 16).replace('T', ' ');
  return (
    <div>
      <p>
        <time datetime={report.ranAt}>{when} UTC</time>
        {' · '}
        {report.error
          ? t(lang, 'harvest.run.failed', { error: report.error })
          : t(lang, 'harvest.run.summary', {
              items: report.items,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              archived: report.archived,
            })}
      </p>
      {report.problems.length > 0 ? (
        <details>
          <summary>{t(lang, 'harvest.run.problems', { count: report.problems.length })}</summary>
          <ul>
            {report.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
              <li>
                {t(lang, 'harvest.run.item', { position: p.position })}
                {p.key ? (
                  <>
                    {' '}
                    <code dir="ltr">{p.key}</code>
                  </>
                ) : null}
                : {p.message}
              </li>
            ))}
          </ul>
          {report.problems.length > SHOWN_PROBLEMS ? (
            <p>{t(lang, 'harvest.run.more', { count: report.problems.length - SHOWN_PROBLEMS })}</p>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}

function ListPage(props: {
  ctx: PageContext;
  token: FormToken;
  vocab: Vocabulary;
  organisation: { id: string; name: string };
  sources: readonly OfferingSource[];
  form: FormState;
  notice?: string | undefined;
}) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const title = t(lang, 'harvest.list.title', { organisation: props.organisation.name });
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <Notice text={props.notice} />
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'harvest.list.lead')}</p>
      {props.sources.length === 0 ? (
        <p>{t(lang, 'harvest.list.none')}</p>
      ) : (
        <ul class="stack-list">
          {props.sources.map((s) => (
            <li>
              <a href={`/offering-sources/${s.id}`} dir="ltr">
                {s.url}
              </a>{' '}
              ({t(lang, s.format === 'csv' ? 'harvest.format.csv' : 'harvest.format.jsonLd')})
              {s.lastReport ? <RunReport lang={lang} report={s.lastReport} /> : <p>{t(lang, 'harvest.run.never')}</p>}
            </li>
          ))}
        </ul>
      )}
      <h2 id="register">{t(lang, 'harvest.register.title')}</h2>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/offering-sources" token={props.token} aria-labelledby="register">
        <input type="hidden" name="organisation" value={props.organisation.id} />
        <SourceFields lang={lang} vocab={props.vocab} form={form} />
        <button type="submit">{t(lang, 'harvest.register.submit')}</button>
      </Form>
    </Layout>
  );
}

function SourcePage(props: {
  ctx: PageContext;
  token: FormToken;
  vocab: Vocabulary;
  source: OfferingSource;
  organisationName: string;
  runs: readonly HarvestReport[];
  form: FormState;
  notice?: string | undefined;
}) {
  const { ctx, source, form } = props;
  const lang = ctx.lang;
  const title = t(lang, 'harvest.source.title');
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <Notice text={props.notice} />
      <p>
        <a href={`/offering-sources?organisation=${source.organisationId}`}>
          {t(lang, 'harvest.list.title', { organisation: props.organisationName })}
        </a>
      </p>
      <h1>{title}</h1>
      <p class="lead" dir="ltr">
        {source.url}
      </p>
      <ActionButton action={`/offering-sources/${source.id}/harvest`} token={props.token} label={t(lang, 'harvest.source.harvestNow')} />
      <h2 id="runs">{t(lang, 'harvest.source.runs')}</h2>
      {props.runs.length === 0 ? (
        <p>{t(lang, 'harvest.run.never')}</p>
      ) : (
        <ol class="stack-list">
          {props.runs.map((report) => (
            <li>
              <RunReport lang={lang} report={report} />
            </li>
          ))}
        </ol>
      )}
      <h2 id="change">{t(lang, 'harvest.source.change')}</h2>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action={`/offering-sources/${source.id}`} token={props.token} aria-labelledby="change">
        <SourceFields lang={lang} vocab={props.vocab} form={form} />
        <button type="submit">{t(lang, 'harvest.source.save')}</button>
      </Form>
      <h2>{t(lang, 'harvest.source.remove')}</h2>
      <p>{t(lang, 'harvest.source.removeHint')}</p>
      <ActionButton action={`/offering-sources/${source.id}/delete`} token={props.token} label={t(lang, 'harvest.source.remove')} />
    </Layout>
  );
}

const NOTICES = {
  registered: 'harvest.notice.registered',
  saved: 'harvest.notice.saved',
  harvested: 'harvest.notice.harvested',
  removed: 'harvest.notice.removed',
} as const;
const noticeOf = (c: C) => {
  const key = NOTICES[c.req.query('done') as keyof typeof NOTICES];
  return key ? t(pageContext(c).lang, key) : undefined;
};

function signInFirst(c: C): Response | undefined {
  const back = `${c.req.path}${new URL(c.req.url).search}`;
  return actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303) : undefined;
}

function idOf(c: C): string {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw new AppError('not-found', `Nothing at ${c.req.path}`);
  return id.toLowerCase();
}

/** The organisation the list is for: the one asked for, or the first the person edits for. */
function organisationOf(c: C, asked: string | undefined): string {
  if (asked !== undefined) {
    if (!UUID.test(asked)) throw new AppError('validation-failed', 'organisation: give the id of a provider organisation');
    return asked.toLowerCase();
  }
  const actor = actorOf(c);
  const mine =
    actor.kind === 'user'
      ? actor.memberships.find((m) => can(actor, 'create', { type: 'offering', ownerOrganisationId: m.organisationId, status: 'draft' }))
      : undefined;
  if (!mine) throw new AppError('forbidden', 'Only the editors and owners of a provider organisation register its catalogues');
  return mine.organisationId;
}

const sourceValues = (s: OfferingSource) => ({
  url: s.url,
  format: s.format,
  defaultTopic: s.defaultTopics[0] ?? '',
  defaultAudience: s.defaultAudiences[0] ?? '',
});

/** The service's input from the page's form (one default topic and audience on the page; the API takes up to five). */
const fromForm = (f: SourceForm) => ({
  url: f.url,
  format: f.format,
  defaultTopics: [f.defaultTopic],
  defaultAudiences: [f.defaultAudience],
});

export function harvestPages({ db, config }: Deps) {
  const showList = async (
    c: C,
    organisationId: string,
    form: FormState = freshForm({ format: 'json-ld' }),
    status: 200 | 400 | 409 = 200,
  ) => {
    const sources = await listSources(db, actorOf(c), organisationId);
    const name = await organisationName(db, organisationId);
    if (!name) throw new AppError('not-found', `No organisation with id "${organisationId}"`);
    const page = (
      <ListPage
        ctx={pageContext(c)}
        token={formToken(c)}
        vocab={await vocabulary(db)}
        organisation={{ id: organisationId, name }}
        sources={sources}
        form={form}
        notice={noticeOf(c)}
      />
    );
    return renderPage(c, page, status);
  };
  const showSource = async (c: C, id: string, form?: FormState, status: 200 | 400 | 409 = 200) => {
    const source = await sourceFor(db, actorOf(c), id);
    const page = (
      <SourcePage
        ctx={pageContext(c)}
        token={formToken(c)}
        vocab={await vocabulary(db)}
        source={source}
        organisationName={(await organisationName(db, source.organisationId)) ?? ''}
        runs={await sourceRuns(db, actorOf(c), id)}
        form={form ?? freshForm(sourceValues(source))}
        notice={noticeOf(c)}
      />
    );
    return renderPage(c, page, status);
  };

  return new Hono<AppEnv>()
    .get('/offering-sources', async (c) => signInFirst(c) ?? showList(c, organisationOf(c, c.req.query('organisation'))))
    .post('/offering-sources', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      return handleForm(c, {
        spec: REGISTER_FORM,
        render: (state, status) => {
          const asked = state.values['organisation'];
          return showList(c, organisationOf(c, asked && UUID.test(asked) ? asked : undefined), state, status as 400);
        },
        run: async (f) => {
          const source = await registerSource(db, actorOf(c), { providerOrganisationId: f.organisation, ...fromForm(f) });
          return c.redirect(`/offering-sources/${source.id}?done=registered`, 303);
        },
        refusals: [...TAKEN, ...BAD_TOPIC],
      });
    })
    .get('/offering-sources/:id', async (c) => signInFirst(c) ?? showSource(c, idOf(c)))
    .post('/offering-sources/:id', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = idOf(c);
      return handleForm(c, {
        spec: EDIT_FORM,
        render: (state, status) => showSource(c, id, state, status as 400),
        run: async (f) => {
          await changeSource(db, actorOf(c), id, fromForm(f));
          return c.redirect(`/offering-sources/${id}?done=saved`, 303);
        },
        refusals: [...TAKEN, ...BAD_TOPIC],
      });
    })
    .post('/offering-sources/:id/harvest', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = idOf(c);
      return handleForm(c, {
        spec: BUTTON,
        render: () => showSource(c, id),
        run: async () => {
          await harvestSource(db, actorOf(c), id, { allowPrivate: config.harvestPrivateAddresses });
          return c.redirect(`/offering-sources/${id}?done=harvested#runs`, 303);
        },
      });
    })
    .post('/offering-sources/:id/delete', async (c) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = idOf(c);
      return handleForm(c, {
        spec: BUTTON,
        render: () => showSource(c, id),
        run: async () => {
          const source = await sourceFor(db, actorOf(c), id);
          await removeSource(db, actorOf(c), id);
          return c.redirect(`/offering-sources?organisation=${source.organisationId}&done=removed`, 303);
        },
      });
    });
}
