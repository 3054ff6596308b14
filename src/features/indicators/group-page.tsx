/**
 * /groups/{code}: one group (the world, a region or sub-region, LDC / LLDC / SIDS, an income
 * group) for one indicator at a time — the computed aggregate over the years with its coverage
 * (the share of the group's population with data) and members counted, the members ranked on
 * their latest value in the three years up to the aggregate's latest year, and the members
 * without a value in those years named. Below, every indicator's latest aggregate.
 */
import { latestInWindow, rankWindow, type IndicatorDefinition, type YearValue } from '../../core/indicators/index.js';
import { formatNumber, t } from '../../i18n/i18n.js';
import { barChart, trendChart } from '../../platform/charts/index.js';
import { pick, type Language, type Localised } from '../../shared/localised.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import { GroupName, IndicatorPicker } from './page-parts.js';
import { unitLabel, valueText, yearText } from './page-text.js';
import { Status } from './scorecard.js';
import type { AreaValue, GroupView, SeriesByIndicator } from './views.js';

/** Above this many members the ranked table stands alone: a bar per member would not fit the page's budget. */
const MAX_BARS_ON_PAGE = 60;

export interface GroupPageProps {
  readonly ctx: PageContext;
  readonly view: GroupView;
  readonly indicator: IndicatorDefinition;
  /** Indicators with aggregates, for the picker. */
  readonly choices: readonly IndicatorDefinition[];
  readonly values: ReadonlyMap<string, ReadonlyMap<number, AreaValue>>;
  readonly parent: { code: string; names: Record<Language, string> } | null;
  /** The world's aggregates, drawn beside the group's for context (null on the world's own page). */
  readonly world: { names: Localised | null; series: SeriesByIndicator } | null;
}

