/**
 * One namespace of interface text: a JSON file per language under
 * `messages/<lang>/<name>.json`, flat keys, ICU MessageFormat values. English
 * defines the keys; the type below makes `tsc` refuse another language that
 * misses one (i18n.test.ts refuses one that has a key too many).
 */
import type { Language } from '../shared/localised.js';

/** Key → ICU MessageFormat text. */
export type Messages = Readonly<Record<string, string>>;

export interface Namespace<E extends Messages = Messages> {
  readonly name: string;
  readonly messages: { readonly en: E } & Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<keyof E, string>>>>;
}

/**
 * @example export const connect = namespace('connect', { ar, zh, en, fr, ru, es }); // each the JSON of its language
 */
export function namespace<E extends Messages>(name: string, messages: Namespace<E>['messages']): Namespace<E> {
  return { name, messages };
}
