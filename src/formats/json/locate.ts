/**
 * Where each value of a JSON text starts (line and column, 1-based), by JSON
 * pointer, so that an import can name the line and column of a bad field as
 * it does for CSV. A small scanner over valid JSON (parse it with JSON.parse
 * first); it does not validate.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * @example jsonPositions('[\n  {"title": 1}\n]').get('/0/title') // { line: 2, column: 13 }
 */
export function jsonPositions(text: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const here = (): Position => ({ line, column: i - lineStart + 1 });
  const skipSpace = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') {
        line += 1;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i += 1;
    }
  };
  const readString = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    skipSpace();
    positions.set(pointer, here());
    const c = text[i];
    if (c === '{') {
      i += 1;
      skipSpace();
      while (i < text.length && text[i] !== '}') {
        skipSpace();
        const key = readString();
        skipSpace();
        i += 1; // the colon
        value(`${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
        skipSpace();
        if (text[i] === ',') i += 1;
        skipSpace();
      }
      i += 1;
    } else if (c === '[') {
      i += 1;
      skipSpace();
      let index = 0;
      while (i < text.length && text[i] !== ']') {
        value(`${pointer}/${index}`);
        index += 1;
        skipSpace();
        if (text[i] === ',') i += 1;
        skipSpace();
      }
      i += 1;
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i += 1;
    }
  };
  value('');
  return positions;
}

/**
 * The position of `path` in the text, or of its nearest ancestor that exists (a missing field is
 * reported where its object starts).
 * @example positionOf(positions, [3, 'topics', 0])
 */
export function positionOf(positions: ReadonlyMap<string, Position>, path: readonly (string | number)[]): Position | undefined {
  for (let n = path.length; n >= 0; n -= 1) {
    const pointer = path
      .slice(0, n)
      .map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`)
      .join('');
    const found = positions.get(pointer);
    if (found) return found;
  }
  return undefined;
}

/**
 * Where a JSON text stops being valid JSON (offset of the first character that cannot be read),
 * or undefined when it is valid. JSON.parse does not always say (V8's "Unexpected token" has no
 * position), and an import must name the line and column.
 * @example syntaxErrorOffset('[1, }') // 4
 */
export function syntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i += 1;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i += 1;
    }
    if (i >= text.length) fail();
    i += 1;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i += 1;
      space();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i += 1;
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i += 1;
      space();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
}
