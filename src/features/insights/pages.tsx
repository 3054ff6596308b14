/**
 * /insights: unmet demand for coordinators and the public. SVG charts (demand
 * by topic, by topic × language, needs by month split by status: still open and
 * closed unmet) with their data tables, and tables for
 * regions, thin supply, needs without a fit and time to a match; every table
 * downloads as CSV from the API. Names (topics, regions, languages) in the
 * reader's language.
 */
import type { FunnelStep, Thinness } from '../../core/insights/demand.js';
import { formatNumber, t } from '../../i18n/i18n.js';
import { barChart } from '../../platform/charts/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import type { MonthCount, TimeToMatch, Unfitted, UnmetCell, UnmetLanguageCell } from './service.js';

type Ctx = PageContext;

export interface InsightsView {
  readonly unmet: readonly UnmetCell[];
  readonly byLanguage: readonly UnmetLanguageCell[];
  readonly months: readonly MonthCount[];
  readonly gaps: { topics: readonly Thinness[]; languages: readonly Thinness[] };
  readonly unfitted: Unfitted;
  readonly time: { overall: TimeToMatch; regions: readonly TimeToMatch[] };
  readonly demo: boolean;
  readonly names: {
    topic(code: string): string;
    region(code: string | null): string;
    language(code: string): string;
    country(code: string): string;
  };
}

/** Topics shown in the chart and the region table. */
const TOP_TOPICS = 12;
/** Topic × language pairs in the chart, and languages in the table. */
const TOP_PAIRS = 12;
const TOP_LANGUAGES = 8;

function Csv(props: { ctx: Ctx; path: string }) {
  return (
    <p class="hint">
      <a href={`/api/v1/insights/${props.path}?format=csv`} download>
        {t(props.ctx.lang, 'insights.csv')}
      </a>
    </p>
  );
}

