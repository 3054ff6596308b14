/**
 * The sentence a results page shows under its count when the relevance order covered only the most
 * recently listed matches (search.ts caps the ranked window): the finder and the catalogues say it
 * alike, in the reader's language. Nothing when the ranking was whole or the order is newest first.
 */
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';

export function RankingNote(props: { lang: Language; search: { readonly capped: boolean; readonly ranked: number | null } }) {
  const { capped, ranked } = props.search;
  return capped && ranked !== null ? <p>{t(props.lang, 'search.rankedAmongRecent', { count: ranked })}</p> : null;
}
