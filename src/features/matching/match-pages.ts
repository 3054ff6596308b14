/**
 * The API's use cases: a need's or an offering's matches, presented in the
 * reader's language (the names in explanations come from the vocabulary,
 * cached per data version with the rest of the reference, context.ts).
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Language } from '../../shared/localised.js';
import { reference } from './context.js';
import { presentNeedMatches, presentOfferingMatches } from './presenters.js';
import type { MatchQuery, NeedMatchPage, OfferingMatchPage } from './schemas.js';
import { matchesForNeed } from './need-matches.js';
import { matchesForOffering } from './offering-matches.js';
import type { MatchingDeps } from './service-support.js';

/** @example await needMatchPage({ db }, actor, id, { limit: 10 }, 'fr') */
export async function needMatchPage(
  deps: MatchingDeps,
  actor: Actor,
  id: string,
  query: MatchQuery,
  lang: Language,
): Promise<NeedMatchPage> {
  const options = { limit: query.limit, explainExcluded: query.explain === 'excluded' };
  const [result, { labels }] = await Promise.all([matchesForNeed(deps, actor, id, options), reference(deps.db)]);
  return presentNeedMatches(result, lang, labels);
}

export async function offeringMatchPage(
  deps: MatchingDeps,
  actor: Actor,
  id: string,
  query: MatchQuery,
  lang: Language,
): Promise<OfferingMatchPage> {
  const options = { limit: query.limit, explainExcluded: query.explain === 'excluded' };
  const [result, { labels }] = await Promise.all([matchesForOffering(deps, actor, id, options), reference(deps.db)]);
  return presentOfferingMatches(result, lang, labels);
}
