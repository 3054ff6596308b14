/**
 * The connectivity section of a country page: one table row per connectivity indicator with
 * the latest value (source and publication date beside it), the 2030 target band or status,
 * the trend in words, the 2030 outlook and the rank in the region and groups (with the years
 * compared and how many peers had no value in them). Plain HTML, no
 * script; sources are numbered once below the table to keep the page within its byte budget.
 */
import type { Child } from 'hono/jsx';
import { formatNumber, t, type MessageKey } from '../../i18n/i18n.js';
import type { Deps } from '../../http/app-env.js';
import { pick, type Language } from '../../shared/localised.js';
import type { PageContext } from '../../web/layout.js';
import type { Country } from '../reference/index.js';
import type { CountryProfile, ProfileIndicator } from './schemas.js';
import { countryProfile } from './service.js';

const UNIT_KEYS: Record<string, MessageKey> = {
  percent: 'connect.unit.percent',
  'per-100-inhabitants': 'connect.unit.per100',
  'current-usd': 'connect.unit.usd',
  'percent-of-monthly-gni-per-capita': 'connect.unit.gniShare',
};

/** Indicators that are context, not connectivity (no direction and no target): left to other sections. */
function isConnectivity(i: ProfileIndicator): boolean {
  return i.latest !== null && (i.direction !== null || i.target !== null);
}

function number(lang: Language, i: Pick<ProfileIndicator, 'unit' | 'decimals'>, value: number): string {
  const text = formatNumber(lang, value, { maximumFractionDigits: i.decimals, minimumFractionDigits: i.decimals });
  return t(lang, UNIT_KEYS[i.unit] ?? 'connect.unit.plain', { value: text });
}

function date(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function targetCell(lang: Language, i: ProfileIndicator): string {
  if (!i.target) return t(lang, 'connect.noTarget');
  if (i.band) return t(lang, `connect.band.${i.band}`);
  return t(lang, i.targetMet ? 'connect.status.met' : 'connect.status.notMet');
}

function trendCell(lang: Language, i: ProfileIndicator): Child {
  if (!i.trend) return t(lang, 'connect.trend.none');
  const slope = i.trend.slope;
  const step = formatNumber(lang, Math.abs(slope), { maximumFractionDigits: Math.max(1, i.decimals) });
  // A change that rounds to zero at the indicator's precision is flat.
  if (Number(Math.abs(slope).toFixed(Math.max(1, i.decimals))) === 0) return t(lang, 'connect.trend.flat');
  return (
    <>
      <span aria-hidden="true">{slope > 0 ? '↗ ' : '↘ '}</span>
      {t(lang, slope > 0 ? 'connect.trend.up' : 'connect.trend.down', { value: step })}
    </>
  );
}

function outlookCell(lang: Language, i: ProfileIndicator): Child {
  if (i.projected2030 === null || i.onTrack === null) return '—';
  const projected = number(lang, i, i.projected2030);
  const years =
    i.onTrack || i.targetMet
      ? null
      : i.yearsToTarget === null
        ? t(lang, 'connect.outlook.never')
        : t(lang, 'connect.outlook.years', { years: i.yearsToTarget });
  return (
    <>
      {t(lang, i.onTrack ? 'connect.outlook.onTrack' : 'connect.outlook.offTrack', { value: projected })}
      {years ? (
        <>
          <br />
          <small>{years}</small>
        </>
      ) : null}
    </>
  );
}

/** "4 of 50, Africa (2022–2024; 3 without data)": the rank with the years compared and the peers left out. */
function rankText(lang: Language, r: ProfileIndicator['ranks'][number], group: string): string {
  const params = { rank: r.rank, of: r.of, group, from: String(r.window.from), to: String(r.window.to), missing: r.withoutValue };
  return t(lang, r.withoutValue > 0 ? 'connect.rankWithMissing' : 'connect.rank', params);
}

export function ConnectivitySection(props: { ctx: PageContext; country: Country; profile: CountryProfile }) {
  const { lang } = props.ctx;
  const rows = props.profile.indicators.filter(isConnectivity);
  const groupNames = new Map(props.country.groups.map((g) => [g.code, pick(g.names, lang)]));
  const sources = [...new Set(rows.map((r) => r.latest!.source))];
  const iso3 = props.profile.country.iso3;
  return (
    <section aria-labelledby="connectivity">
      <h2 id="connectivity">{t(lang, 'connect.title')}</h2>
      {rows.length === 0 ? (
        <p>{t(lang, 'connect.none')}</p>
      ) : (
        <>
          <p>{t(lang, 'connect.lead')}</p>
          <div class="scroll" role="region" aria-labelledby="connectivity-caption" tabindex={0}>
            <table>
              <caption id="connectivity-caption">{t(lang, 'connect.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'connect.col.indicator')}</th>
                  <th scope="col">{t(lang, 'connect.col.latest')}</th>
                  <th scope="col">{t(lang, 'connect.col.target')}</th>
                  <th scope="col">{t(lang, 'connect.col.trend')}</th>
                  <th scope="col">{t(lang, 'connect.col.outlook')}</th>
                  <th scope="col">{t(lang, 'connect.col.rank')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => {
                  const latest = i.latest!;
                  return (
                    <tr>
                      <th scope="row">{pick(i.names, lang)}</th>
                      <td>
                        {number(lang, i, latest.value)} {t(lang, 'connect.year', { year: String(latest.year) })}
                        {latest.estimate ? ` (${t(lang, 'connect.estimate')})` : ''}
                        <br />
                        <small>
                          {t(lang, 'connect.source', { n: sources.indexOf(latest.source) + 1, date: date(lang, latest.vintage) })}
                        </small>
                      </td>
                      <td>{targetCell(lang, i)}</td>
                      <td>{trendCell(lang, i)}</td>
                      <td>{outlookCell(lang, i)}</td>
                      <td>
                        {i.ranks.map((r, n) => (
                          <>
                            {n > 0 ? <br /> : null}
                            {rankText(lang, r, groupNames.get(r.group) ?? r.group)}
                          </>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <small>{t(lang, 'connect.methods')}</small>
          </p>
          <h3>{t(lang, 'connect.sources')}</h3>
          {/* The list keeps the page's direction (its markers stay inside in Arabic); only the English names are isolated. */}
          <ol>
            {sources.map((s) => (
              <li>
                <span lang="en" dir="ltr">
                  {s}
                </span>
              </li>
            ))}
          </ol>
          <p>
            {t(lang, 'connect.download')} <a href={`/api/v1/countries/${iso3}/profile?format=csv`}>CSV</a>,{' '}
            <a href={`/api/v1/countries/${iso3}/profile?format=sdmx-csv`}>SDMX-CSV</a>,{' '}
            <a href={`/api/v1/countries/${iso3}/profile`}>JSON</a>
          </p>
        </>
      )}
    </section>
  );
}

/**
 * The section as the reference feature's country page asks for it; areas without an ISO code
 * (and so without a profile) get none.
 * @example referencePages(deps, { countrySections: [connectivitySection(deps)] })
 */
export function connectivitySection({ db }: Deps) {
  return async (country: Country, ctx: PageContext): Promise<Child> => {
    if (!country.iso3) return null;
    const profile = await countryProfile(db, country.iso3);
    return <ConnectivitySection ctx={ctx} country={country} profile={profile} />;
  };
}
