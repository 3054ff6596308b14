/** How much: budgets and transactions (summarised to kind, date and value). */
import {
  isCurrencyCode,
  isKnownCurrency,
  isPlausibleAmount,
  type Budget,
  type Money,
  type Transaction,
} from '../../core/projects/index.js';
import { BUDGET_STATUS, BUDGET_TYPE, TRANSACTION_TYPE } from './codelists.js';
import type { ReadContext } from './read-context.js';
import { optionalAttr, parseDecimal, readCode, readDate, single } from './read-values.js';
import type { XmlNode } from './xml-node.js';

/** A currency code as given, checked for shape (refused) and against ICU's list (warned). */
export function readCurrency(node: XmlNode, name: string, ctx: ReadContext): string | null | undefined {
  const raw = optionalAttr(node, name);
  if (raw === null) return null;
  if (!isCurrencyCode(raw)) {
    ctx.problems.add(node, 'invalid-value', 'error', `<${node.name}> @${name} "${raw}" is not an ISO 4217 currency code`);
    return undefined;
  }
  if (!isKnownCurrency(raw)) {
    ctx.problems.add(
      node,
      'unknown-currency',
      'warning',
      `<${node.name}> @${name} "${raw}" is not a currency this system knows; it is kept as given`,
    );
  }
  return raw;
}

/** The `<value>` of a budget or transaction, or `null` (reported) when unusable. */
function readMoney(owner: XmlNode, ctx: ReadContext, defaultCurrency: string | null, consequence: string): Money | null {
  const node = single(owner, 'value', ctx);
  if (node === undefined) {
    ctx.problems.add(owner, 'missing-required', 'error', `<${owner.name}> has no <value>; ${consequence}`);
    return null;
  }
  const raw = node.readText();
  const amount = parseDecimal(raw);
  if (amount === null || !isPlausibleAmount(amount)) {
    ctx.problems.add(
      node,
      'invalid-value',
      'error',
      `<value> "${raw.trim()}" is not a plausible amount (a decimal number below 10^15); ${consequence}`,
    );
    return null;
  }
  const currency = readCurrency(node, 'currency', ctx);
  if (currency === undefined) {
    ctx.problems.add(node, 'invalid-value', 'error', `the amount's currency is unusable; ${consequence}`);
    return null;
  }
  if (currency === null && defaultCurrency === null) {
    ctx.problems.add(node, 'currency-missing', 'error', `<value> has no currency and the activity no default-currency; ${consequence}`);
    return null;
  }
  const valueDate = readDate(node, 'value-date', ctx, consequence);
  if (valueDate === null) return null;
  return { amount, currency, valueDate };
}

function periodDate(owner: XmlNode, name: string, ctx: ReadContext, consequence: string): string | null {
  const node = single(owner, name, ctx);
  if (node === undefined) {
    ctx.problems.add(owner, 'missing-required', 'error', `<${owner.name}> has no <${name}>; ${consequence}`);
    return null;
  }
  return readDate(node, 'iso-date', ctx, consequence);
}

export function readBudgets(activity: XmlNode, ctx: ReadContext, defaultCurrency: string | null): Budget[] {
  const budgets: Budget[] = [];
  for (const node of activity.all('budget')) {
    const consequence = 'this budget is not imported';
    const periodStart = periodDate(node, 'period-start', ctx, consequence);
    const periodEnd = periodDate(node, 'period-end', ctx, consequence);
    const value = readMoney(node, ctx, defaultCurrency, consequence);
    const type = readCode(node, 'type', BUDGET_TYPE, ctx, 'read as original') ?? 'original';
    const status = readCode(node, 'status', BUDGET_STATUS, ctx, 'read as indicative') ?? 'indicative';
    if (periodStart === null || periodEnd === null || value === null) continue;
    if (periodEnd < periodStart) {
      ctx.problems.add(
        node,
        'invalid-value',
        'error',
        `the budget period ends (${periodEnd}) before it starts (${periodStart}); ${consequence}`,
      );
      continue;
    }
    budgets.push({ type, status, periodStart, periodEnd, value });
  }
  return budgets;
}

export function readTransactions(activity: XmlNode, ctx: ReadContext, defaultCurrency: string | null): Transaction[] {
  const transactions: Transaction[] = [];
  for (const node of activity.all('transaction')) {
    const consequence = 'this transaction is not imported';
    const typeNode = single(node, 'transaction-type', ctx);
    const dateNode = single(node, 'transaction-date', ctx);
    let type: Transaction['type'] | null = null;
    if (typeNode === undefined)
      ctx.problems.add(node, 'missing-required', 'error', `<transaction> has no <transaction-type>; ${consequence}`);
    else type = readCode(typeNode, 'code', TRANSACTION_TYPE, ctx, consequence);
    if (typeNode !== undefined && type === null && optionalAttr(typeNode, 'code') === null) {
      ctx.problems.add(typeNode, 'missing-required', 'error', `<transaction-type> has no code; ${consequence}`);
    }
    if (dateNode === undefined)
      ctx.problems.add(node, 'missing-required', 'error', `<transaction> has no <transaction-date>; ${consequence}`);
    const date = dateNode === undefined ? null : readDate(dateNode, 'iso-date', ctx, consequence);
    const value = readMoney(node, ctx, defaultCurrency, consequence);
    if (type === null || date === null || value === null) continue;
    transactions.push({ type, date, value });
  }
  return transactions;
}