export function GroupPage(props: GroupPageProps) {
  const { lang } = props.ctx;
  const { profile, series, members } = props.view;
  const group = profile.group;
  const name = pick(group.names, lang);
  const indicator = props.indicator;
  const indicatorName = pick(indicator.name, lang);
  const aggregate = series.get(indicator.code) ?? [];
  const latest = aggregate.at(-1);
  return (
    <Layout ctx={props.ctx} title={name}>
      <p>
        <a href="/groups">{t(lang, 'profiles.groups.back')}</a>
      </p>
      <h1>
        <GroupName lang={lang} code={group.code} names={group.names} />
      </h1>
      <p class="lead">
        {t(lang, `profiles.groups.kind.${group.kind}` as 'profiles.groups.kind.world', { count: group.memberCount })}
        {props.parent ? (
          <>
            {' '}
            {t(lang, 'profiles.groups.partOf')} <a href={`/groups/${props.parent.code}`}>{pick(props.parent.names, lang)}</a>.
          </>
        ) : null}
      </p>
      <IndicatorPicker lang={lang} action={`/groups/${group.code}`} choices={props.choices} chosen={indicator.code} />
      <h2 id="aggregate">{t(lang, 'profiles.groups.aggregate', { indicator: indicatorName })}</h2>
      {aggregate.length === 0 ? (
        <p class="missing">{t(lang, 'profiles.groups.noAggregate', { group: name })}</p>
      ) : (
        <>
          {
            trendChart({
              lang,
              id: 'group-trend',
              title: t(lang, 'profiles.chart.title', {
                indicator: indicatorName,
                country: name,
                from: yearText(lang, aggregate[0]!.year),
                to: yearText(lang, latest!.year),
              }),
              description: props.world?.names
                ? t(lang, 'profiles.groups.besideWorld', { text: t(lang, 'profiles.groups.trendDescription', { group: name }) })
                : t(lang, 'profiles.groups.trendDescription', { group: name }),
              axis: {
                label: unitLabel(lang, indicator.unit),
                decimals: indicator.decimals,
                ...(indicator.unit === 'percent' ? { domain: [0, 100] as const } : {}),
              },
              series: [
                { name, points: aggregate.map((p) => ({ year: p.year, value: p.value })) },
                ...(props.world?.names
                  ? [
                      {
                        name: pick(props.world.names, lang),
                        points: (props.world.series.get(indicator.code) ?? [])
                          .filter((p) => p.year >= aggregate[0]!.year)
                          .map((p) => ({ year: p.year, value: p.value })),
                      },
                    ]
                  : []),
              ],
            }).html
          }
          <h3 id="coverage">{t(lang, 'profiles.groups.coverageTitle')}</h3>
          <p class="small">{t(lang, 'profiles.groups.coverageNote')}</p>
          <ScrollRegion labelledBy="coverage">
            <table aria-labelledby="coverage">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'charts.year')}</th>
                  <th scope="col">{t(lang, 'charts.value')}</th>
                  <th scope="col">{t(lang, 'profiles.groups.coverage')}</th>
                </tr>
              </thead>
              <tbody>
                {aggregate.toReversed().map((p) => (
                  <tr>
                    <th scope="row">{yearText(lang, p.year)}</th>
                    <td>{valueText(lang, indicator, p.value)}</td>
                    <td>
                      {p.coverage === undefined ? '—' : formatNumber(lang, p.coverage, { style: 'percent', maximumFractionDigits: 1 })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      <Members {...props} reference={latest?.year ?? null} />
      <LatestAggregates lang={lang} view={props.view} />
      <p>
        {t(lang, 'connect.download')} <a href={`/api/v1/groups/${group.code}/profile?format=csv`}>CSV</a>,{' '}
        <a href={`/api/v1/groups/${group.code}/profile?format=sdmx-csv`}>SDMX-CSV</a>,{' '}
        <a href={`/api/v1/groups/${group.code}/profile`}>JSON</a>
      </p>
      {members.length === 0 ? <p>{t(lang, 'profiles.groups.noMembers')}</p> : null}
    </Layout>
  );
}

/** Members ranked on their latest value in the window ending at `reference` (or at their newest year). */
function Members(props: GroupPageProps & { reference: number | null }) {
  const { lang } = props.ctx;
  const { indicator, values } = props;
  const members = props.view.members;
  const newest = Math.max(0, ...members.flatMap((m) => [...(values.get(m.m49)?.keys() ?? [])]));
  const reference = props.reference ?? (newest > 0 ? newest : null);
  if (reference === null) return <p class="missing">{t(lang, 'profiles.groups.noMemberData')}</p>;
  const window = rankWindow(reference);
  const series = new Map<string, YearValue[]>(members.map((m) => [m.m49, [...(values.get(m.m49)?.values() ?? [])]]));
  const latest = latestInWindow(
    members.map((m) => m.m49),
    series,
    window,
  );
  const sign = indicator.direction === 'lower-is-better' ? 1 : -1;
  const collator = new Intl.Collator(lang);
  const ranked = members
    .flatMap((m) => {
      const v = latest.get(m.m49);
      return v ? [{ country: m, value: v.value, year: v.year, estimate: values.get(m.m49)?.get(v.year)?.estimate ?? false }] : [];
    })
    .toSorted((a, b) => sign * (a.value - b.value) || collator.compare(pick(a.country.names, lang), pick(b.country.names, lang)));
  const without = members
    .filter((m) => !latest.get(m.m49))
    .map((m) => pick(m.names, lang))
    .toSorted(collator.compare);
  const indicatorName = pick(indicator.name, lang);
  const from = yearText(lang, window.from);
  const to = yearText(lang, window.to);
  return (
    <>
      <h2 id="members">{t(lang, 'profiles.groups.members', { indicator: indicatorName, from, to })}</h2>
      {ranked.length > 0 && ranked.length <= MAX_BARS_ON_PAGE
        ? barChart({
            lang,
            id: 'group-members',
            title: t(lang, 'profiles.groups.members', { indicator: indicatorName, from, to }),
            description: t(lang, 'profiles.groups.membersDescription'),
            nameLabel: t(lang, 'profiles.col.country'),
            valueLabel: unitLabel(lang, indicator.unit),
            decimals: indicator.decimals,
            order: 'given',
            bars: ranked.map((r) => ({ name: pick(r.country.names, lang), value: r.value, estimate: r.estimate })),
          }).html
        : null}
      {ranked.length > MAX_BARS_ON_PAGE ? (
        <ScrollRegion labelledBy="members">
          <table aria-labelledby="members">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'connect.col.rank')}</th>
                <th scope="col">{t(lang, 'profiles.col.country')}</th>
                <th scope="col">{t(lang, 'charts.value')}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((r, n) => (
                <tr>
                  <td>{formatNumber(lang, n + 1)}</td>
                  <th scope="row">
                    <a href={`/countries/${r.country.iso3 ?? r.country.m49}`}>{pick(r.country.names, lang)}</a>
                  </th>
                  <td>{t(lang, 'profiles.valueYear', { value: valueText(lang, indicator, r.value), year: yearText(lang, r.year) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <h3>{t(lang, 'profiles.groups.without', { count: without.length, from, to })}</h3>
      {without.length > 0 ? <p>{without.join(', ')}</p> : null}
    </>
  );
}

/** Every indicator's latest aggregate for the group, with coverage and band. */
function LatestAggregates(props: { lang: Language; view: GroupView }) {
  const { lang } = props;
  const rows = props.view.profile.indicators.filter((i) => i.latest !== null);
  if (rows.length === 0) return null;
  return (
    <>
      <h2 id="latest">{t(lang, 'profiles.groups.latestTitle')}</h2>
      <table class="stack-table" role="table" aria-labelledby="latest">
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">
              {t(lang, 'connect.col.indicator')}
            </th>
            <th scope="col" role="columnheader">
              {t(lang, 'profiles.score.latest')}
            </th>
            <th scope="col" role="columnheader">
              {t(lang, 'profiles.groups.coverage')}
            </th>
            <th scope="col" role="columnheader">
              {t(lang, 'profiles.score.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr role="row">
              <th scope="row" role="rowheader">
                <a href={`/indicators/${i.code}`}>{pick(i.names, lang)}</a>
              </th>
              <td role="cell" data-label={t(lang, 'profiles.score.latest')}>
                {t(lang, 'profiles.valueYear', { value: valueText(lang, i, i.latest!.value), year: yearText(lang, i.latest!.year) })}
              </td>
              <td role="cell" data-label={t(lang, 'profiles.groups.coverage')}>
                {formatNumber(lang, i.latest!.coverage, { style: 'percent', maximumFractionDigits: 1 })}
              </td>
              <td role="cell" data-label={t(lang, 'profiles.score.status')}>
                {i.target ? <Status lang={lang} indicator={i} /> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** /groups: every group by kind, each linking to its page. */
export function GroupsPage(props: {
  ctx: PageContext;
  groups: readonly { code: string; kind: string; names: Localised; parent: string | null }[];
}) {
  const { lang } = props.ctx;
  const title = t(lang, 'profiles.groups.title');
  const kinds = ['world', 'region', 'sub-region', 'intermediate-region', 'development-status', 'income'] as const;
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'profiles.groups.lead')}</p>
      {kinds.map((kind) => {
        const groups = props.groups.filter((g) => g.kind === kind);
        return groups.length === 0 ? null : (
          <>
            <h2>{t(lang, `profiles.groups.heading.${kind}`)}</h2>
            <ul class="tags">
              {groups.map((g) => (
                <li>
                  <a href={`/groups/${g.code}`}>
                    <GroupName lang={lang} code={g.code} names={g.names} />
                  </a>
                </li>
              ))}
            </ul>
          </>
        );
      })}
    </Layout>
  );
}
