/**
 * HTML routes of the clearinghouse: the catalogues (/offerings, /needs), one record, the create
 * and edit forms and the workflow steps. They call the same services as the API (which ask the
 * policy); forms go through the forms stage and answer a success with a redirect (303). A save
 * based on an old version comes back (409) with what changed since. /needs/new takes `country`,
 * `topic` and `evidence` from the query, as a country profile's gap links to it.
 */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import {
  EDITABLE_NEED_STATUSES,
  EDITABLE_OFFERING_STATUSES,
  NEED_TRANSITIONS,
  OFFERING_TRANSITIONS,
  transitionOf,
  transitionsFrom,
} from '../../../core/capacity/workflow.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { AppError } from '../../../http/app-error.js';
import { allowBody } from '../../../http/body-limit.js';
import type { AppEnv, Deps } from '../../../http/app-env.js';
import { actorOf } from '../../../http/authorise.js';
import { t } from '../../../i18n/i18n.js';
import {
  formToken,
  freshForm,
  handleForm,
  withError,
  type Choice,
  type FormError,
  type FormSpec,
  type FormState,
  type Posted,
} from '../../../platform/forms/index.js';
import type { NavEntry } from '../../../web/navigation.js';
import { pageContext } from '../../../web/page-context.js';
import { renderPage } from '../../../web/render.js';
import { membershipsOf } from '../../organisations/index.js';
import { searchNeeds, searchOfferings } from '../catalogue.js';
import type {
  NeedListQuerySchema,
  NeedPage as NeedResults,
  OfferingListQuerySchema,
  OfferingPage as OfferingResults,
} from '../list-schemas.js';
import { checkListQuery, FILTER_LABELS, problemsOf, quotable } from '../problem-text.js';
import * as needs from '../need-service.js';
import { EvidenceUrlSchema, type Need } from '../need-schemas.js';
import * as offerings from '../offering-service.js';
import type { Offering } from '../offering-schemas.js';
import { vocabulary } from '../vocabulary.js';
import { CataloguePage, filterElementId, NO_RESULTS, PAGE_FACETS, type CatalogueKind } from './catalogue-page.js';
import { NEED_FIELDS, OFFERING_FIELDS, postedOf, type FieldDef } from './form-fields.js';
import { RecordFormPage, type StaleChange } from './form-page.js';
import {
  NEED_CREATE_FORM,
  NEED_EDIT_FORM,
  NEED_TRANSITION_FORM,
  OFFERING_CREATE_FORM,
  OFFERING_EDIT_FORM,
  OFFERING_TRANSITION_FORM,
  REVIEW_FORM,
} from './form-specs.js';
import { NeedPage, OfferingPage, type Step } from './record-pages.js';
import { alertsPages } from '../alerts/alerts-pages.js';

type C = Context<AppEnv>;

/** The clearinghouse's entries in the main navigation. */
export const offeringsNav: NavEntry = { href: '/offerings', label: 'capacity.nav.offerings' };
export const needsNav: NavEntry = { href: '/needs', label: 'capacity.nav.needs' };

const html = (c: C, page: JSX.Element, status: ContentfulStatusCode = 200) => renderPage(c, page, status);
const asker = (c: C) => ({ actor: actorOf(c), requestId: c.get('requestId') });
const FORM_BODY_LIMIT = 512 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(c: C): string {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw new AppError('not-found', `Nothing at ${c.req.path}`);
  return id.toLowerCase();
}

function signInFirst(c: C, back = c.req.path): Response | undefined {
  return actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303) : undefined;
}

/** A list parameter given as repeated checkboxes (topics=a&topics=b) or comma-separated, as one comma-separated value. */
function listParameters(c: C): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    const joined = values.filter((v) => v !== '').join(',');
    if (joined !== '' && key !== 'format' && key !== 'limit') raw[key] = joined;
  }
  return raw;
}

