import { describe, expect, it } from 'vitest';
import { inlineStyles, minifyCss, stylesheet } from './assets.js';

describe('minifyCss', () => {
  it('drops comments and layout whitespace', () => {
    expect(minifyCss('/* a note */\n.a  >  b ,\n.c {\n  color: red ;\n  margin: 0 1rem;\n}\n')).toBe('.a>b,.c{color:red;margin:0 1rem}');
  });

  it('keeps quoted strings exactly, spaces and punctuation included', () => {
    expect(minifyCss('td::before { content: attr(data-label) ": "; }')).toBe('td::before{content:attr(data-label) ": "}');
    expect(minifyCss("a::after { content: ' <' attr(href) '> , ; { }'; }")).toBe("a::after{content:' <' attr(href) '> , ; { }'}");
  });

  it('treats a comment marker inside a string as text and a quote inside a comment as comment', () => {
    expect(minifyCss('a::after { content: "/* not a comment */"; } /* it\'s a comment */ b { c: d }')).toBe(
      'a::after{content:"/* not a comment */"}b{c:d}',
    );
  });

  it('keeps the space of a descendant combinator before a pseudo-class', () => {
    expect(minifyCss('header.site :focus-visible { outline: 2px solid; }')).toBe('header.site :focus-visible{outline:2px solid}');
  });

  it('leaves every quoted string of the real stylesheet as written', () => {
    const strings = stylesheet.body.replace(/\/\*[\s\S]*?\*\//g, '').match(/"[^"\n]*"|'[^'\n]*'/g) ?? [];
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) expect(inlineStyles.text).toContain(s);
  });
});
