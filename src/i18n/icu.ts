/**
 * ICU MessageFormat through FormatJS's intl-messageformat: a message is parsed
 * once per language, and what it asks for (its arguments, and for a plural the
 * categories it spells out) is read from the parsed form, so t() and the
 * catalogue tests share one reading of the syntax.
 *
 * Tags are off (`ignoreTag`): `<` is plain text in our messages, and markup
 * comes from the page, never from a translation.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';

/** How a message uses one argument: `{name}` is `simple`, `{n, plural, …}` is `plural`, and so on. */
export type ArgumentKind = 'simple' | 'number' | 'date' | 'time' | 'plural' | 'selectordinal' | 'select';

export interface MessageArgument {
  readonly name: string;
  readonly kind: ArgumentKind;
  /** The selectors a plural or select spells out (`one`, `other`, `=0` …). */
  readonly options: readonly string[];
}

export const MESSAGE_OPTIONS = { ignoreTag: true } as const;

/** Every use of an argument in a parsed message, nested plurals and selects included, in order. */
export function argumentsOf(elements: readonly MessageFormatElement[]): MessageArgument[] {
  const found: MessageArgument[] = [];
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        found.push({ name: el.value, kind: 'simple', options: [] });
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.push({ name: el.value, kind: TYPE[el.type] as 'number' | 'date' | 'time', options: [] });
        break;
      case TYPE.plural:
      case TYPE.select: {
        const kind = el.type === TYPE.select ? 'select' : el.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
        found.push({ name: el.value, kind, options: Object.keys(el.options) });
        for (const option of Object.values(el.options)) found.push(...argumentsOf(option.value));
        break;
      }
      case TYPE.tag:
        found.push(...argumentsOf(el.children));
        break;
      default:
        break;
    }
  }
  return found;
}

/** What a parameter may be: text, or a number (formatted for the language). */
export type Param = string | number;

export interface CompiledMessage {
  /** The arguments the message takes, by name; `simple` only when every use of it is `{name}`. */
  readonly arguments: ReadonlyMap<string, ArgumentKind>;
  /** Every use of every argument, with the selectors of plurals and selects. */
  readonly uses: readonly MessageArgument[];
  format(params: Readonly<Record<string, Param>>, formatNumber: (value: number) => string): string;
  /** The message as a list of text and the given objects (a link element inside a sentence). */
  formatParts<T extends object>(params: Readonly<Record<string, Param | T>>, formatNumber: (value: number) => string): (string | T)[];
}

/**
 * Parses one message for one language (throws a SyntaxError naming the problem when it is not valid ICU).
 * @example compileMessage('{n, plural, one {# day} other {# days}}', 'en').format({ n: 2 }, String) // '2 days'
 */
export function compileMessage(source: string, lang: string): CompiledMessage {
  const format = new IntlMessageFormat(source, lang, undefined, MESSAGE_OPTIONS);
  const ast = format.getAst();
  const uses = argumentsOf(ast);
  const kinds = new Map<string, ArgumentKind>();
  for (const arg of uses) {
    const seen = kinds.get(arg.name);
    kinds.set(arg.name, seen === undefined || seen === 'simple' ? arg.kind : seen);
  }
  const only = ast.length === 1 ? ast[0] : undefined;
  const literal = ast.length === 0 ? '' : only?.type === TYPE.literal ? only.value : undefined;
  function valuesOf<V>(params: Readonly<Record<string, V | Param>>, formatNumber: (value: number) => string) {
    const values: Record<string, V | Param> = {};
    for (const [name, kind] of kinds) {
      const value = params[name];
      if (value === undefined) {
        // A forgotten text parameter stays visible rather than vanishing; a count cannot be guessed.
        if (kind !== 'simple') throw new Error(`The message "${source}" needs the parameter "${name}"`);
        values[name] = `{${name}}`;
      } else values[name] = kind === 'simple' && typeof value === 'number' ? formatNumber(value) : value;
    }
    return values;
  }
  return {
    arguments: kinds,
    uses,
    format(params, formatNumber) {
      if (literal !== undefined) return literal;
      return String(format.format(valuesOf(params, formatNumber)));
    },
    formatParts<T extends object>(params: Readonly<Record<string, Param | T>>, formatNumber: (value: number) => string) {
      if (literal !== undefined) return [literal];
      return format.formatToParts<T>(valuesOf<T>(params, formatNumber)).map((part) => part.value as string | T);
    },
  };
}
