/**
 * Explanations in the reader's language: the engine's message keys and
 * parameters through t(), with every parameter formatted for the language —
 * names of topics, audiences, countries … from their six-language labels (a
 * name the vocabulary has only in English stays English), money and dates
 * through Intl, language codes as language names ("French or Hausa").
 */
import type { Message, Param, TermList } from '../../core/matching/index.js';
import { formatDate, t, type MessageKey } from '../../i18n/i18n.js';
import { pick, type Language, type Localised } from '../../shared/localised.js';

export type Labels = ReadonlyMap<TermList, ReadonlyMap<string, Partial<Localised>>>;

const languageNames = new Map<Language, Intl.DisplayNames>();
const orLists = new Map<Language, Intl.ListFormat>();

function languageName(lang: Language, code: string): string {
  let names = languageNames.get(lang);
  if (!names) languageNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' })));
  return names.of(code) ?? code;
}

function orList(lang: Language, items: readonly string[]): string {
  let list = orLists.get(lang);
  if (!list) orLists.set(lang, (list = new Intl.ListFormat(lang, { type: 'disjunction' })));
  return list.format(items);
}

function money(lang: Language, amount: number, currency: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(
    amount,
  );
}

function renderParam(lang: Language, param: Param, labels: Labels): string | number {
  if (typeof param === 'number' || typeof param === 'string') return param;
  if ('term' in param) return pick(labels.get(param.term)?.get(param.code), lang) || param.code;
  if ('money' in param) return money(lang, param.money.amount, param.money.currency);
  if ('date' in param) return formatDate(lang, new Date(`${param.date}T00:00:00Z`));
  return orList(
    lang,
    param.languages.map((code) => languageName(lang, code)),
  );
}

/**
 * One sentence. The engine's keys are all keys of the catalogue: the assignment below does not
 * compile when the `matching` namespace lacks one.
 * @example renderMessage('fr', { key: 'matching.cost.free', params: {} }, labels) // 'Gratuit'
 */
export function renderMessage(lang: Language, message: Message, labels: Labels): string {
  const key: MessageKey = message.key;
  const params = Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, renderParam(lang, value, labels)]));
  return t(lang, key, params);
}

/** Several sentences of one explanation entry, joined as the language joins clauses. */
export function renderMessages(lang: Language, messages: readonly Message[], labels: Labels): string {
  return messages.map((m) => renderMessage(lang, m, labels)).join(t(lang, 'matching.separator'));
}
