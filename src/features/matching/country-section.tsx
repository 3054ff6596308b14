/**
 * The country page's capacity section, injected through app.ts like the
 * indicators' connectivity section: the country's open public needs with
 * their best offers (ranked and explained by the engine), and the published
 * pledges that could address its connectivity gaps. Public data only (the
 * page is the same for every reader): needs and offers are read as an
 * anonymous visitor. A self-contained component with its data function, so a
 * redesigned country page can place it anywhere.
 */
import type { Child } from 'hono/jsx';
import { ANONYMOUS } from '../../core/policy/actor.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import type { PageContext } from '../../web/layout.js';
import { openNeedIdsOfCountry } from './candidate-repository.js';
import { reference } from './context.js';
import { matchesForNeed } from './need-matches.js';
import { countryPledges, presentCountryPledges } from './pledge-service.js';
import type { MatchingDeps } from './service-support.js';

/** Open needs shown, newest first, and offers per need. */
const NEEDS_SHOWN = 5;
const OFFERS_PER_NEED = 2;
/** Gaps shown, furthest first, and pledges per gap. */
const GAPS_SHOWN = 3;
const PLEDGES_PER_GAP = 3;

export interface CountryCapacity {
  readonly needs: {
    readonly id: string;
    readonly title: string;
    readonly language: string;
    readonly demo: boolean;
    readonly offers: {
      readonly title: string;
      readonly provider: string;
      readonly score: number;
      readonly language: string;
      readonly demo: boolean;
    }[];
  }[];
  readonly gaps: ReturnType<typeof presentCountryPledges>['gaps'];
}

/**
 * What the section shows for one country, in the reader's language.
 * @example (await countryCapacity({ db }, 'NER', 'fr')).needs[0]?.offers[0]?.title
 */
export async function countryCapacity(deps: MatchingDeps, iso3: string, lang: Language): Promise<CountryCapacity> {
  const ids = await openNeedIdsOfCountry(deps.db, iso3, NEEDS_SHOWN);
  const [ranked, pledges, { labels }] = await Promise.all([
    Promise.all(ids.map((id) => matchesForNeed(deps, ANONYMOUS, id, { limit: OFFERS_PER_NEED }))),
    countryPledges(deps.db, ANONYMOUS, iso3).catch(() => undefined),
    reference(deps.db),
  ]);
  return {
    needs: ranked.map((r) => ({
      id: r.need.id,
      title: r.need.title,
      language: r.need.language,
      demo: r.need.demo,
      offers: r.items.map((i) => ({
        title: i.record.title,
        provider: i.record.provider.name,
        score: i.match.score,
        language: i.record.language,
        demo: i.record.demo,
      })),
    })),
    gaps: pledges
      ? presentCountryPledges(pledges, lang, labels)
          .gaps.slice(0, GAPS_SHOWN)
          .map((g) => ({ ...g, pledges: g.pledges.slice(0, PLEDGES_PER_GAP) }))
      : [],
  };
}

export function CapacitySection(props: { ctx: PageContext; data: CountryCapacity }) {
  const { lang } = props.ctx;
  const { needs, gaps } = props.data;
  const percent = (score: number) => new Intl.NumberFormat(lang, { style: 'percent' }).format(score);
  return (
    <section aria-labelledby="capacity-title" class="stack">
      <h2 id="capacity-title">{t(lang, 'matches.country.title')}</h2>
      <h3>{t(lang, 'matches.country.needs')}</h3>
      {needs.length === 0 ? (
        <p>{t(lang, 'matches.country.noNeeds')}</p>
      ) : (
        <ul>
          {needs.map((need) => (
            <li>
              <a href={`/needs/${need.id}/matches`} lang={need.language}>
                {need.title}
              </a>
              {need.offers.length === 0 ? (
                <p class="hint">{t(lang, 'matches.country.noMatch')}</p>
              ) : (
                <ul>
                  {need.offers.map((o) => (
                    <li>
                      <span lang={o.language}>{o.title}</span> · {t(lang, 'matches.by', { name: o.provider })} ·{' '}
                      {t(lang, 'matches.score', { score: percent(o.score) })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {needs.some((n) => n.demo) ? <p class="hint">{t(lang, 'matches.country.demo')}</p> : null}
      <h3>{t(lang, 'matches.country.pledges')}</h3>
      {gaps.every((g) => g.pledges.length === 0) ? (
        <p>{t(lang, 'matches.country.noPledges')}</p>
      ) : (
        <ul>
          {gaps
            .filter((g) => g.pledges.length > 0)
            .map((g) => (
              <li>
                {g.text}
                <ul>
                  {g.pledges.map((p) => (
                    <li>
                      <span lang={p.offering.language}>{p.offering.title}</span> ·{' '}
                      {t(lang, 'matches.by', { name: p.offering.provider.name })}
                      {' · '}
                      {percent(p.score)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The section as the reference feature's country page asks for it (areas without an ISO code get none).
 * @example referencePages(deps, { countrySections: [connectivitySection(deps), capacitySection(deps)] })
 */
export function capacitySection(deps: MatchingDeps) {
  return async (country: { iso3: string | null }, ctx: PageContext): Promise<Child> => {
    if (!country.iso3) return null;
    const data = await countryCapacity(deps, country.iso3, ctx.lang);
    return <CapacitySection ctx={ctx} data={data} />;
  };
}