/** A value as the stale-version screen shows it. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(shown).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Problems the service found (plausibility, vocabulary, a refusal) shown on their fields, in the reader's language. */
function serviceProblems(error: AppError, spec: FormSpec<unknown>, state: FormState): FormState {
  if (error.code === 'forbidden') return withError(state, spec, '', { key: 'error.forbidden.text' });
  let shownState = state;
  for (const problem of problemsOf(error)) {
    const name = spec.fields[problem.field] ? problem.field : '';
    // The first problem of a field is the one to fix first.
    if (!shownState.errors.some((e) => e.field === name)) shownState = withError(shownState, spec, name, problem.message);
  }
  if (shownState.errors.length === 0) return withError(state, spec, '', { key: 'forms.error.invalid' });
  // In the order of the fields on the page, as the forms stage lists the schema's problems.
  const order = Object.keys(spec.fields);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return { ...shownState, errors: shownState.errors.toSorted((a, b) => rank(a.field) - rank(b.field)) };
}

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : undefined);

/** The workflow steps `actor` may take on the record now, for its buttons. */
function steps(actor: Actor, kind: CatalogueKind, record: Offering | Need): Step[] {
  if (kind === 'offerings') {
    const o = record as Offering;
    const resource = { type: 'offering', ownerOrganisationId: o.provider.id, status: o.status } as const;
    return transitionsFrom(OFFERING_TRANSITIONS, o.status)
      .filter((name) => can(actor, name as keyof typeof OFFERING_TRANSITIONS, resource))
      .map((name) => ({ transition: name, reasonRequired: transitionOf(OFFERING_TRANSITIONS, name)?.reasonRequired ?? false }));
  }
  const n = record as Need;
  const resource = { type: 'need', ownerOrganisationId: n.requester.id, status: n.status, visibility: n.visibility } as const;
  return transitionsFrom(NEED_TRANSITIONS, n.status)
    .filter((name) => can(actor, name as keyof typeof NEED_TRANSITIONS, resource))
    .map((name) => ({ transition: name, reasonRequired: transitionOf(NEED_TRANSITIONS, name)?.reasonRequired ?? false }));
}

/** Whether `actor` may edit the record's content in its current status. */
function canEdit(actor: Actor, kind: CatalogueKind, record: Offering | Need): boolean {
  if (kind === 'offerings') {
    const o = record as Offering;
    return (
      EDITABLE_OFFERING_STATUSES.includes(o.status) &&
      can(actor, 'update', { type: 'offering', ownerOrganisationId: o.provider.id, status: o.status })
    );
  }
  const n = record as Need;
  return (
    EDITABLE_NEED_STATUSES.includes(n.status) &&
    can(actor, 'update', { type: 'need', ownerOrganisationId: n.requester.id, status: n.status, visibility: n.visibility })
  );
}

