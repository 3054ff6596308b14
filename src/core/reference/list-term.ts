/** The shape of a controlled list and its terms, and a compact way to write a term in six languages. */
import type { Localised } from '../../shared/localised.js';

/** A term; `related` links it to terms of other taxonomies or to indicators (e.g. a UMC dimension's indicator). */
export interface Term {
  code: string;
  labels: Localised;
  parentCode?: string;
  related?: Readonly<Record<string, readonly string[]>>;
}

export interface ControlledList {
  name: string;
  labels: Localised;
  terms: Term[];
}

/** @example t('low', 'منخفض', '低', 'Low', 'Faible', 'Низкая', 'Bajo') */
export const t = (code: string, ar: string, zh: string, en: string, fr: string, ru: string, es: string, parentCode?: string): Term => ({
  code,
  labels: { ar, zh, en, fr, ru, es },
  ...(parentCode ? { parentCode } : {}),
});
