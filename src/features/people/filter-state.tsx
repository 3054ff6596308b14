/**
 * A search page's filter fields in their refused state, as the forms stage draws fields: the
 * control marked invalid and described by its error line, which says what to enter. The search
 * pages keep their own compact GET forms (filters side by side), so they take these two pieces
 * instead of the stage's full field components.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { t } from '../../i18n/i18n.js';
import type { FormError } from '../../platform/forms/index.js';
import type { Language } from '../../shared/localised.js';

export interface FilterState {
  /** aria-invalid and aria-describedby for the control with this id (nothing when it is fine). */
  attrs(id: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string };
  /** The error line to put above the control, or nothing. */
  line(id: string): JSX.Element | null;
}

/** @example const invalid = filterState('fr', errors); <select {...invalid.attrs('level')} id="level" …> */
export function filterState(lang: Language, errors: readonly FormError[]): FilterState {
  const errorOf = (id: string) => errors.find((e) => e.id === id && e.field !== '');
  return {
    attrs: (id) => (errorOf(id) ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {}),
    line: (id) => {
      const error = errorOf(id);
      return error ? (
        <p class="error" id={`${id}-error`}>
          {t(lang, error.message.key, error.message.params ?? {})}
        </p>
      ) : null;
    },
  };
}
