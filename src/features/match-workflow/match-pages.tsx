/**
 * A person's match inbox (/matches: what awaits them first, then every match
 * of their organisations) and one match (/matches/{id}: the parties, status,
 * history and comments, and a form per thing the reader may do now). Plain
 * forms of the forms stage; nothing needs JavaScript.
 */
import { matchTransitionOf, selectorOf } from '../../core/matching/workflow.js';
import { formatDate, formatNumber, t } from '../../i18n/i18n.js';
import {
  CheckboxField,
  ErrorSummary,
  errorOf,
  Form,
  hasErrors,
  Notice,
  RadioGroup,
  TextareaField,
  TextField,
  type FormState,
  type FormToken,
} from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import { transitionFieldId } from './form-schemas.js';
import type { Match } from './schemas.js';

type Ctx = PageContext;

const statusOf = (ctx: Ctx, status: string) => t(ctx.lang, 'matches.status', { status: selectorOf(status) });
const when = (ctx: Ctx, iso: string) => formatDate(ctx.lang, new Date(iso));

function MatchTable(props: { ctx: Ctx; matches: readonly Match[]; caption: string; id: string }) {
  const { ctx } = props;
  const { lang } = ctx;
  return (
    <ScrollRegion labelledBy={props.id}>
      <table>
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'matches.col.offering')}</th>
            <th scope="col">{t(lang, 'matches.col.need')}</th>
            <th scope="col">{t(lang, 'matches.col.status')}</th>
            <th scope="col">{t(lang, 'matches.col.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {props.matches.map((m) => (
            <tr>
              <td>
                <a href={`/matches/${m.id}`}>{m.offering.title}</a> <span class="hint">{m.provider.name}</span>
              </td>
              <td>
                {m.need.title} <span class="hint">{m.requester.name}</span>
              </td>
              <td>{statusOf(ctx, m.status)}</td>
              <td>{when(ctx, m.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function InboxPage(props: { ctx: Ctx; awaiting: readonly Match[]; all: readonly Match[] }) {
  const { ctx } = props;
  const { lang } = ctx;
  const title = t(lang, 'matches.inbox.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'matches.inbox.lead')}</p>
      <h2>{t(lang, 'matches.inbox.awaiting')}</h2>
      {props.awaiting.length === 0 ? (
        <p>{t(lang, 'matches.inbox.awaitingNone')}</p>
      ) : (
        <MatchTable ctx={ctx} matches={props.awaiting} caption={t(lang, 'matches.inbox.awaiting')} id="awaiting" />
      )}
      <h2>{t(lang, 'matches.inbox.all')}</h2>
      {props.all.length === 0 ? (
        <p>{t(lang, 'matches.inbox.none')}</p>
      ) : (
        <MatchTable ctx={ctx} matches={props.all} caption={t(lang, 'matches.inbox.all')} id="all-matches" />
      )}
    </Layout>
  );
}

function TransitionForm(props: {
  ctx: Ctx;
  token: FormToken;
  match: Match;
  transition: string;
  form: FormState | undefined;
  requesterSide: boolean;
}) {
  const { ctx, match, transition } = props;
  const { lang } = ctx;
  const rule = matchTransitionOf(transition);
  const form = props.form?.values['transition'] === transition ? props.form : undefined;
  const id = (name: string) => transitionFieldId(transition, name);
  return (
    <Form action={`/matches/${match.id}/transitions`} token={props.token} class="stack action">
      <input type="hidden" name="transition" value={transition} />
      <input type="hidden" name="version" value={String(match.version)} />
      {rule?.reasonRequired ? (
        <TextareaField
          lang={lang}
          name="reason"
          id={id('reason')}
          label="matches.field.reason"
          hint="matches.field.reasonHint"
          rows={3}
          maxlength={2000}
          value={form?.values['reason']}
          error={errorOf(form, 'reason')}
        />
      ) : null}
      {rule?.to === 'delivered' ? (
        <TextField
          lang={lang}
          name="peopleTrained"
          id={id('peopleTrained')}
          label="matches.field.peopleTrained"
          inputmode="numeric"
          autocomplete="off"
          value={form?.values['peopleTrained']}
          error={errorOf(form, 'peopleTrained')}
        />
      ) : null}
      {rule?.to === 'delivered' && props.requesterSide ? (
        <CheckboxField
          lang={lang}
          name="needMet"
          id={id('needMet')}
          value="yes"
          label="matches.field.needMet"
          checked={form?.values['needMet'] === 'yes'}
          error={errorOf(form, 'needMet')}
        />
      ) : null}
      <button type="submit">{t(lang, 'matches.action', { action: selectorOf(transition) })}</button>
    </Form>
  );
}

const RATINGS = ['1', '2', '3', '4', '5'];

export function MatchPage(props: {
  ctx: Ctx;
  token: FormToken;
  match: Match;
  form?: FormState | undefined;
  notice?: string | undefined;
  /** The reader speaks for the requester: delivering, they may say the need is met. */
  requesterSide?: boolean;
}) {
  const { ctx, match, form } = props;
  const { lang } = ctx;
  const title = t(lang, 'matches.match.title', { offering: match.offering.title });
  const actions = match.actions ?? [];
  const transitions = actions.filter((a) => matchTransitionOf(a));
  const which = form?.values['form'];
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={form?.errors ?? []} />
      <dl class="facts">
        <dt>{t(lang, 'matches.match.status')}</dt>
        <dd>
          <strong>{statusOf(ctx, match.status)}</strong>
        </dd>
        <dt>{t(lang, 'matches.match.need')}</dt>
        <dd>
          {match.need.title} (<a href={`/needs/${match.need.id}/matches`}>{t(lang, 'matches.match.seeMatches')}</a>)
        </dd>
        <dt>{t(lang, 'matches.match.offering')}</dt>
        <dd>{match.offering.title}</dd>
        <dt>{t(lang, 'matches.match.requester')}</dt>
        <dd>{match.requester.name}</dd>
        <dt>{t(lang, 'matches.match.provider')}</dt>
        <dd>{match.provider.name}</dd>
        {match.score !== null ? (
          <>
            <dt>{t(lang, 'matches.match.score')}</dt>
            <dd>{formatNumber(lang, match.score, { style: 'percent' })}</dd>
          </>
        ) : null}
        {match.statusReason ? (
          <>
            <dt>{t(lang, 'matches.match.reason')}</dt>
            <dd>{match.statusReason}</dd>
          </>
        ) : null}
        {match.peopleTrained !== null ? (
          <>
            <dt>{t(lang, 'matches.match.peopleTrained')}</dt>
            <dd>{formatNumber(lang, match.peopleTrained)}</dd>
          </>
        ) : null}
        {match.ratings.requester !== null || match.ratings.provider !== null ? (
          <>
            <dt>{t(lang, 'matches.match.ratings')}</dt>
            {(['requester', 'provider'] as const).map((side) =>
              match.ratings[side] !== null ? (
                <dd>{t(lang, 'matches.match.rating', { side: t(lang, 'matches.side', { side }), rating: match.ratings[side]! })}</dd>
              ) : null,
            )}
          </>
        ) : null}
      </dl>

      <h2>{t(lang, 'matches.match.actions')}</h2>
      {actions.length === 0 ? <p>{t(lang, 'matches.match.none')}</p> : null}
      {transitions.map((transition) => (
        <TransitionForm
          ctx={ctx}
          token={props.token}
          match={match}
          transition={transition}
          form={which === 'transition' ? form : undefined}
          requesterSide={props.requesterSide ?? false}
        />
      ))}
      {actions.includes('rate') ? (
        <Form action={`/matches/${match.id}/ratings`} token={props.token} class="stack action" aria-labelledby="rate-title">
          <h3 id="rate-title">{t(lang, 'matches.rate.title')}</h3>
          <RadioGroup
            lang={lang}
            name="rating"
            label="matches.field.rating"
            options={RATINGS.map((value) => ({ value, label: value }))}
            value={which === 'rating' ? form?.values['rating'] : undefined}
            error={which === 'rating' ? errorOf(form, 'rating') : undefined}
          />
          <TextareaField
            lang={lang}
            name="comment"
            id="rating-comment"
            label="matches.field.ratingComment"
            optional
            rows={3}
            maxlength={2000}
            value={which === 'rating' ? form?.values['comment'] : undefined}
          />
          <button type="submit">{t(lang, 'matches.rate.submit')}</button>
        </Form>
      ) : null}

      <h2>{t(lang, 'matches.match.history')}</h2>
      <ol class="stack history">
        {(match.events ?? []).map((e) => (
          <li>
            <p>
              <strong>
                {t(lang, 'matches.event', {
                  kind: e.kind,
                  side: e.side ?? 'requester',
                  status: e.to ? statusOf(ctx, e.to) : '',
                  rating: e.rating ?? 0,
                })}
              </strong>{' '}
              · {e.side ? t(lang, 'matches.side', { side: e.side }) : ''}
              {e.author ? ` (${e.author})` : ''} · {when(ctx, e.at)}
            </p>
            {e.text ? <p class="quote">{e.text}</p> : null}
          </li>
        ))}
      </ol>
      {actions.includes('comment') ? (
        <Form action={`/matches/${match.id}/comments`} token={props.token}>
          <TextareaField
            lang={lang}
            name="text"
            id="comment"
            label="matches.field.comment"
            rows={4}
            maxlength={4000}
            value={which === 'comment' ? form?.values['text'] : undefined}
            error={which === 'comment' ? errorOf(form, 'text') : undefined}
          />
          <button type="submit">{t(lang, 'matches.comment.submit')}</button>
        </Form>
      ) : null}
    </Layout>
  );
}
