/**
 * The main navigation, contributed by the features: each exports its entries
 * (`referenceNav`, `organisationsNav` …) and app.ts hands the list, in order,
 * to `navigation()`, so the page shell knows no feature's URL. Pages read the
 * list from their PageContext.
 */
import type { MiddlewareHandler } from 'hono';
import type { MessageKey } from '../i18n/i18n.js';

export interface NavEntry {
  readonly href: string;
  /** The link's text. */
  readonly label: MessageKey;
  /** Who sees it: everyone (default), only a signed-in person, or only a visitor not signed in. */
  readonly audience?: 'everyone' | 'signed-in' | 'signed-out';
  /** When it is the current section: the path is `href` (exact) or starts with it (prefix, the default; `/` is always exact). */
  readonly match?: 'exact' | 'prefix';
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The main navigation, set by navigation() in app.ts. */
    navigation: readonly NavEntry[];
  }
}

/** @example app.use(navigation([homeNav, referenceNav, organisationsNav, apiDocsNav, ...accountNav])) */
export function navigation(entries: readonly NavEntry[]): MiddlewareHandler {
  const frozen = Object.freeze([...entries]);
  return async (c, next) => {
    c.set('navigation', frozen);
    await next();
  };
}

/** The entries a visitor sees, signed in or not. */
export function visibleEntries(entries: readonly NavEntry[], signedIn: boolean): NavEntry[] {
  return entries.filter((e) => (e.audience ?? 'everyone') === 'everyone' || (e.audience === 'signed-in') === signedIn);
}

/** The entry of the section `pathname` is in, if any: the longest matching href wins. */
export function currentEntry(entries: readonly NavEntry[], pathname: string): NavEntry | undefined {
  const matches = entries.filter((e) =>
    e.href === '/' || e.match === 'exact' ? pathname === e.href : pathname === e.href || pathname.startsWith(`${e.href}/`),
  );
  return matches.toSorted((a, b) => b.href.length - a.href.length)[0];
}
