/** How an activity event reads in a language: its kind, and a match's status in the workflow's words. */
import { t, type MessageKey } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import type { ActivityEvent } from './service.js';

export function kindLabel(lang: Language, event: ActivityEvent): string {
  return event.kind === 'match' ? t(lang, 'activity.kind.match') : t(lang, `people.activity.kind.${event.kind}` as MessageKey);
}

/** What changed: a match's status as the match pages say it (`in-delivery` → "In delivery"); anything else as recorded. */
export function detailOf(lang: Language, event: ActivityEvent): string {
  if (event.kind !== 'match') return event.detail;
  return t(lang, 'matches.status', { status: event.detail.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) });
}
