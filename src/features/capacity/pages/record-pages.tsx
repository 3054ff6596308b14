/**
 * One offering (/offerings/{id}) and one need (/needs/{id}): every field in the reader's
 * language, the offering's schema.org JSON-LD, and — for those the policy lets act — the edit
 * link and one button per workflow step the record's status allows; steps that need a reason
 * (return, archive, unmatch, close unmet) carry a reason field.
 */
import type { Child } from 'hono/jsx';
import { formatDate, formatNumber, t, type MessageKey } from '../../../i18n/i18n.js';
import { ActionButton, CsrfField, ErrorSummary, Notice, type FormState, type FormToken } from '../../../platform/forms/index.js';
import type { Language } from '../../../shared/localised.js';
import { Layout, type PageContext } from '../../../web/layout.js';
import type { Need } from '../need-schemas.js';
import type { Offering } from '../offering-schemas.js';
import type { Vocabulary } from '../vocabulary.js';
import { jsonLdText, offeringJsonLd } from './json-ld.js';
import { countryLabel, languageLabel, listCodes, listLabel, topicLabel, type ListName } from './labels.js';
import { SDGS } from '../../../core/reference/sdgs.js';
import { pick } from '../../../shared/localised.js';
import { STALE_MONTHS } from '../upkeep/upkeep.js';

export interface Step {
  readonly transition: string;
  readonly reasonRequired: boolean;
}

/**
 * Whether a published offering has gone unreviewed for longer than the upkeep job allows (it is then flagged stale).
 * @example isStale({ status: 'published', lastReviewedAt: '2024-01-01T00:00:00Z' }, new Date('2026-01-01')) // true
 */
export function isStale(o: Pick<Offering, 'status' | 'lastReviewedAt'>, now: Date): boolean {
  const due = new Date(o.lastReviewedAt);
  due.setUTCMonth(due.getUTCMonth() + STALE_MONTHS);
  return o.status === 'published' && due < now;
}

/** The upkeep jobs' flags, worded for everyone: a link that did not answer, a review overdue. */
export function UpkeepFlags(props: { lang: Language; offering: Pick<Offering, 'status' | 'lastReviewedAt' | 'linkBrokenSince'> }) {
  const { lang, offering: o } = props;
  const stale = isStale(o, new Date());
  if (!o.linkBrokenSince && !stale) return null;
  return (
    <ul class="flags">
      {o.linkBrokenSince ? <li>{t(lang, 'clearinghouse.flag.broken', { date: day(lang, o.linkBrokenSince) })}</li> : null}
      {stale ? <li>{t(lang, 'clearinghouse.flag.stale', { date: day(lang, o.lastReviewedAt) })}</li> : null}
    </ul>
  );
}

/** DigComp codes with their titles (English, as DigComp publishes them), ESCO skills by their preferred label. */
const digcompTags = (vocab: Vocabulary, codes: readonly string[]) => (
  <Tags items={codes.map((c) => `${c} ${vocab.digcompTerms.get(c)?.title ?? ''}`.trim())} lang="en" />
);
const escoTags = (vocab: Vocabulary, codes: readonly string[]) => <Tags items={codes.map((c) => vocab.escoNames.get(c) ?? c)} lang="en" />;
const sdgTags = (lang: Language, codes: readonly string[]) => (
  <Tags
    items={codes.map((c) =>
      t(lang, 'clearinghouse.sdg.item', { number: c, name: pick(SDGS.find((g) => g.code === c)?.labels, lang) || c }),
    )}
  />
);

interface RecordProps {
  readonly ctx: PageContext;
  readonly token: FormToken;
  readonly vocab: Vocabulary;
  readonly canEdit: boolean;
  readonly steps: readonly Step[];
  readonly done: boolean;
  /** A refused workflow step (a reason missing), shown above the steps. */
  readonly form?: FormState;
}

