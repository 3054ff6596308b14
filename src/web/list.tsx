/**
 * Lists of links inside a sentence, punctuated the reader's way: "A, B" in English, "A、B" in
 * Chinese, "A وB" in Arabic (Intl.ListFormat, conjunction, narrow). A comma typed between two
 * links lands on the wrong side in right-to-left text and is the wrong mark in Chinese.
 */
import type { Child } from 'hono/jsx';
import type { Language } from '../shared/localised.js';

/** A private-use placeholder for item `i` while the separators are worked out. */
const marker = (i: number) => `\u{E000}${i}\u{E001}`;

/** `items` joined by the language's list separators; the items themselves are kept as given (links, <bdi>…). */
export function listOf(lang: Language, items: readonly Child[]): Child[] {
  const parts = new Intl.ListFormat(lang, { type: 'conjunction', style: 'narrow' }).formatToParts(items.map((_, i) => marker(i)));
  return parts.map((part) => {
    const index = /^\u{E000}(\d+)\u{E001}$/u.exec(part.value)?.[1];
    return part.type === 'element' && index !== undefined ? items[Number(index)] : part.value;
  });
}

/** The mark that ends a sentence: "。" in Chinese, "." elsewhere. */
export function fullStop(lang: Language): string {
  return lang === 'zh' ? '。' : '.';
}
