/**
 * The ranked pages: offerings for a need (/needs/{id}/matches) and needs for an
 * offering (/offerings/{id}/matches), each with its score and the engine's
 * explanation in the reader's language, and the button that starts a match
 * (shortlist or propose) for those who may. Plain HTML: the explanation is a
 * <details> element, the buttons are forms, nothing needs JavaScript.
 */
import type { Component } from '../../core/matching/index.js';
import { selectorOf } from '../../core/matching/workflow.js';
import { formatNumber, t, type MessageKey } from '../../i18n/i18n.js';
import { ActionButton, ErrorSummary, hasErrors, Notice, type FormState, type FormToken } from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import type { NeedMatchPage, OfferingMatchPage } from '../matching/index.js';

type Ctx = PageContext;
type Explanation = NeedMatchPage['data'][number]['explanation'];

const COMPONENT_KEYS: Record<Component, MessageKey> = {
  topic: 'matching.component.topic',
  audience: 'matching.component.audience',
  level: 'matching.component.level',
  modality: 'matching.component.modality',
  connectivity: 'matching.component.connectivity',
  cost: 'matching.component.cost',
  text: 'matching.component.text',
  'track-record': 'matching.component.trackRecord',
};

/** A started match of the reader's organisations, per candidate: a link instead of the button. */
export type Started = ReadonlyMap<string, { id: string; status: string }>;

/**
 * The engine's explanation as a folded table: one row per component with its points out of its
 * weight and the reason in the reader's language. Offerings, needs and people share it; only the
 * summary's words and the component names differ.
 */
export function WhyTable(props: {
  lang: Ctx['lang'];
  summary: string;
  explanation: readonly { component: string; points: number; weight: number; text: string }[];
  componentName: (component: string) => string;
}) {
  const { lang } = props;
  return (
    <details>
      <summary>{props.summary}</summary>
      <table>
        <caption class="skip">{props.summary}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'matches.col.component')}</th>
            <th scope="col" class="num">
              {t(lang, 'matches.col.points')}
            </th>
            <th scope="col">{t(lang, 'matches.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.explanation.map((e) => (
            <tr>
              <th scope="row">{props.componentName(e.component)}</th>
              <td class="num">
                {formatNumber(lang, e.points, { maximumFractionDigits: 2 })} / {formatNumber(lang, e.weight, { maximumFractionDigits: 2 })}
              </td>
              <td>{e.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Why(props: { ctx: Ctx; explanation: Explanation }) {
  const { lang } = props.ctx;
  return (
    <WhyTable
      lang={lang}
      summary={t(lang, 'matches.why')}
      explanation={props.explanation}
      componentName={(component) => t(lang, COMPONENT_KEYS[component as Component])}
    />
  );
}

function StartOrOpen(props: {
  ctx: Ctx;
  token: FormToken;
  started: Started;
  candidate: string;
  form?: Record<string, string>;
  label: string;
}) {
  const { lang } = props.ctx;
  const match = props.started.get(props.candidate);
  if (match)
    return (
      <a href={`/matches/${match.id}`}>
        {t(lang, 'matches.open', { status: t(lang, 'matches.status', { status: selectorOf(match.status) }) })}
      </a>
    );
  if (!props.form) return null;
  return (
    <ActionButton action="/matches" token={props.token} label={props.label}>
      {Object.entries(props.form).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </ActionButton>
  );
}

export function NeedMatchesPage(props: {
  ctx: Ctx;
  token: FormToken;
  page: NeedMatchPage;
  countryName: string;
  mayShortlist: boolean;
  started: Started;
  notice?: string | undefined;
  /** A refused start (shortlisting twice, a hard constraint), shown in place with its 4xx status. */
  form?: FormState | undefined;
  /** Link to the people who could advise on the need. */
  peopleLink?: boolean;
}) {
  const { ctx, page } = props;
  const { lang } = ctx;
  const title = t(lang, 'matches.need.title', { title: page.need.title });
  const figure = page.need.connectivity.figure;
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(props.form)}>
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={props.form?.errors ?? []} />
      <p class="lead">{t(lang, 'matches.need.lead')}</p>
      {props.peopleLink ? (
        <p>
          <a href={`/needs/${page.need.id}/people`}>{t(lang, 'matches.people.link')}</a>
        </p>
      ) : null}
      {figure ? <p>{t(lang, 'matches.need.connectivity', { country: props.countryName, figure: figure.text })}</p> : null}
      <p class="hint">{page.candidates.method}</p>
      {page.data.length === 0 ? (
        <p>{t(lang, 'matches.need.none')}</p>
      ) : (
        <ol class="stack ranked">
          {page.data.map((item) => (
            <li>
              <h2 lang={item.offering.language}>{item.offering.title}</h2>
              <p>
                {t(lang, 'matches.by', { name: item.offering.provider.name })} ·{' '}
                <strong>{t(lang, 'matches.score', { score: formatNumber(lang, item.score, { style: 'percent' }) })}</strong>
              </p>
              <Why ctx={ctx} explanation={item.explanation} />
              <StartOrOpen
                ctx={ctx}
                token={props.token}
                started={props.started}
                candidate={item.offering.id}
                label={t(lang, 'matches.shortlist')}
                {...(props.mayShortlist ? { form: { needId: page.need.id, offeringId: item.offering.id, start: 'shortlist' } } : {})}
              />
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

export function OfferingMatchesPage(props: {
  ctx: Ctx;
  token: FormToken;
  page: OfferingMatchPage;
  countryNames: ReadonlyMap<string, string>;
  mayPropose: boolean;
  started: Started;
  notice?: string | undefined;
  /** A refused start (shortlisting twice, a hard constraint), shown in place with its 4xx status. */
  form?: FormState | undefined;
}) {
  const { ctx, page } = props;
  const { lang } = ctx;
  const title = t(lang, 'matches.offering.title', { title: page.offering.title });
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(props.form)}>
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={props.form?.errors ?? []} />
      <p class="lead">{t(lang, 'matches.offering.lead')}</p>
      <p class="hint">{page.candidates.method}</p>
      {page.data.length === 0 ? (
        <p>{t(lang, 'matches.offering.none')}</p>
      ) : (
        <ol class="stack ranked">
          {page.data.map((item) => (
            <li>
              <h2 lang={item.need.language}>{item.need.title}</h2>
              <p>
                {t(lang, 'matches.by', { name: item.need.requester.name })} ·{' '}
                {t(lang, 'matches.in', { country: props.countryNames.get(item.need.country) ?? item.need.country })} ·{' '}
                <strong>{t(lang, 'matches.score', { score: formatNumber(lang, item.score, { style: 'percent' }) })}</strong>
              </p>
              <Why ctx={ctx} explanation={item.explanation} />
              <StartOrOpen
                ctx={ctx}
                token={props.token}
                started={props.started}
                candidate={item.need.id}
                label={t(lang, 'matches.propose')}
                {...(props.mayPropose ? { form: { needId: item.need.id, offeringId: page.offering.id, start: 'propose' } } : {})}
              />
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