export function capacityPages(deps: Deps) {
  const { db } = deps;

  async function writableOrganisations(actor: Actor): Promise<Choice[]> {
    const userId = userIdOf(actor);
    if (!userId) return [];
    const memberships = await membershipsOf(db, userId, actor);
    return memberships
      .filter((m) => m.role === 'editor' || m.role === 'owner')
      .map((m) => ({ value: m.organisation.id, label: m.organisation.name }));
  }

  /**
   * A catalogue page. Filters that cannot be used (a control character, an unknown code, `to`
   * before `from` …) answer 400 with the page's error summary naming each filter and what to fix,
   * and search nothing — the API refuses the same (problem-text.ts).
   */
  async function catalogue(c: C, kind: CatalogueKind) {
    const actor = actorOf(c);
    const raw = listParameters(c);
    const checked = checkListQuery(kind, { ...raw, limit: '20' });
    const vocab = await vocabulary(db);
    let page: OfferingResults | NeedResults = NO_RESULTS;
    let errors: FormError[] = [];
    if (!checked.ok) errors = [...checked.state.errors];
    else {
      try {
        page =
          kind === 'offerings'
            ? await searchOfferings(db, actor, checked.data as z.infer<typeof OfferingListQuerySchema>)
            : await searchNeeds(db, actor, checked.data as z.infer<typeof NeedListQuerySchema>);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation-failed') throw error;
        errors = problemsOf(error).map((p) => ({ field: p.field, id: p.field, message: p.message }));
      }
    }
    // Each line names its filter and leads to it when the search form shows it.
    errors = errors.map((e) => {
      const id = filterElementId(kind, e.field);
      const label = FILTER_LABELS[e.field];
      return { field: id ? e.field : '', id: id ?? '', ...(label ? { label } : {}), message: e.message };
    });
    const selected = Object.fromEntries(
      PAGE_FACETS[kind].map((name) => [name, raw[name]?.split(',').map((value) => quotable(value)) ?? []]),
    );
    const { cursor: _cursor, ...rest } = raw;
    return html(
      c,
      <CataloguePage
        ctx={pageContext(c)}
        kind={kind}
        page={page}
        vocab={vocab}
        selected={selected}
        q={quotable(raw['q'] ?? '', 200)}
        sort={raw['sort'] ?? ''}
        country={(kind === 'offerings' ? raw['eligibleFor'] : raw['country'])?.toUpperCase() ?? ''}
        canCreate={actor.kind === 'user'}
        query={new URLSearchParams(rest).toString()}
        errors={errors}
        {...(actor.kind === 'user' ? { token: formToken(c) } : {})}
      />,
      errors.length > 0 ? 400 : 200,
    );
  }

  async function showRecord(c: C, kind: CatalogueKind, id: string, form?: FormState, status: ContentfulStatusCode = 200) {
    const actor = actorOf(c);
    const [record, vocab] = await Promise.all([
      kind === 'offerings' ? offerings.getOffering(db, actor, id) : needs.getNeed(db, actor, id),
      vocabulary(db),
    ]);
    const common = {
      ctx: pageContext(c),
      token: formToken(c),
      vocab,
      canEdit: canEdit(actor, kind, record),
      steps: steps(actor, kind, record),
      done: c.req.query('done') === '1',
      ...(form ? { form } : {}),
    };
    return html(
      c,
      kind === 'offerings' ? <OfferingPage {...common} offering={record as Offering} /> : <NeedPage {...common} need={record as Need} />,
      status,
    );
  }

  interface FormView {
    readonly kind: CatalogueKind;
    readonly form: FormState;
    readonly status: ContentfulStatusCode;
    readonly id?: string;
    readonly version?: number;
    readonly title?: string;
    readonly stale?: { version: number; changes: readonly StaleChange[] };
  }

  async function formPage(c: C, view: FormView) {
    const actor = actorOf(c);
    const lang = c.get('lang');
    const creating = view.id === undefined;
    const fields: readonly FieldDef[] = view.kind === 'offerings' ? OFFERING_FIELDS : NEED_FIELDS;
    const [vocab, organisations] = await Promise.all([
      vocabulary(db),
      creating ? writableOrganisations(actor) : Promise.resolve(undefined),
    ]);
    const title = creating
      ? t(lang, view.kind === 'offerings' ? 'capacity.offering.new' : 'capacity.need.new')
      : t(lang, 'capacity.editTitle', { title: view.title ?? '' });
    const lead = creating
      ? t(
          lang,
          organisations && organisations.length === 0
            ? 'capacity.form.noOrganisation'
            : view.kind === 'offerings'
              ? 'capacity.offering.newLead'
              : 'capacity.need.newLead',
        )
      : undefined;
    return html(
      c,
      <RecordFormPage
        ctx={pageContext(c)}
        token={formToken(c)}
        title={title}
        {...(lead ? { lead } : {})}
        action={creating ? `/${view.kind}` : `/${view.kind}/${view.id}/edit`}
        fields={fields}
        form={view.form}
        vocab={vocab}
        {...(organisations ? { organisations } : {})}
        {...(view.version !== undefined ? { version: view.version } : {})}
        {...(view.stale ? { stale: view.stale } : {})}
        submit={creating ? (view.kind === 'offerings' ? 'capacity.form.createOffering' : 'capacity.form.createNeed') : 'capacity.form.save'}
      />,
      view.status,
    );
  }

  /** /needs/new?country=NER&topic=cybersecurity&evidence=/countries/NER: what a country profile's gap links with; unknown values are left out. */
  async function needPrefill(c: C): Promise<Posted> {
    const vocab = await vocabulary(db);
    const values: Record<string, string> = { language: c.get('lang'), urgency: 'medium', visibility: 'public' };
    const country = (c.req.query('country') ?? '').toUpperCase();
    if (vocab.countries.has(country)) values['country'] = country;
    for (const topic of c.req.queries('topic') ?? []) if (vocab.topics.has(topic)) values[`topics.${topic}`] = 'on';
    const evidence = EvidenceUrlSchema.safeParse(c.req.query('evidence') ?? '');
    if (evidence.success && evidence.data !== '') values['evidenceUrl'] = evidence.data;
    return values;
  }

  function create(kind: CatalogueKind) {
    return async (c: C) => {
      const redirect = signInFirst(c, `/${kind}/new`);
      if (redirect) return redirect;
      const spec = (kind === 'offerings' ? OFFERING_CREATE_FORM : NEED_CREATE_FORM) as FormSpec<unknown>;
      const render = (form: FormState, status: ContentfulStatusCode) => formPage(c, { kind, form, status });
      return handleForm(c, {
        spec,
        render,
        run: async (data, posted) => {
          try {
            const created =
              kind === 'offerings'
                ? await offerings.createOffering(db, asker(c), data as Parameters<typeof offerings.createOffering>[2])
                : await needs.createNeed(db, asker(c), data as Parameters<typeof needs.createNeed>[2]);
            return c.redirect(`/${kind}/${created.id}?done=1`, 303);
          } catch (error) {
            if (error instanceof AppError && (error.code === 'validation-failed' || error.code === 'forbidden'))
              return render(serviceProblems(error, spec, { values: posted, errors: [] }), error.status as ContentfulStatusCode);
            throw error;
          }
        },
      });
    };
  }

  async function recordFor(c: C, kind: CatalogueKind, id: string): Promise<Offering | Need> {
    const actor = actorOf(c);
    const record = kind === 'offerings' ? await offerings.getOffering(db, actor, id) : await needs.getNeed(db, actor, id);
    if (!canEdit(actor, kind, record)) throw new AppError('forbidden', 'Only the editors of its organisation may change this now');
    return record;
  }

  function editForm(kind: CatalogueKind) {
    return async (c: C) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = idOf(c);
      const record = await recordFor(c, kind, id);
      const values = postedOf(kind === 'offerings' ? OFFERING_FIELDS : NEED_FIELDS, record as unknown as Record<string, unknown>);
      return formPage(c, { kind, id, form: freshForm(values), status: 200, version: record.version, title: record.title });
    };
  }

  function saveEdit(kind: CatalogueKind) {
    return async (c: C) => {
      const id = idOf(c);
      const redirect = signInFirst(c, `/${kind}/${id}/edit`);
      if (redirect) return redirect;
      const record = await recordFor(c, kind, id);
      const spec = (kind === 'offerings' ? OFFERING_EDIT_FORM : NEED_EDIT_FORM) as FormSpec<unknown>;
      const base = { kind, id, title: record.title, version: record.version };
      // The form keeps the version it was opened at, so that a stale save is still noticed after a correction.
      const render = (form: FormState, status: ContentfulStatusCode) =>
        formPage(c, { ...base, form, status, version: Number(form.values['version']) || record.version });
      return handleForm(c, {
        spec,
        render,
        run: async (data, posted) => {
          try {
            if (kind === 'offerings')
              await offerings.updateOffering(db, asker(c), id, data as Parameters<typeof offerings.updateOffering>[3]);
            else await needs.updateNeed(db, asker(c), id, data as Parameters<typeof needs.updateNeed>[3]);
            return c.redirect(`/${kind}/${id}?done=1`, 303);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            const state: FormState = { values: posted, errors: [] };
            const current = error.extensions['currentVersion'];
            if (error.code === 'conflict' && typeof current === 'number') {
              const changes = ((error.extensions['changes'] as { field: string; current: unknown }[] | undefined) ?? []).map((ch) => ({
                field: ch.field,
                current: shown(ch.current),
              }));
              return formPage(c, { ...base, form: state, status: 409, version: current, stale: { version: current, changes } });
            }
            if (error.code === 'validation-failed') return render(serviceProblems(error, spec, state), 400);
            throw error;
          }
        },
      });
    };
  }

  function step(kind: CatalogueKind) {
    return async (c: C) => {
      const id = idOf(c);
      const redirect = signInFirst(c, `/${kind}/${id}`);
      if (redirect) return redirect;
      const spec = (kind === 'offerings' ? OFFERING_TRANSITION_FORM : NEED_TRANSITION_FORM) as FormSpec<unknown>;
      return handleForm(c, {
        spec,
        render: (form, status) => showRecord(c, kind, id, form, status),
        refusals: [
          { code: 'validation-failed', field: 'body.reason', show: 'reason', message: 'capacity.error.reason' },
          { code: 'validation-failed', field: 'body.unmetReason', show: 'unmetReason', message: 'capacity.error.reason' },
          { code: 'conflict', show: '', message: 'capacity.error.conflict' },
        ],
        run: async (data) => {
          if (kind === 'offerings')
            await offerings.transitionOffering(db, asker(c), id, data as Parameters<typeof offerings.transitionOffering>[3]);
          else await needs.transitionNeed(db, asker(c), id, data as Parameters<typeof needs.transitionNeed>[3]);
          return c.redirect(`/${kind}/${id}?done=1`, 303);
        },
      });
    };
  }

  /** The provider's editor confirms a stale offering is still right (POST with CSRF; the service asks can() and audits). */
  async function confirmReviewed(c: C) {
    const id = idOf(c);
    const redirect = signInFirst(c, `/offerings/${id}`);
    if (redirect) return redirect;
    return handleForm(c, {
      spec: REVIEW_FORM as FormSpec<unknown>,
      render: (form, status) => showRecord(c, 'offerings', id, form, status),
      refusals: [{ code: 'conflict', show: '', message: 'clearinghouse.review.stale' }],
      run: async (data) => {
        await offerings.confirmOfferingReviewed(db, asker(c), id, (data as { version: number }).version);
        return c.redirect(`/offerings/${id}?done=1`, 303);
      },
    });
  }

  const app = new Hono<AppEnv>();
  app.route('/', alertsPages(deps));
  app.post('/offerings/:id/review', confirmReviewed);
  for (const kind of ['offerings', 'needs'] as const) {
    app
      .get(`/${kind}`, (c) => catalogue(c, kind))
      .get(`/${kind}/new`, async (c) => {
        const redirect = signInFirst(c);
        if (redirect) return redirect;
        const values = kind === 'needs' ? await needPrefill(c) : { language: c.get('lang') };
        return formPage(c, { kind, form: freshForm(values), status: 200 });
      })
      // A description may be 20,000 characters: up to 180 KB form-encoded in a non-Latin script.
      .post(`/${kind}`, allowBody(FORM_BODY_LIMIT), create(kind))
      .get(`/${kind}/:id`, (c) => showRecord(c, kind, idOf(c)))
      .get(`/${kind}/:id/edit`, editForm(kind))
      .post(`/${kind}/:id/edit`, allowBody(FORM_BODY_LIMIT), saveEdit(kind))
      .post(`/${kind}/:id/transitions`, step(kind));
  }
  return app;
}
