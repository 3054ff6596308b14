import { describe, expect, it } from 'vitest';
import { Layout } from './layout.js';
import { currentEntry, visibleEntries, type NavEntry } from './navigation.js';

const NAV: readonly NavEntry[] = [
  { href: '/', label: 'shell.nav.home' },
  { href: '/countries', label: 'shell.nav.countries' },
  { href: '/organisations', label: 'shell.nav.organisations' },
  { href: '/account', label: 'shell.nav.account', audience: 'signed-in' },
  { href: '/sign-in', label: 'shell.nav.signIn', audience: 'signed-out', match: 'exact' },
];

const current = (path: string) => currentEntry(NAV, path)?.href;

describe('the main navigation', () => {
  it('shows each visitor the entries meant for them', () => {
    expect(visibleEntries(NAV, false).map((e) => e.href)).toEqual(['/', '/countries', '/organisations', '/sign-in']);
    expect(visibleEntries(NAV, true).map((e) => e.href)).toEqual(['/', '/countries', '/organisations', '/account']);
  });

  it('marks the section a page is in: the home page exactly, others by prefix, never a look-alike path', () => {
    expect(current('/')).toBe('/');
    expect(current('/countries/KEN')).toBe('/countries');
    expect(current('/countriesX')).toBeUndefined();
    expect(current('/account/two-factor')).toBe('/account');
    expect(current('/sign-in/two-factor')).toBeUndefined();
    expect(current('/privacy')).toBeUndefined();
  });

  it('renders whatever entries the features contribute, in their order: the shell knows no feature’s URL', async () => {
    const nav: NavEntry[] = [...NAV, { href: '/offerings', label: 'home.capacity.title' }];
    const html = await (
      <Layout ctx={{ lang: 'fr', url: new URL('http://x/offerings/12'), nav }} title="Offres">
        <p>x</p>
      </Layout>
    ).toString();
    const links = [...html.matchAll(/<nav aria-label="[^"]*"><details class="menu"><summary>Menu<\/summary><ul>([\s\S]*?)<\/ul>/g)][0]![1]!;
    expect([...links.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/',
      '/countries',
      '/organisations',
      '/sign-in',
      '/offerings',
    ]);
    expect(links).toContain('<a href="/offerings" aria-current="page">Capacités</a>');
  });
});