function ThinTable(props: {
  ctx: Ctx;
  rows: readonly Thinness[];
  id: string;
  caption: string;
  name: (code: string) => string;
  nameLabel: string;
}) {
  const { lang } = props.ctx;
  return (
    <ScrollRegion labelledBy={props.id}>
      <table>
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.nameLabel}</th>
            <th scope="col" class="num">
              {t(lang, 'insights.col.openNeeds')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'insights.col.offerings')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'insights.col.needsPerOffering')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{props.name(r.code)}</th>
              <td class="num">{formatNumber(lang, r.needs)}</td>
              <td class="num">{formatNumber(lang, r.offerings)}</td>
              <td class="num">
                {r.needsPerOffering === null
                  ? t(lang, 'insights.neverOffered')
                  : formatNumber(lang, r.needsPerOffering, { maximumFractionDigits: 1 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function InsightsPage(props: { ctx: Ctx; view: InsightsView }) {
  const { ctx, view } = props;
  const { lang } = ctx;
  const { names } = view;
  const title = t(lang, 'insights.title');

  const byTopic = new Map<string, number>();
  for (const cell of view.unmet) byTopic.set(cell.topic, (byTopic.get(cell.topic) ?? 0) + cell.open + cell.unmet);
  const topTopics = [...byTopic].toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_TOPICS);
  const regions = [...new Set(view.unmet.map((c) => c.region))].toSorted((a, b) => (a ?? '~').localeCompare(b ?? '~'));
  const cell = (topic: string, region: string | null) =>
    view.unmet.filter((c) => c.topic === topic && c.region === region).reduce((sum, c) => sum + c.open + c.unmet, 0);

  const topicChart = barChart({
    lang,
    id: 'demand-topics',
    title: t(lang, 'insights.topics.chart'),
    description: t(lang, 'insights.topics.description'),
    nameLabel: t(lang, 'insights.col.topic'),
    valueLabel: t(lang, 'insights.col.needs'),
    decimals: 0,
    bars: topTopics.map(([code, value]) => ({ name: names.topic(code), value })),
  });
  const monthChart = (status: 'open' | 'unmet') =>
    barChart({
      lang,
      id: `demand-months-${status}`,
      title: t(lang, 'insights.months.byStatus', { status }),
      description: t(lang, 'insights.months.byStatusDescription', { status }),
      nameLabel: t(lang, 'insights.col.month'),
      valueLabel: t(lang, 'insights.col.needs'),
      decimals: 0,
      order: 'given',
      bars: view.months.slice(-12).map((m) => ({ name: m.month, value: m[status] })),
    });

  const pairs = view.byLanguage
    .map((c) => ({ ...c, total: c.open + c.unmet }))
    .toSorted((a, b) => b.total - a.total || a.topic.localeCompare(b.topic) || a.language.localeCompare(b.language));
  const languageTotals = new Map<string, number>();
  for (const c of pairs) languageTotals.set(c.language, (languageTotals.get(c.language) ?? 0) + c.total);
  const topLanguages = [...languageTotals]
    .toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_LANGUAGES)
    .map(([code]) => code);
  const pairTopics = [...new Set(pairs.map((c) => c.topic))].slice(0, TOP_TOPICS);
  const pairCell = (topic: string, language: string) => pairs.find((c) => c.topic === topic && c.language === language)?.total ?? 0;
  const languageChart = barChart({
    lang,
    id: 'demand-languages',
    title: t(lang, 'insights.languages.chart'),
    description: t(lang, 'insights.languages.description'),
    nameLabel: t(lang, 'insights.col.topicLanguage'),
    valueLabel: t(lang, 'insights.col.needs'),
    decimals: 0,
    bars: pairs.slice(0, TOP_PAIRS).map((c) => ({ name: `${names.topic(c.topic)} · ${names.language(c.language)}`, value: c.total })),
  });
  const steps: FunnelStep[] = ['topic', 'language', 'eligibility', 'dates'];

  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'insights.lead')}</p>
      {view.demo ? <p class="notice">{t(lang, 'insights.demo')}</p> : null}

      <h2>{t(lang, 'insights.topics.title')}</h2>
      {topicChart.html}
      {topTopics.length > 0 ? (
        <ScrollRegion labelledBy="topic-region">
          <table>
            <caption id="topic-region">{t(lang, 'insights.regions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'insights.col.topic')}</th>
                {regions.map((r) => (
                  <th scope="col" class="num">
                    {names.region(r)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {topTopics.map(([topic]) => (
                <tr>
                  <th scope="row">{names.topic(topic)}</th>
                  {regions.map((r) => (
                    <td class="num">{formatNumber(lang, cell(topic, r))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <Csv ctx={ctx} path="unmet-demand" />

      <h2>{t(lang, 'insights.languages.title')}</h2>
      {languageChart.html}
      {pairTopics.length > 0 ? (
        <ScrollRegion labelledBy="topic-language">
          <table>
            <caption id="topic-language">{t(lang, 'insights.languages.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'insights.col.topic')}</th>
                {topLanguages.map((code) => (
                  <th scope="col" class="num">
                    {names.language(code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pairTopics.map((topic) => (
                <tr>
                  <th scope="row">{names.topic(topic)}</th>
                  {topLanguages.map((code) => (
                    <td class="num">{formatNumber(lang, pairCell(topic, code))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <Csv ctx={ctx} path="unmet-by-language" />

      <h2>{t(lang, 'insights.months.title')}</h2>
      {monthChart('open').html}
      {monthChart('unmet').html}
      <Csv ctx={ctx} path="trend" />

      <h2>{t(lang, 'insights.gaps.title')}</h2>
      <p>{t(lang, 'insights.gaps.lead')}</p>
      <ThinTable
        ctx={ctx}
        rows={view.gaps.topics.slice(0, TOP_TOPICS)}
        id="thin-topics"
        caption={t(lang, 'insights.gaps.topics')}
        name={names.topic}
        nameLabel={t(lang, 'insights.col.topic')}
      />
      <ThinTable
        ctx={ctx}
        rows={view.gaps.languages}
        id="thin-languages"
        caption={t(lang, 'insights.gaps.languages')}
        name={names.language}
        nameLabel={t(lang, 'insights.col.language')}
      />
      <Csv ctx={ctx} path="supply-gaps" />

      <h2>{t(lang, 'insights.unfitted.title')}</h2>
      <p>
        {t(lang, 'insights.unfitted.lead', {
          without: view.unfitted.withoutFit,
          examined: view.unfitted.examined,
        })}
      </p>
      <ul>
        {steps.map((step) => (
          <li>{t(lang, 'insights.unfitted.step', { step, count: view.unfitted.byStep[step] })}</li>
        ))}
      </ul>
      {view.unfitted.needs.length > 0 ? (
        <ScrollRegion labelledBy="unfitted">
          <table>
            <caption id="unfitted">{t(lang, 'insights.unfitted.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'insights.col.need')}</th>
                <th scope="col">{t(lang, 'insights.col.country')}</th>
                <th scope="col">{t(lang, 'insights.col.excludedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {view.unfitted.needs.slice(0, 20).map((n) => (
                <tr>
                  <td>
                    <a href={`/needs/${n.id}/matches`} lang={n.language}>
                      {n.title}
                    </a>
                  </td>
                  <td>{names.country(n.country)}</td>
                  <td>{t(lang, 'insights.stepName', { step: n.step })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <Csv ctx={ctx} path="unfitted-needs" />

      <h2>{t(lang, 'insights.time.title')}</h2>
      <p>
        {view.time.overall.medianDays === null
          ? t(lang, 'insights.time.none')
          : t(lang, 'insights.time.overall', { days: view.time.overall.medianDays, needs: view.time.overall.needs })}
      </p>
      {view.time.regions.length > 0 ? (
        <ScrollRegion labelledBy="time-regions">
          <table>
            <caption id="time-regions">{t(lang, 'insights.time.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'insights.col.region')}</th>
                <th scope="col" class="num">
                  {t(lang, 'insights.col.needs')}
                </th>
                <th scope="col" class="num">
                  {t(lang, 'insights.col.medianDays')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.time.regions.map((r) => (
                <tr>
                  <th scope="row">{names.region(r.region)}</th>
                  <td class="num">{formatNumber(lang, r.needs)}</td>
                  <td class="num">{r.medianDays === null ? '—' : formatNumber(lang, r.medianDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <Csv ctx={ctx} path="time-to-match" />
    </Layout>
  );
}
