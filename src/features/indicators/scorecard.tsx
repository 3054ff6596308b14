/**
 * The 2030 scorecard: every indicator with a target — latest value and year, the target itself,
 * the ITU band or status, the 2030 projection and the years to the target at the current pace.
 * A table on wide screens; on narrow ones each row shows as a card (app.css), with the column
 * name written before each value, so nothing is squeezed and nothing scrolls sideways.
 */
import { t } from '../../i18n/i18n.js';
import { pick, type Language } from '../../shared/localised.js';
import { clauses, targetText, valueText, yearText } from './page-text.js';
import type { ProfileIndicator } from './schemas.js';

export function Scorecard(props: { lang: Language; indicators: readonly ProfileIndicator[] }) {
  const { lang } = props;
  const rows = props.indicators.filter((i) => i.target !== null);
  const columns = [
    t(lang, 'profiles.score.latest'),
    t(lang, 'connect.col.target'),
    t(lang, 'profiles.score.status'),
    t(lang, 'connect.col.outlook'),
  ] as const;
  return (
    <>
      <h3 id="scorecard">{t(lang, 'profiles.score.title')}</h3>
      <table class="stack-table" role="table" aria-labelledby="scorecard">
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">
              {t(lang, 'connect.col.indicator')}
            </th>
            {columns.map((c) => (
              <th scope="col" role="columnheader">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr role="row">
              <th scope="row" role="rowheader">
                <a href={`#i-${i.code}`}>{pick(i.names, lang)}</a>
              </th>
              <td role="cell" data-label={columns[0]}>
                {i.latest
                  ? t(lang, 'profiles.valueYear', { value: valueText(lang, i, i.latest.value), year: yearText(lang, i.latest.year) })
                  : t(lang, 'charts.noData')}
              </td>
              <td role="cell" data-label={columns[1]}>
                {targetText(lang, i, i.target!)}
              </td>
              <td role="cell" data-label={columns[2]}>
                {i.latest ? <Status lang={lang} indicator={i} /> : '—'}
              </td>
              <td role="cell" data-label={columns[3]}>
                {outlook(lang, i)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function outlook(lang: Language, i: ProfileIndicator): string {
  if (!i.latest) return '—';
  if (i.targetMet) return t(lang, 'connect.status.met');
  if (i.projected2030 === null || i.onTrack === null) return t(lang, 'connect.trend.none');
  const projected = t(lang, i.onTrack ? 'connect.outlook.onTrack' : 'connect.outlook.offTrack', {
    value: valueText(lang, i, i.projected2030),
  });
  if (i.onTrack) return projected;
  const years = i.yearsToTarget === null ? t(lang, 'connect.outlook.never') : t(lang, 'connect.outlook.years', { years: i.yearsToTarget });
  return clauses(lang, [projected, years]);
}

/** The band (at-least targets) or whether the target is met, as a word: colour never carries it alone. */
export function Status(props: { lang: Language; indicator: Pick<ProfileIndicator, 'band' | 'targetMet'> }) {
  const { lang, indicator: i } = props;
  if (i.band) return <span class={`band band-${i.band}`}>{t(lang, `connect.band.${i.band}`)}</span>;
  if (i.targetMet === null) return null;
  return (
    <span class={`band band-${i.targetMet ? 'target-met' : 'limited'}`}>
      {t(lang, i.targetMet ? 'connect.status.met' : 'connect.status.notMet')}
    </span>
  );
}
