import { expect, it } from 'vitest';
import { testApp } from '../../test/support/app.js';
import { forEachEngine } from '../../test/support/engines.js';
import { publicAddress } from './public-origin.js';

it('puts the path and query under the public origin, dropping any path the public address carries', () => {
  const url = new URL('http://127.0.0.1:3000/countries/KEN/brief?lang=ar');
  expect(publicAddress(url, undefined)).toBe('http://127.0.0.1:3000/countries/KEN/brief?lang=ar');
  expect(publicAddress(url, new URL('https://dcp.example.org/').origin)).toBe('https://dcp.example.org/countries/KEN/brief?lang=ar');
});

forEachEngine('the printed page address', (t) => {
  const printedLine = async (env: Record<string, string>) => {
    const html = await (await testApp(t.db, env).request('http://127.0.0.1:3000/privacy?lang=fr')).text();
    return /<p class="printed">([^<]*)<\/p>/.exec(html)?.[1];
  };

  it('names the public address (DCP_PUBLIC_URL), not the internal host the request reached', async () => {
    expect(await printedLine({ DCP_PUBLIC_URL: 'https://dcp.example.org' })).toContain('https://dcp.example.org/privacy?lang=fr');
    expect(await printedLine({})).toContain('http://127.0.0.1:3000/privacy?lang=fr');
  });
});
