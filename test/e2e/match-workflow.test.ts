/**
 * The match workflow end to end in Chromium with JavaScript off: a ministry's
 * editor finds ranked, explained offers for its need, shortlists one and sends
 * the request; the provider, told by mail (delivered through a real SMTP
 * server by the mail job), accepts from its inbox, delivers with the number of
 * people trained; both sides rate; a comment lands in the history. Then the
 * pages that need records (ranked pages, one match, the inbox) are
 * held to the inclusion budgets of PRODUCT.md.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { drainJobs } from '../../src/platform/jobs/index.js';
import { sendMailJob } from '../../src/platform/mail/index.js';
import { silentLogger } from '../support/app.js';
import { createUser, signInAs, type TestUser } from '../support/auth.js';
import { launchBrowser } from '../support/browser.js';
import { seedNeed, seedOffering, seedOrganisation } from '../support/capacity.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { decodeQuotedPrintable, startSmtp, type TestSmtp } from '../support/smtp.js';
import { budgetFailures, checkPageBudgets, type BudgetCookie } from './page-budgets.js';

const OFFERING_TITLE = 'Réponse aux incidents de cybersécurité, module hors ligne';

const submit = (page: Page, label: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);

describe('the match workflow in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let smtp: TestSmtp;
  const ids = {} as Record<'need' | 'offering', string>;
  const users = {} as Record<'requester' | 'provider', TestUser>;
  const cookies = {} as Record<'requester' | 'provider', BudgetCookie[]>;
  let matchId = '';

  async function signedInPage(who: 'requester' | 'provider'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(cookies[who].map((c) => ({ ...c, url: server.origin })));
    return { context, page: await context.newPage() };
  }
  const deliverMail = () =>
    drainJobs({ db: server.db, config: loadConfig({ NODE_ENV: 'test', DCP_SMTP_URL: smtp.url }), logger: silentLogger }, [sendMailJob]);

  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([startTestServer({ DCP_SMTP_URL: smtp.url }), launchBrowser()]);
    const requesterOrg = await seedOrganisation(server.db, 'Ministère de l’Économie numérique du Niger (e2e)');
    const providerOrg = await seedOrganisation(server.db, 'Réseau francophone de formation (e2e)');
    users.requester = await createUser(server.db, {
      displayName: 'Aïcha Moussa',
      memberships: [{ organisationId: requesterOrg, role: 'editor' }],
    });
    users.provider = await createUser(server.db, {
      displayName: 'Jean Dupont',
      memberships: [{ organisationId: providerOrg, role: 'owner' }],
    });
    ids.need = await seedNeed(server.db, requesterOrg, {
      language: 'fr',
      languages: ['fr'],
      topics: ['cybersecurity'],
      audiences: ['public-servants'],
      level: 'intermediate',
      peopleCount: 20,
      title: 'Former les agents publics à la réponse aux incidents',
      description: 'Le ministère veut une équipe capable de répondre aux incidents informatiques.',
    });
    ids.offering = await seedOffering(server.db, providerOrg, {
      language: 'fr',
      languages: ['fr'],
      topics: ['cybersecurity'],
      audiences: ['public-servants'],
      levels: ['intermediate'],
      status: 'published',
      modality: 'self-paced-online',
      bandwidth: 'offline',
      rolling: true,
      startDate: null,
      endDate: null,
      title: OFFERING_TITLE,
      summary: 'Mettre en place une équipe de réponse aux incidents, avec des supports utilisables hors ligne.',
    });
    const http = { request: (path: string, init?: RequestInit) => fetch(`${server.origin}${path}`, init) };
    for (const who of ['requester', 'provider'] as const) {
      const signedIn = await signInAs(http, users[who]);
      cookies[who] = [{ name: 'dcp_session', value: signedIn.cookie.slice('dcp_session='.length) }];
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.stop();
  });

  it('runs from a need’s ranked offers to a rated delivery, telling the other side by mail', async () => {
    const requester = await signedInPage('requester');
    const provider = await signedInPage('provider');
    try {
      // The requester reads the ranked, explained offers (the explanation opens without JavaScript) and shortlists one.
      const page = requester.page;
      await page.goto(`${server.origin}/needs/${ids.need}/matches?lang=fr`);
      const item = page.locator('li', { has: page.getByRole('heading', { name: OFFERING_TITLE }) });
      await item.locator('summary').click();
      await expect.poll(() => item.locator('table').isVisible()).toBe(true);
      expect(await item.locator('table').innerText()).toMatch(/Connectivité/);
      await Promise.all([page.waitForNavigation(), item.getByRole('button', { name: 'Présélectionner' }).click()]);
      matchId = /\/matches\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
      expect(matchId).not.toBe('');
      expect(await page.locator('dl.facts').innerText()).toContain('Présélectionnée');
      expect(await page.locator('[role="status"]').innerText()).toContain('Le prestataire ne la voit');
      await submit(page, 'Envoyer la demande');
      expect(await page.locator('[role="status"]').innerText()).toContain('Enregistré');

      // The mail job delivers the request to the provider through SMTP, with a link to the match.
      expect(await deliverMail()).toBeGreaterThan(0);
      const toProvider = smtp.inbox.filter((m) => m.to.includes(users.provider.email));
      expect(toProvider).toHaveLength(1);
      expect(decodeQuotedPrintable(toProvider[0]!.raw)).toContain(`/matches/${matchId}`);

      // The provider finds it awaiting them in the inbox and accepts, starts and delivers.
      const p = provider.page;
      await p.goto(`${server.origin}/matches`);
      const awaiting = p.locator('table', { has: p.locator('caption', { hasText: 'Awaiting you' }) });
      await Promise.all([p.waitForNavigation(), awaiting.getByRole('link', { name: OFFERING_TITLE }).click()]);
      await submit(p, 'Accept');
      await submit(p, 'Start delivery');
      await submit(p, 'Mark as delivered');
      expect(await p.title()).toMatch(/^Error/);
      expect(await p.locator('.error-summary, [role="alert"]').first().innerText()).toContain('how many people');
      await p.getByLabel('Number of people trained').fill('18');
      await submit(p, 'Mark as delivered');
      expect(await p.locator('dl.facts').innerText()).toMatch(/Delivered[\s\S]*18/);

      // Both sides rate; the provider comments.
      await p.getByRole('radio', { name: '4' }).check();
      await submit(p, 'Send the rating');
      await p.getByLabel('Comment').fill('Merci, les supports hors ligne ont été très utilisés.');
      await submit(p, 'Add the comment');
      await page.goto(`${server.origin}/matches/${matchId}?lang=fr`);
      await page.getByRole('radio', { name: '5' }).check();
      await submit(page, 'Envoyer la note');
      const history = await page.locator('ol.history').innerText();
      expect(history).toContain('Merci, les supports hors ligne ont été très utilisés.');
      expect(await page.locator('dl.facts').innerText()).toMatch(/5 sur 5[\s\S]*4 sur 5|4 sur 5[\s\S]*5 sur 5/);

      // Every step told the other side.
      await deliverMail();
      const subjects = smtp.inbox.filter((m) => m.to.includes(users.requester.email)).length;
      expect(subjects).toBeGreaterThanOrEqual(5);
    } finally {
      await requester.context.close();
      await provider.context.close();
    }
  }, 120_000);

  it('holds the ranked pages, one match and a full inbox to the inclusion budgets (insights are in pages.test.ts)', async () => {
    const cases: { path: string; lang?: string; as?: 'requester' | 'provider' }[] = [
      { path: `/needs/${ids.need}/matches` },
      { path: `/needs/${ids.need}/matches`, lang: 'ar', as: 'requester' },
      { path: `/offerings/${ids.offering}/matches`, as: 'provider' },
      { path: `/matches/${matchId}`, as: 'requester' },
      { path: '/matches', as: 'provider', lang: 'ru' },
    ];
    for (const c of cases) {
      const report = await checkPageBudgets(browser, server.origin, c.path, {
        ...(c.lang ? { lang: c.lang } : {}),
        ...(c.as ? { cookies: cookies[c.as] } : {}),
      });
      const where = `${c.path} [${c.lang ?? 'en'}]`;
      expect(budgetFailures(report, c), where).toEqual([]);
    }
  }, 180_000);
});