function Facts(props: { rows: readonly [MessageKey, Child][]; lang: Language }) {
  const rows = props.rows.filter(
    ([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
  );
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <>
          <dt>{t(props.lang, label)}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

const Tags = (props: { items: readonly string[]; lang?: string }) =>
  props.items.length === 0 ? null : (
    <ul class="tags" lang={props.lang}>
      {props.items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );

const listTags = (lang: Language, list: ListName, codes: readonly string[]) => <Tags items={codes.map((c) => listLabel(lang, list, c))} />;
const money = (lang: Language, m: { amount: number | null; currency: string | null } | null | undefined) =>
  m && m.amount !== null ? `${formatNumber(lang, m.amount)} ${m.currency ?? ''}`.trim() : '';
const day = (lang: Language, iso: string | null) => (iso ? formatDate(lang, new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : '');

function Workflow(props: RecordProps & { kind: 'offerings' | 'needs'; id: string; version: number; reviewDue?: boolean }) {
  const { ctx, token, kind, id, version } = props;
  const lang = ctx.lang;
  if (!props.canEdit && props.steps.length === 0) return null;
  const action = `/${kind}/${id}/transitions`;
  return (
    <section aria-labelledby="workflow-title" class="workflow">
      <h2 id="workflow-title">{t(lang, 'capacity.workflow.title')}</h2>
      {props.form ? <ErrorSummary lang={lang} errors={props.form.errors} /> : null}
      {props.canEdit ? (
        <p>
          <a class="button" href={`/${kind}/${id}/edit`}>
            {t(lang, 'capacity.edit')}
          </a>
        </p>
      ) : null}
      {props.canEdit && props.reviewDue ? (
        <div class="review">
          <p>{t(lang, 'clearinghouse.review.lead')}</p>
          <ActionButton action={`/${kind}/${id}/review`} token={token} label={t(lang, 'clearinghouse.review.button')}>
            <input type="hidden" name="version" value={String(version)} />
          </ActionButton>
        </div>
      ) : null}
      {props.steps.map((step) =>
        step.reasonRequired ? (
          <form method="post" action={action} class="stack reason">
            <CsrfField token={token} />
            <input type="hidden" name="transition" value={step.transition} />
            <input type="hidden" name="version" value={String(version)} />
            {step.transition === 'close-unmet' ? (
              <div class="field">
                <label for="unmetReason">{t(lang, 'capacity.field.unmetReason')}</label>
                <select id="unmetReason" name="unmetReason">
                  {listCodes('unmet-reasons').map((code) => (
                    <option value={code}>{listLabel(lang, 'unmet-reasons', code)}</option>
                  ))}
                </select>
              </div>
            ) : null}
            <div class="field">
              <label for={`reason-${step.transition}`}>{t(lang, 'capacity.field.reason')}</label>
              <textarea id={`reason-${step.transition}`} name="reason" rows={2} maxlength={2000}></textarea>
            </div>
            <button type="submit">{t(lang, `capacity.transition.${step.transition}` as MessageKey)}</button>
          </form>
        ) : (
          <ActionButton action={action} token={token} label={t(lang, `capacity.transition.${step.transition}` as MessageKey)}>
            <input type="hidden" name="transition" value={step.transition} />
            <input type="hidden" name="version" value={String(version)} />
          </ActionButton>
        ),
      )}
    </section>
  );
}

function StatusLine(props: { lang: Language; status: string; reason: string | null; demo: boolean }) {
  const { lang } = props;
  return (
    <p class="meta">
      <strong>{t(lang, `capacity.status.${props.status}` as MessageKey)}</strong>
      {props.reason ? ` — ${props.reason}` : ''}
      {props.demo ? <strong class="badge"> {t(lang, 'capacity.demo.badge')}</strong> : null}
    </p>
  );
}

export function OfferingPage(props: RecordProps & { offering: Offering }) {
  const { ctx, vocab, offering: o } = props;
  const lang = ctx.lang;
  const jsonLd = jsonLdText(offeringJsonLd(o, new URL(`/offerings/${o.id}`, ctx.url).href));
  return (
    <Layout ctx={ctx} title={o.title}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      {props.done ? <Notice text={t(lang, 'capacity.done')} /> : null}
      <h1 lang={o.language}>{o.title}</h1>
      <StatusLine lang={lang} status={o.status} reason={o.statusReason} demo={o.demo} />
      <UpkeepFlags lang={lang} offering={o} />
      <p class="lead" lang={o.language}>
        {o.summary}
      </p>
      {o.description ? (
        <div class="prose" lang={o.language}>
          {o.description.split(/\n{2,}/).map((para) => (
            <p>{para}</p>
          ))}
        </div>
      ) : null}
      <Facts
        lang={lang}
        rows={[
          ['capacity.field.provider', <a href={`/offerings?provider=${o.provider.id}`}>{o.provider.name}</a>],
          ['capacity.field.kind', listLabel(lang, 'offering-kinds', o.kind)],
          ['capacity.field.topics', <Tags items={o.topics.map((c) => topicLabel(lang, vocab, c))} />],
          ['clearinghouse.field.digcomp', o.digcomp.length ? digcompTags(vocab, o.digcomp) : ''],
          ['clearinghouse.field.esco', o.esco.length ? escoTags(vocab, o.esco) : ''],
          ['clearinghouse.field.sdgs', o.sdgs.length ? sdgTags(lang, o.sdgs) : ''],
          ['capacity.field.audiences', o.audiences.length ? listTags(lang, 'audiences', o.audiences) : ''],
          ['capacity.field.targetGroups', o.targetGroups.length ? listTags(lang, 'target-groups', o.targetGroups) : ''],
          ['capacity.field.levels', o.levels.length ? listTags(lang, 'levels', o.levels) : ''],
          ['capacity.field.modality', o.modality ? listLabel(lang, 'modalities', o.modality) : ''],
          ['capacity.field.bandwidth', o.bandwidth ? listLabel(lang, 'bandwidth', o.bandwidth) : ''],
          ['capacity.field.languages', o.languages.map((l) => languageLabel(lang, l)).join(', ')],
          [
            'capacity.field.eligibility',
            o.eligibleCountries.length + o.eligibleGroups.length === 0
              ? t(lang, 'capacity.eligibility.world')
              : [...o.eligibleCountries.map((c) => countryLabel(lang, vocab, c)), ...o.eligibleGroups].join(', '),
          ],
          ['capacity.field.fee', o.fee ? money(lang, o.fee) : t(lang, 'capacity.cost.free')],
          ['capacity.field.waivers', o.waivers ?? ''],
          ['capacity.field.durationHours', o.durationHours ? formatNumber(lang, o.durationHours) : ''],
          [
            'capacity.field.dates',
            o.rolling ? t(lang, 'capacity.field.rolling') : [day(lang, o.startDate), day(lang, o.endDate)].filter(Boolean).join(' – '),
          ],
          ['capacity.field.seats', o.seats ? formatNumber(lang, o.seats) : ''],
          ['capacity.field.certification', o.certification ? listLabel(lang, 'certifications', o.certification) : ''],
          ['capacity.field.accessibility', o.accessibility.length ? listTags(lang, 'accessibility-features', o.accessibility) : ''],
          ['capacity.field.pledgeAmount', money(lang, o.pledge)],
          ['capacity.field.pledgeInKind', o.pledge?.inKind ?? ''],
          ['capacity.field.umcDimension', o.pledge ? listLabel(lang, 'umc-dimensions', o.pledge.umcDimension) : ''],
          [
            'capacity.field.url',
            o.url ? (
              <a href={o.url} rel="noopener nofollow" dir="ltr">
                {o.url}
              </a>
            ) : (
              ''
            ),
          ],
          ['capacity.field.contactEmail', o.contactEmail ? <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a> : ''],
          ['capacity.field.lastReviewed', day(lang, o.lastReviewedAt)],
        ]}
      />
      {o.translations.length > 0 ? (
        <section aria-labelledby="translations-title">
          <h2 id="translations-title">{t(lang, 'capacity.translations')}</h2>
          {o.translations.map((tr) => (
            <article lang={tr.language}>
              <h3>
                {tr.title}{' '}
                <span class="meta" lang={lang}>
                  ({languageLabel(lang, tr.language)})
                </span>
              </h3>
              <p>{tr.summary}</p>
              {tr.description ? tr.description.split(/\n{2,}/).map((para) => <p>{para}</p>) : null}
            </article>
          ))}
        </section>
      ) : null}
      <Workflow {...props} kind="offerings" id={o.id} version={o.version} reviewDue={isStale(o, new Date())} />
    </Layout>
  );
}

export function NeedPage(props: RecordProps & { need: Need }) {
  const { ctx, vocab, need: n } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={n.title}>
      {props.done ? <Notice text={t(lang, 'capacity.done')} /> : null}
      <h1 lang={n.language}>{n.title}</h1>
      <StatusLine lang={lang} status={n.status} reason={n.statusReason} demo={n.demo} />
      <div class="prose" lang={n.language}>
        {n.description.split(/\n{2,}/).map((para) => (
          <p>{para}</p>
        ))}
      </div>
      <Facts
        lang={lang}
        rows={[
          ['capacity.field.requester', n.requester.name],
          ['capacity.field.country', <a href={`/countries/${n.country}`}>{countryLabel(lang, vocab, n.country)}</a>],
          ['capacity.field.topics', <Tags items={n.topics.map((c) => topicLabel(lang, vocab, c))} />],
          ['clearinghouse.field.digcomp', n.digcomp.length ? digcompTags(vocab, n.digcomp) : ''],
          ['clearinghouse.field.esco', n.esco.length ? escoTags(vocab, n.esco) : ''],
          ['capacity.field.audiences', n.audiences.length ? listTags(lang, 'audiences', n.audiences) : ''],
          ['capacity.field.targetGroups', n.targetGroups.length ? listTags(lang, 'target-groups', n.targetGroups) : ''],
          ['capacity.field.peopleCount', n.peopleCount ? formatNumber(lang, n.peopleCount) : ''],
          ['capacity.field.level', n.level ? listLabel(lang, 'levels', n.level) : ''],
          ['capacity.field.needLanguages', n.languages.map((l) => languageLabel(lang, l)).join(', ')],
          ['capacity.field.modality', n.preferredModality ? listLabel(lang, 'modalities', n.preferredModality) : ''],
          ['capacity.field.dates', [day(lang, n.startDate), day(lang, n.endDate)].filter(Boolean).join(' – ')],
          ['capacity.field.budget', money(lang, n.budget)],
          ['capacity.field.urgency', listLabel(lang, 'urgencies', n.urgency)],
          [
            'capacity.field.evidenceUrl',
            n.evidenceUrl ? (
              <a href={n.evidenceUrl} rel="noopener nofollow" dir="ltr">
                {n.evidenceUrl}
              </a>
            ) : (
              ''
            ),
          ],
          ['capacity.field.evidenceNote', n.evidenceNote ?? ''],
          ['capacity.field.unmetReason', n.unmetReason ? listLabel(lang, 'unmet-reasons', n.unmetReason) : ''],
          ['capacity.field.visibility', t(lang, n.visibility === 'public' ? 'capacity.visibility.public' : 'capacity.visibility.members')],
        ]}
      />
      <Workflow {...props} kind="needs" id={n.id} version={n.version} />
    </Layout>
  );
}
