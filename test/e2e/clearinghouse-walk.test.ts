/**
 * The clearinghouse walked through in Chromium with JavaScript off (issue 10, "done when"): a
 * provider's editor lists an offering through the form — competences, an SDG, a translation —,
 * first getting the error summary for what is missing, then submits it for review; a coordinator
 * publishes it; anyone then finds it in the public catalogue. A ministry's member posts a need
 * from a country profile's gap link. axe checks the form pages as they are met on the way (the
 * empty form, the form with its errors, the prefilled need form, the catalogue with a bad
 * filter), and the form pages are held to the first-response budget.
 *
 * One browser and one server on the first engine (startTestServer), as the suite's other
 * browser walks do: the database behaviour underneath is tested on both engines by the
 * in-process suites (src/features/capacity/*.test.ts).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signInAs, type TestUser } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { seedOrganisation } from '../support/capacity.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { AXE_TAGS, budgetFailures, checkPageBudgets, type BudgetCookie } from './page-budgets.js';

const TITLE = 'Incident handling for library and school network staff';

type Who = 'provider' | 'coordinator' | 'ministry';

const press = (page: Page, name: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);

describe('the clearinghouse walked through in Chromium without JavaScript', () => {
  let server: TestServer;
  let browser: Browser;
  const users = {} as Record<Who, TestUser>;
  const cookies = {} as Record<Who, BudgetCookie[]>;
  const organisations = {} as Record<'provider' | 'ministry', string>;

  async function pageOf(who: Who | 'anonymous'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    if (who !== 'anonymous') await context.addCookies(cookies[who].map((c) => ({ ...c, url: server.origin })));
    return { context, page: await context.newPage() };
  }
  /**
   * axe needs script in the page, which these visits have off: it checks the HTML a visit received,
   * served again at the same address in a context with script on (styles are inline, so it looks the same).
   */
  const axe = async (url: string, response: Response | null) => {
    const html = (await response?.text()) ?? '';
    expect(html).toContain('<h1');
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
    } finally {
      await context.close();
    }
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    organisations.provider = await seedOrganisation(server.db, 'Open Networks Training Collective (e2e)');
    organisations.ministry = await seedOrganisation(server.db, 'Ministry of Digital Economy of Niger (e2e)');
    users.provider = await createUser(server.db, { memberships: [{ organisationId: organisations.provider, role: 'editor' }] });
    users.ministry = await createUser(server.db, { memberships: [{ organisationId: organisations.ministry, role: 'editor' }] });
    users.coordinator = await createUser(server.db, { platformRole: 'coordinator' });
    const http = { request: (path: string, init?: RequestInit) => fetch(`${server.origin}${path}`, init) };
    for (const who of ['provider', 'coordinator', 'ministry'] as const) {
      const signedIn = await signInAs(http, users[who]);
      cookies[who] = [{ name: 'dcp_session', value: signedIn.cookie.slice('dcp_session='.length) }];
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists, reviews, publishes and finds an offering; posts a need from a gap link; the forms pass axe', async () => {
    const provider = await pageOf('provider');
    const coordinator = await pageOf('coordinator');
    const anonymous = await pageOf('anonymous');
    const ministry = await pageOf('ministry');
    try {
      // The provider opens the form: axe-clean as it comes.
      const page = provider.page;
      const empty = await page.goto(`${server.origin}/offerings/new`);
      expect(await axe(page.url(), empty)).toEqual([]);
      await page.locator('#kind').selectOption('course');
      await page.locator('#title').fill(TITLE);
      // Sent without a summary, topics or languages: the error summary says so, axe-clean too.
      const [refused] = await press(page, 'Save as a draft');
      expect(refused?.status()).toBe(400);
      expect(await page.locator('.error-summary').innerText()).toMatch(/Summary[\s\S]*Topics/);
      expect(await axe(page.url(), refused)).toEqual([]);
      expect(await page.locator('#title').inputValue()).toBe(TITLE);

      await page.locator('#summary').fill('Detect, contain and report incidents on small public networks; offline exercises included.');
      await page.getByRole('checkbox', { name: 'Cybersecurity', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Educators' }).check();
      await page.getByRole('checkbox', { name: 'English', exact: true }).check();
      await page.getByRole('checkbox', { name: 'French', exact: true }).check();
      await page.getByLabel('Modality').selectOption('blended');
      await page.getByLabel('Rolling: open at any time').check();
      await page.getByRole('group', { name: 'Safety' }).getByRole('checkbox', { name: '4.1 Protecting devices' }).check();
      await page.getByRole('checkbox', { name: '4. Quality education' }).check();
      const translation = page.getByRole('group', { name: 'Translation 1' });
      await translation.getByLabel('Language').selectOption('fr');
      await translation.getByLabel('Title').fill('Gestion des incidents pour le personnel des réseaux de bibliothèques et d’écoles');
      await translation.getByLabel('Summary').fill('Détecter, contenir et signaler les incidents sur les petits réseaux publics.');
      await press(page, 'Save as a draft');
      expect(page.url()).toMatch(/\/offerings\/[0-9a-f-]{36}\?done=1$/);
      const offeringUrl = page.url().replace(/\?done=1$/, '');
      expect(await page.locator('dl.facts').innerText()).toMatch(/4\.1 Protecting devices[\s\S]*4\. Quality education/);
      await press(page, 'Submit for review');
      expect(await page.locator('.meta strong').first().innerText()).toBe('In review');

      // A coordinator publishes it.
      await coordinator.page.goto(offeringUrl);
      await press(coordinator.page, 'Publish');
      expect(await coordinator.page.locator('.meta strong').first().innerText()).toBe('Published');

      // Anyone finds it in the public catalogue, and its French translation shows on its page.
      const visitor = anonymous.page;
      await visitor.goto(`${server.origin}/offerings`);
      await visitor.getByRole('searchbox', { name: 'Search' }).fill('incident handling');
      await press(visitor, 'Search');
      await Promise.all([visitor.waitForNavigation(), visitor.getByRole('link', { name: TITLE }).click()]);
      expect(visitor.url()).toBe(offeringUrl);
      expect(await visitor.locator('article[lang="fr"] h3').innerText()).toContain('Gestion des incidents');

      // A bad filter in the address: 400, the page's error summary, axe-clean, in Arabic right to left.
      const bad = await visitor.goto(`${server.origin}/offerings?q=%00&eligibleFor=12&lang=ar`);
      expect(bad?.status()).toBe(400);
      expect(await visitor.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await visitor.locator('.error-summary li').count()).toBe(2);
      expect(await axe(visitor.url(), bad)).toEqual([]);

      // A ministry's member follows a country profile's gap link and posts the need.
      const m = ministry.page;
      const prefilled = await m.goto(`${server.origin}/needs/new?country=NER&topic=cybersecurity&evidence=%2Fcountries%2FNER`);
      expect(await axe(m.url(), prefilled)).toEqual([]);
      expect(await m.getByLabel('Country').inputValue()).toBe('NER');
      await m.getByLabel('Language of this text').selectOption('fr');
      await m.getByLabel('Title').fill('Former les agents des bibliothèques publiques à la gestion des incidents');
      await m
        .getByLabel('Description')
        .fill('Quarante agents doivent savoir détecter et signaler un incident sur le réseau de leur bibliothèque.');
      await m.getByRole('checkbox', { name: 'Educators' }).check();
      await m.getByRole('checkbox', { name: 'French', exact: true }).check();
      await m.getByRole('group', { name: 'Safety' }).getByRole('checkbox', { name: '4.1 Protecting devices' }).check();
      await press(m, 'Post the need');
      expect(m.url()).toMatch(/\/needs\/[0-9a-f-]{36}\?done=1$/);
      const facts = await m.locator('dl.facts').innerText();
      expect(facts).toMatch(/Niger[\s\S]*Cybersecurity[\s\S]*4\.1 Protecting devices/);
      expect(facts).toContain('/countries/NER');
    } finally {
      for (const p of [provider, coordinator, anonymous, ministry]) await p.context.close();
    }
  }, 120_000);

  it('holds the form pages to the first-response budget, in English and Arabic', async () => {
    const cases: { path: string; lang?: string; as: Who }[] = [
      { path: '/offerings/new', as: 'provider' },
      { path: '/offerings/new', lang: 'ar', as: 'provider' },
      { path: '/needs/new?country=NER&topic=cybersecurity', lang: 'zh', as: 'ministry' },
    ];
    for (const c of cases) {
      const report = await checkPageBudgets(browser, server.origin, c.path, {
        ...(c.lang ? { lang: c.lang } : {}),
        cookies: cookies[c.as],
      });
      const where = `${c.path} [${c.lang ?? 'en'}]`;
      console.info(
        `${where}: first response ${report.firstResponse.wireBytes} B compressed, first visit ${report.firstVisit.totalBytes} B`,
      );
      expect(budgetFailures(report, c), where).toEqual([]);
    }
  }, 120_000);
});
