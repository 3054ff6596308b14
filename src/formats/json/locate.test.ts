import { describe, expect, it } from 'vitest';
import { jsonPositions, positionOf, syntaxErrorOffset } from './locate.js';

describe('JSON positions', () => {
  const text = '[\n  {"title": "A", "topics": ["x", "y"]},\n  {\n    "title": "B \\" [quoted]",\n    "n": -1.5e3\n  }\n]\n';

  it('finds the line and column where each value starts', () => {
    const positions = jsonPositions(text);
    expect(positions.get('/0')).toEqual({ line: 2, column: 3 });
    expect(positions.get('/0/topics/1')).toEqual({ line: 2, column: 34 });
    expect(positions.get('/1/title')).toEqual({ line: 4, column: 14 });
    expect(positions.get('/1/n')).toEqual({ line: 5, column: 10 });
  });

  it('reports a missing field where its object starts', () => {
    expect(positionOf(jsonPositions(text), [1, 'summary'])).toEqual({ line: 3, column: 3 });
  });

  it('escapes keys as JSON pointers do', () => {
    expect(jsonPositions('{"a/b": {"c~d": true}}').get('/a~1b/c~0d')).toEqual({ line: 1, column: 17 });
  });
});

describe('JSON syntax errors', () => {
  it('finds where a text stops being JSON, and nothing in valid JSON', () => {
    expect(syntaxErrorOffset('[\n  {"kind": "course",\n  "title": }\n]')).toBe(34);
    expect(syntaxErrorOffset('[1, 2')).toBe(5);
    expect(syntaxErrorOffset('{"a" 1}')).toBe(5);
    expect(syntaxErrorOffset('"tab\there"')).toBe(4);
    expect(syntaxErrorOffset('[1] x')).toBe(4);
    expect(syntaxErrorOffset('[{"a": [true, false, null, -1.5e3, "\\u00e9\\n"]}, {}]')).toBeUndefined();
  });
});
