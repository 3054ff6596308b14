/**
 * HTML routes of matching and its workflow: the ranked pages for a need and an
 * offering, the people for a need, a person's inbox, one match with its forms. They call the same
 * services as the API; forms go through the forms stage and answer with a 303.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MatchStatus } from '../../core/matching/workflow.js';
import { can, matchSidesOf } from '../../core/policy/policy.js';
import { AppError } from '../../http/app-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { t } from '../../i18n/i18n.js';
import { formToken, handleForm, type FormSpec, type FormState, type Refusal } from '../../platform/forms/index.js';
import { pick } from '../../shared/localised.js';
import type { NavEntry } from '../../web/navigation.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { getNeed, getOffering } from '../capacity/index.js';
import { matchingReference, needMatchPage, needPeoplePage, offeringMatchPage } from '../matching/index.js';
import { COMMENT_FORM, RATING_FORM, START_FORM, TRANSITION_FORM, transitionFieldId } from './form-schemas.js';
import { InboxPage, MatchPage } from './match-pages.js';
import { NeedPeoplePageView } from './people-page.js';
import { NeedMatchesPage, OfferingMatchesPage, type Started } from './ranked-pages.js';
import { matchesOfOrganisations } from './repository.js';
import { MatchIdParamsSchema, type Match } from './schemas.js';
import * as service from './service.js';

type C = Context<AppEnv>;

/** The inbox's entry in the main navigation (signed-in people). */
export const matchesNav: NavEntry = { href: '/matches', label: 'matches.nav', audience: 'signed-in' };

/** Matches shown on a ranked page. */
const RANKED = 20;

const asker = (c: C): service.Asker => ({ actor: actorOf(c), requestId: c.get('requestId'), lang: c.get('lang') });

function idOf(c: C): string {
  const parsed = MatchIdParamsSchema.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw new AppError('not-found', `Nothing at ${c.req.path}`);
  return parsed.data.id;
}

function signInFirst(c: C): Response | undefined {
  return actorOf(c).kind === 'anonymous' ? c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303) : undefined;
}

const REFUSALS: readonly Refusal[] = [
  { code: 'conflict', show: '', message: 'matches.error.conflict' },
  { code: 'validation-failed', field: 'body.reason', show: 'reason', message: 'matches.error.reason' },
  { code: 'validation-failed', field: 'body.peopleTrained', show: 'peopleTrained', message: 'matches.error.peopleTrained' },
  { code: 'validation-failed', field: 'body.needMet', show: 'needMet', message: 'matches.error.needMet' },
];

const isId = (value: string | undefined) => value !== undefined && MatchIdParamsSchema.safeParse({ id: value }).success;

/** A transition form's problems, linked to that form's fields (each transition has its own form). */
function linkedToTransition(state: FormState): FormState {
  const transition = state.values['transition'];
  if (!transition) return state;
  return { ...state, errors: state.errors.map((e) => (e.field ? { ...e, id: transitionFieldId(transition, e.field) } : e)) };
}

/** Why starting a match was refused, shown on the ranked page: a hard constraint, or a match under way / a finished need. */
const START_REFUSALS: readonly Refusal[] = [
  { code: 'conflict', field: 'body.offeringId', show: '', message: 'matches.error.excluded' },
  { code: 'conflict', show: '', message: 'matches.error.startConflict' },
  { code: 'forbidden', show: '', message: 'matches.error.startForbidden' },
];

const notice = (c: C) => {
  const done = c.req.query('done');
  if (done === 'shortlist') return t(c.get('lang'), 'matches.shortlisted');
  return done === '1' ? t(c.get('lang'), 'matches.done') : undefined;
};

