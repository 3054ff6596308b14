/**
 * The interface text of every namespace, merged into one catalogue per
 * language. A new namespace is six JSON files, a three-line module in
 * `namespaces/` and one entry in NAMESPACES (see src/i18n/README.md).
 */
import type { Language } from '../shared/localised.js';
import type { Namespace } from './namespace.js';
import { accounts } from './namespaces/accounts.js';
import { brief } from './namespaces/brief.js';
import { charts } from './namespaces/charts.js';
import { capacity } from './namespaces/capacity.js';
import { clearinghouse } from './namespaces/clearinghouse.js';
import { connect } from './namespaces/connect.js';
import { forms } from './namespaces/forms.js';
import { harvest } from './namespaces/harvest.js';
import { people } from './namespaces/people.js';
import { insights } from './namespaces/insights.js';
import { matches } from './namespaces/matches.js';
import { matching } from './namespaces/matching.js';
import { platform } from './namespaces/platform.js';
import { profiles } from './namespaces/profiles.js';
import { projects } from './namespaces/projects.js';
import { shell } from './namespaces/shell.js';
import { activity } from './namespaces/activity.js';

export const NAMESPACES = [
  shell,
  accounts,
  platform,
  connect,
  forms,
  capacity,
  people,
  projects,
  matching,
  matches,
  insights,
  charts,
  profiles,
  brief,
  activity,
  clearinghouse,
  harvest,
] as const;

type KeysOf<N> = N extends Namespace<infer E> ? keyof E & string : never;

/** Every key of every namespace's English file: t() accepts these and nothing else. */
export type MessageKey = KeysOf<(typeof NAMESPACES)[number]>;
export type Catalogue = Readonly<Record<MessageKey, string>>;

function merged(lang: Language): Catalogue {
  return Object.assign({}, ...NAMESPACES.map((n) => n.messages[lang])) as Catalogue;
}

/** Raw ICU text per language and key (t() formats it; a language's own name is plain text). */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = {
  ar: merged('ar'),
  zh: merged('zh'),
  en: merged('en'),
  fr: merged('fr'),
  ru: merged('ru'),
  es: merged('es'),
};