export function matchWorkflowPages(deps: service.WorkflowDeps) {
  const { db } = deps;
  const app = new Hono<AppEnv>();

  /** The reader's organisations' matches of one need or offering, by the other record's id. */
  async function startedFor(c: C, filter: { needId?: string; offeringId?: string }): Promise<Started> {
    const actor = actorOf(c);
    if (actor.kind === 'anonymous') return new Map();
    const rows = await matchesOfOrganisations(
      db,
      actor.memberships.map((m) => m.organisationId),
      { ...filter, limit: 200 },
    );
    const live = rows.filter((r) => !['declined', 'closed'].includes(r.status));
    return new Map(live.map((r) => [filter.needId ? r.offering_id : r.need_id, { id: r.id, status: r.status }]));
  }

  /** The ranked offerings of a need, with a refused shortlist shown on it (`form`). */
  async function showNeedMatches(c: C, id: string, form?: FormState, status: ContentfulStatusCode = 200) {
    const actor = actorOf(c);
    const lang = c.get('lang');
    const [page, need, { labels }, started] = await Promise.all([
      needMatchPage(deps, actor, id, { limit: RANKED }, lang),
      getNeed(db, actor, id),
      matchingReference(db),
      startedFor(c, { needId: id }),
    ]);
    const resource = {
      type: 'match',
      requesterOrganisationId: need.requester.id,
      providerOrganisationId: need.requester.id,
      status: 'shortlisted',
    } as const;
    return renderPage(
      c,
      <NeedMatchesPage
        ctx={pageContext(c)}
        token={formToken(c)}
        page={page}
        countryName={pick(labels.get('countries')?.get(need.country), lang) || need.country}
        // Shortlisting asks only about the requester's side (policy.ts, match rule).
        mayShortlist={can(actor, 'create', resource)}
        started={started}
        notice={form ? undefined : notice(c)}
        form={form}
        peopleLink={deps.people !== undefined}
      />,
      status,
    );
  }

  app.get('/needs/:id/matches', (c) => showNeedMatches(c, idOf(c)));

  // People who could advise on the need (when the people feature is wired in, app.ts).
  const { people } = deps;
  if (people)
    app.get('/needs/:id/people', async (c) => {
      const page = await needPeoplePage({ db, people }, actorOf(c), idOf(c), { limit: RANKED }, c.get('lang'));
      return renderPage(c, <NeedPeoplePageView ctx={pageContext(c)} page={page} />);
    });

  /** The ranked needs for an offering, with a refused proposal shown on it (`form`). */
  async function showOfferingMatches(c: C, id: string, form?: FormState, status: ContentfulStatusCode = 200) {
    const actor = actorOf(c);
    const lang = c.get('lang');
    const [page, offering, { labels }, started] = await Promise.all([
      offeringMatchPage(deps, actor, id, { limit: RANKED }, lang),
      getOffering(db, actor, id),
      matchingReference(db),
      startedFor(c, { offeringId: id }),
    ]);
    const countries = labels.get('countries');
    const countryNames = new Map(page.data.map((m) => [m.need.country, pick(countries?.get(m.need.country), lang) || m.need.country]));
    const resource = {
      type: 'match',
      requesterOrganisationId: offering.provider.id,
      providerOrganisationId: offering.provider.id,
      status: 'proposed',
    } as const;
    return renderPage(
      c,
      <OfferingMatchesPage
        ctx={pageContext(c)}
        token={formToken(c)}
        page={page}
        countryNames={countryNames}
        // Proposing asks only about the provider's side (policy.ts, match rule).
        mayPropose={offering.status === 'published' && can(actor, 'create', resource)}
        started={started}
        notice={form ? undefined : notice(c)}
        form={form}
      />,
      status,
    );
  }

  app.get('/offerings/:id/matches', (c) => showOfferingMatches(c, idOf(c)));

  app.post('/matches', async (c) => {
    const redirect = signInFirst(c);
    if (redirect) return redirect;
    return handleForm(c, {
      spec: START_FORM,
      run: async (input) => {
        const match = await service.startMatch(deps, asker(c), input);
        // A shortlist tells nobody; a proposal tells the requester.
        return c.redirect(`/matches/${match.id}?done=${input.start === 'shortlist' ? 'shortlist' : '1'}`, 303);
      },
      // A button form: a refusal (shortlisted already, a hard constraint, a finished need) is shown
      // on the ranked page the button was on; a form that is not even complete is the error page.
      render: async (state, status) => {
        const { needId, offeringId, start } = state.values;
        if (status !== 400 && start === 'shortlist' && isId(needId)) return showNeedMatches(c, needId!, state, status);
        if (status !== 400 && start === 'propose' && isId(offeringId)) return showOfferingMatches(c, offeringId!, state, status);
        throw new AppError('validation-failed', 'The form was not complete: open the matches page again');
      },
      refusals: START_REFUSALS,
    });
  });

  app.get('/matches', async (c) => {
    const redirect = signInFirst(c);
    if (redirect) return redirect;
    const actor = actorOf(c);
    const status = c.req.query('status');
    const { data } = await service.listMatches(deps, actor, status ? { status: status as MatchStatus } : {});
    const awaiting = data.filter((m) => service.actionsOn(actor, rowLike(m)).some((a) => a !== 'comment'));
    return renderPage(c, <InboxPage ctx={pageContext(c)} awaiting={awaiting} all={data} />);
  });

  async function showMatch(c: C, id: string, form?: FormState, status: ContentfulStatusCode = 200) {
    const actor = actorOf(c);
    const match = await service.getMatch(deps, actor, id);
    return renderPage(
      c,
      <MatchPage
        ctx={pageContext(c)}
        token={formToken(c)}
        match={match}
        form={form}
        notice={form ? undefined : notice(c)}
        requesterSide={matchSidesOf(actor, service.resourceOf(rowLike(match))).includes('requester')}
      />,
      status,
    );
  }

  app.get('/matches/:id', async (c) => {
    const redirect = signInFirst(c);
    if (redirect) return redirect;
    return showMatch(c, idOf(c), undefined);
  });

  function matchForm<T>(name: string, spec: FormSpec<T>, run: (c: C, id: string, input: T) => Promise<unknown>) {
    return async (c: C) => {
      const redirect = signInFirst(c);
      if (redirect) return redirect;
      const id = idOf(c);
      return handleForm(c, {
        spec,
        run: async (input) => {
          await run(c, id, input);
          return c.redirect(`/matches/${id}?done=1`, 303);
        },
        render: (state, status) =>
          showMatch(
            c,
            id,
            { ...(name === 'transition' ? linkedToTransition(state) : state), values: { ...state.values, form: name } },
            status,
          ),
        refusals: REFUSALS,
      });
    };
  }

  app.post(
    '/matches/:id/transitions',
    matchForm('transition', TRANSITION_FORM, (c, id, input) => service.transitionMatch(deps, asker(c), id, input)),
  );
  app.post(
    '/matches/:id/comments',
    matchForm('comment', COMMENT_FORM, (c, id, input) => service.commentOnMatch(deps, asker(c), id, input)),
  );
  app.post(
    '/matches/:id/ratings',
    matchForm('rating', RATING_FORM, (c, id, input) => service.rateMatch(deps, asker(c), id, input)),
  );

  return app;
}

/** The fields of a presented match the policy reads, back in the row's names. */
function rowLike(m: Match): service.PolicyFields {
  return {
    requester_organisation_id: m.requester.id,
    provider_organisation_id: m.provider.id,
    status: m.status,
    requester_rating: m.ratings.requester,
    provider_rating: m.ratings.provider,
  };
}
