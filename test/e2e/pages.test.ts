/**
 * The browser tier: every page the platform serves, in a real Chromium over a
 * real port, held to the inclusion budgets of PRODUCT.md (first response
 * ≤ 14 KiB compressed, first visit ≤ 100 KiB, no third parties, no axe WCAG 2.1
 * A/AA violation, usable with JavaScript off, right lang and dir), plus the few
 * behaviours only a browser shows: the language switcher and its cookie, the
 * countries filter without JavaScript, and the skip link as the first Tab stop.
 * A new page adds one line to PAGES.
 */
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/i18n.js';
import { generateDemoData } from '../../src/features/capacity/index.js';
import { createUser, signInAs } from '../support/auth.js';
import { seedNeed, seedOffering } from '../support/capacity.js';
import { launchBrowser } from '../support/browser.js';
import { seedHarvestedSource } from '../support/harvest.js';
import { seedProfile } from '../support/people.js';
import { seedProjectFixture, type ProjectFixture } from '../support/projects.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { AXE_TAGS, budgetFailures, BUDGETS, checkPageBudgets, type BudgetCookie, type PageBudgetReport } from './page-budgets.js';

interface PageCase {
  /** `{org}` stands for an organisation the suite makes, with members; `{offering}` and `{need}` for its published offering and open need. */
  readonly path: string;
  readonly lang?: 'ar' | 'zh' | 'fr' | 'ru' | 'es';
  readonly status?: 200 | 404;
  /** Visit signed in as a member (owner) of `{org}`, or as a platform admin. */
  readonly as?: 'member' | 'admin';
}

const PAGES: readonly PageCase[] = [
  { path: '/' },
  { path: '/countries' },
  { path: '/countries?region=002&group=LDC' },
  { path: '/countries/KEN' },
  { path: '/api' },
  { path: '/no-such-page', status: 404 },
  { path: '/', lang: 'ar' },
  { path: '/countries', lang: 'ar' },
  { path: '/countries/KEN', lang: 'ar' },
  { path: '/', lang: 'zh' },
  { path: '/', lang: 'fr' },
  { path: '/', lang: 'ru' },
  { path: '/', lang: 'es' },
  { path: '/sign-in' },
  { path: '/sign-up' },
  { path: '/reset-password' },
  { path: '/privacy' },
  { path: '/organisations' },
  { path: '/organisations/{org}' },
  { path: '/sign-in', lang: 'ar' },
  { path: '/account', as: 'member' },
  { path: '/my/organisations', as: 'member' },
  { path: '/organisations/{org}', as: 'member' },
  { path: '/admin/audit', as: 'admin' },
  { path: '/sign-up/sent' },
  { path: '/reset-password/sent', lang: 'ru' },
  { path: '/sign-up', lang: 'ru' },
  { path: '/privacy', lang: 'ru' },
  { path: '/api', lang: 'ar' },
  { path: '/privacy', as: 'member' },
  { path: '/account', as: 'member', lang: 'ar' },
  { path: '/account', as: 'member', lang: 'ru' },
  { path: '/organisations/new', as: 'member' },
  { path: '/organisations/new', as: 'member', lang: 'ar' },
  { path: '/insights' },
  { path: '/insights', lang: 'ar' },
  { path: '/matches', as: 'member' },
  // Collaborate: `{person}` is the member's public profile, `{project}` a public project of `{org}` with `{role}`.
  { path: '/people' },
  { path: '/people?topics=cybersecurity&language=fr', lang: 'ar' },
  { path: '/people/{person}' },
  { path: '/projects' },
  { path: '/projects', lang: 'zh' },
  { path: '/projects/{project}' },
  { path: '/projects/{project}?role={role}', as: 'member' },
  { path: '/projects/{project}/edit', as: 'member' },
  { path: '/projects/{project}/edit', as: 'member', lang: 'ar' },
  { path: '/me/profile', as: 'member' },
  { path: '/me/profile', as: 'member', lang: 'ar' },
  { path: '/me/learning?role={role}', as: 'member' },
  { path: '/me/learning', as: 'member', lang: 'ru' },
  { path: '/me/activity', as: 'member' },
  { path: '/me/activity', as: 'member', lang: 'ar' },
  { path: '/countries/KEN', lang: 'zh' },
  { path: '/groups' },
  { path: '/groups/LDC' },
  { path: '/groups/WLD', lang: 'ar' },
  { path: '/groups/202', lang: 'ru' },
  { path: '/indicators' },
  { path: '/indicators/internet-use' },
  { path: '/indicators/internet-use', lang: 'ar' },
  { path: '/indicators/mobile-coverage-4g', lang: 'fr' },
  { path: '/compare?countries=KEN,UGA,TZA&groups=LDC,202' },
  { path: '/compare?countries=KEN,UGA&groups=LMC', lang: 'es' },
  { path: '/offerings' },
  { path: '/offerings?q=cybersecurity&topics=cybersecurity&eligibleFor=NER', lang: 'ar' },
  { path: '/offerings/{offering}' },
  { path: '/offerings/{offering}', lang: 'zh' },
  { path: '/offerings/{offering}', as: 'member' },
  { path: '/needs', lang: 'fr' },
  { path: '/needs/{need}', lang: 'es' },
  { path: '/needs/{need}/people', lang: 'ar' },
  { path: '/offerings/new', as: 'member' },
  { path: '/offerings/{offering}/edit', as: 'member', lang: 'ru' },
  { path: '/needs/new?country=NER&topic=cybersecurity&evidence=/countries/NER', as: 'member', lang: 'ar' },
  { path: '/alerts', as: 'member', lang: 'zh' },
  { path: '/offerings?topics=cybersecurity', as: 'member', lang: 'ru' },
  { path: '/countries/KEN/brief' },
  { path: '/countries/KEN/brief', lang: 'ar' },
  { path: '/countries/KEN/brief', lang: 'zh' },
  { path: '/countries/IND/brief', lang: 'ru' },
  { path: '/offering-sources?organisation={org}', as: 'member' },
  { path: '/offering-sources/{source}', as: 'member', lang: 'ar' },
  { path: '/organisations/{org}/webhooks', as: 'member' },
  { path: '/organisations/{org}/webhooks', as: 'member', lang: 'ar' },
  { path: '/organisations/{org}/webhooks/{webhook}', as: 'member', lang: 'zh' },
];

describe('pages in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const reports: PageBudgetReport[] = [];

  let orgId: string;
  let offeringId: string;
  let needId: string;
  let personId: string;
  let project: ProjectFixture;
  let sourceId: string;
  let webhookId: string;
  const sessions = {} as Record<'member' | 'admin', BudgetCookie[]>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const org = await server.db
      .insertInto('organisations')
      .values({
        name: 'Ministry of ICT and Digital Economy',
        acronym: 'MICDE',
        kind: 'member-state',
        country_m49: '404',
        website: 'https://ict.go.ke',
        description: 'Leads the national digital transformation agenda.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgId = org.id;
    const member = await createUser(server.db, { displayName: 'Wanjiru Kamau', memberships: [{ organisationId: orgId, role: 'owner' }] });
    personId = (await seedProfile(server.db, member.id, { name: 'Wanjiru Kamau', visibility: { basics: 'public', skills: 'public' } })).id;
    project = await seedProjectFixture(server.db, orgId, member.id);
    await createUser(server.db, { displayName: 'Amina Otieno', memberships: [{ organisationId: orgId, role: 'editor' }] });
    const admin = await createUser(server.db, { displayName: 'Platform Admin', platformRole: 'admin' });
    // The catalogues as a visitor sees them: a page of generated records, and one real offering and need of the organisation.
    await generateDemoData(server.db, { offerings: 60, needs: 30, seed: 7 });
    offeringId = await seedOffering(server.db, orgId, { status: 'published', topics: ['cybersecurity'], eligibleGroups: ['LDC'] });
    needId = await seedNeed(server.db, orgId, { title: 'Formation au contrôle du spectre (démo des pages)' });
    sourceId = await seedHarvestedSource(server.db, orgId);
    // A webhook with a delivered test event, so its log page shows a row.
    webhookId = (
      await server.db
        .insertInto('webhooks')
        .values({
          organisation_id: orgId,
          url: 'https://chat.example.org/hooks/dcp',
          events: ['need', 'match'],
          secret_sealed: randomBytes(60),
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const delivery = await server.db
      .insertInto('webhook_deliveries')
      .values({ webhook_id: webhookId, event: 'ping', payload: '{}', status: 'delivered' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto('webhook_attempts')
      .values({ delivery_id: delivery.id, attempt: 1, status_code: 204, error: null, duration_ms: 41 })
      .execute();
    const http = { request: (path: string, init?: RequestInit) => fetch(`${server.origin}${path}`, init) };
    for (const [role, user] of [
      ['member', member],
      ['admin', admin],
    ] as const) {
      const signedIn = await signInAs(http, user);
      sessions[role] = [{ name: 'dcp_session', value: signedIn.cookie.slice('dcp_session='.length) }];
    }
  });

  afterAll(async () => {
    const measured = reports.filter((r) => r !== undefined);
    if (measured.length > 0) console.log(budgetTable(measured));
    await browser?.close();
    await server?.close();
  });

  // Concurrent: one check at a time leaves a core idle while it waits for the server, a new
  // renderer and network quiet; three in flight keep both busy. Each runs in its own contexts.
  // The global expect is safe here: a failed toEqual throws inside its own test (no snapshots).
  describe.concurrent('inclusion budgets', () => {
    for (const [index, page] of PAGES.entries()) {
      const signedIn = page.as ? ` as ${page.as}` : '';
      it(`${page.path} [${page.lang ?? 'en'}]${signedIn}`, async () => {
        const path = page.path
          .replace('{org}', orgId)
          .replace('{offering}', offeringId)
          .replace('{need}', needId)
          .replace('{person}', personId)
          .replace('{project}', project.projectId)
          .replace('{role}', project.roleId)
          .replace('{source}', sourceId)
          .replace('{webhook}', webhookId);
        const report = await checkPageBudgets(browser, server.origin, path, {
          ...(page.lang ? { lang: page.lang } : {}),
          ...(page.as ? { cookies: sessions[page.as] } : {}),
        });
        reports[index] = report;
        expect(budgetFailures(report, page), `${page.path} [${page.lang ?? 'en'}]${signedIn} misses its budgets`).toEqual([]);
      }, 60_000);
    }
  });

  describe('behaviour', () => {
    it('switches language from the switcher and remembers it on the next plain visit', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        await Promise.all([page.waitForURL(/[?&]lang=fr\b/), page.locator('a[hreflang="fr"]').click()]);
        expect(await page.locator('html').getAttribute('lang')).toBe('fr');
        expect((await page.locator('h1').innerText()).trim()).toBe(CATALOGUES.fr['home.title']);

        const cookie = (await context.cookies()).find((c) => c.name === 'lang');
        expect(cookie?.value, 'lang cookie set by ?lang=fr').toBe('fr');

        await page.goto(`${server.origin}/countries`);
        expect(await page.locator('html').getAttribute('lang'), 'a plain visit keeps French').toBe('fr');
        expect((await page.locator('h1').innerText()).trim()).toBe(CATALOGUES.fr['countries.title']);
      } finally {
        await context.close();
      }
    });

    it('filters countries by region and group with JavaScript off', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/countries`);
        await page.locator('#region').selectOption('002');
        await page.locator('#group').selectOption('LDC');
        await Promise.all([page.waitForURL(/region=002/), page.locator('form.filters button[type="submit"]').click()]);
        const url = new URL(page.url());
        expect(url.pathname).toBe('/countries');
        expect(url.searchParams.get('region')).toBe('002');
        expect(url.searchParams.get('group')).toBe('LDC');
        expect(await page.locator('main table tbody tr').count(), 'LDCs in Africa').toBe(33);
        expect(await page.locator('#region').inputValue(), 'the form keeps the chosen region').toBe('002');
      } finally {
        await context.close();
      }
    });

    it('has the skip link as the first Tab stop, and it moves focus to main', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await page.keyboard.press('Tab');
        const focused = page.locator(':focus');
        expect(await focused.getAttribute('href')).toBe('#main');
        expect(await focused.isVisible(), 'the skip link shows when focused').toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForURL(/#main$/);
        expect(await page.locator(':focus').getAttribute('id'), 'focus lands on main').toBe('main');
      } finally {
        await context.close();
      }
    });

    it('reflows on a 320 px phone without sideways scrolling of the page (WCAG 1.4.10)', async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      try {
        const page = await context.newPage();
        const connect = ['/groups/LDC', '/groups/WLD?lang=ar', '/indicators/internet-use?lang=ar', '/compare?countries=KEN,UGA&groups=LDC'];
        for (const path of ['/', '/countries', '/countries/KEN', '/api', '/countries/KEN?lang=ar', ...connect]) {
          await page.goto(`${server.origin}${path}`);
          // Wide tables scroll inside their own .scroll box; the page itself must not.
          // A string expression: it runs in the page, whose DOM types this Node project does not load.
          const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
          expect(overflow, `${path} is ${overflow}px wider than a 320px screen`).toBeLessThanOrEqual(0);
        }
      } finally {
        await context.close();
      }
    });

    it('reflows at 320 px in Arabic and Russian, signed in or not, with every scrolling table reachable by Tab and named', async () => {
      const cases = [
        {
          cookies: [] as BudgetCookie[],
          paths: [
            '/api',
            '/privacy',
            '/sign-up',
            '/organisations',
            '/countries',
            '/countries/KEN',
            '/offerings',
            `/offerings/${offeringId}`,
            '/needs',
          ],
        },
        {
          cookies: sessions.member,
          paths: ['/account', '/privacy', `/organisations/${orgId}`, '/organisations/new', '/offerings/new', `/needs/${needId}/edit`],
        },
      ];
      const problems: string[] = [];
      for (const { cookies, paths } of cases) {
        const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
        try {
          await context.addCookies(cookies.map((c) => ({ ...c, url: server.origin })));
          const page = await context.newPage();
          for (const lang of ['ar', 'ru'])
            for (const path of paths) {
              await page.goto(`${server.origin}${path}?lang=${lang}`);
              const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
              if (overflow > 0) problems.push(`${path} [${lang}] is ${overflow}px wider than a 320px screen`);
              const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
              for (const v of axe.violations)
                problems.push(`${path} [${lang}] at 320 px: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
            }
        } finally {
          await context.close();
        }
      }
      expect(problems).toEqual([]);
    }, 180_000);

    it('after a failed submit with JavaScript off, focuses the error summary, says "Error:" first, and links each problem to its field', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/sign-up?lang=ar`);
        await page.locator('#email').fill('not an address');
        // novalidate: the browser's own bubble (in the browser's language) does not stop the post; our page answers.
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.locator('main form button').click(),
        ]);
        await page.waitForLoadState('load');
        expect(answer.status()).toBe(400);
        expect(await page.title()).toMatch(/^خطأ: /);
        expect(await page.locator(':focus').getAttribute('class'), 'focus is on the summary').toBe('error-summary');
        expect((await page.locator('.error-summary li').allInnerTexts()).map((line) => line.replace(/[\u2066-\u2069]/g, ''))).toEqual([
          'اسمك: أدخل اسمك',
          'عنوان البريد الإلكتروني: أدخل عنوان بريد إلكتروني مثل name@example.org',
          'كلمة المرور: املأ هذا الحقل',
        ]);
        await page.keyboard.press('Tab');
        expect(await page.locator(':focus').getAttribute('href')).toBe('#displayName');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        expect(await page.locator(':focus').getAttribute('id'), 'the link lands on its field').toBe('email');
        expect(await page.locator('#email').inputValue(), 'the value typed is kept').toBe('not an address');
      } finally {
        await context.close();
      }
    });

    it('shows a failed form without an axe violation, and takes 320 px screenshots in Arabic and Russian for humans', async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      try {
        await context.addCookies(sessions.member.map((c) => ({ ...c, url: server.origin })));
        const page = await context.newPage();
        await page.goto(`${server.origin}/organisations/new?lang=ar`);
        await page.locator('#name').fill('A');
        await page.locator('#website').fill('not a url');
        await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('main form button').click()]);
        await page.waitForLoadState('load');
        const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(axe.violations.map((v) => v.id)).toEqual([]);
        expect(await page.locator('.error-summary a').allInnerTexts()).toHaveLength(2);
        const shots = [await page.screenshot({ path: '/tmp/dcp-320-org-errors-ar.png', fullPage: true })];
        await page.goto(`${server.origin}/privacy?lang=ru`);
        shots.push(await page.screenshot({ path: '/tmp/dcp-320-privacy-ru.png', fullPage: true }));
        await page.goto(`${server.origin}/account?lang=ar`);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        shots.push(await page.screenshot({ path: '/tmp/dcp-320-account-ar.png', fullPage: false }));
        expect(shots.every((shot) => shot.length > 0)).toBe(true);
      } finally {
        await context.close();
      }
    }, 60_000);

    it('prints without the navigation, language switcher or filters', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/countries`);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('header.site').isVisible()).toBe(false);
        expect(await page.locator('form.filters').isVisible()).toBe(false);
        expect(await page.locator('main h1').isVisible()).toBe(true);
      } finally {
        await context.close();
      }
    });

    it('takes screenshots for humans (Arabic right to left, Chinese glyphs)', async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/countries/KEN?lang=ar`);
        const arabic = await page.screenshot({ path: '/tmp/dcp-ar.png', fullPage: true });
        await page.goto(`${server.origin}/?lang=zh`);
        const chinese = await page.screenshot({ path: '/tmp/dcp-zh.png', fullPage: true });
        expect(arabic.length * chinese.length, 'both screenshots written').toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    });
  });
});

/** A compact, fixed-width table of the measured figures, for the test output. */
function budgetTable(reports: PageBudgetReport[]): string {
  const header = ['path', 'lang', 'status', 'enc', '1st wire B', 'html B', 'total B', 'reqs', 'axe', '3rd', 'dir', 'no-JS link'];
  const rows = reports.map((r) => [
    r.path,
    r.lang ?? 'en',
    String(r.firstResponse.status),
    r.firstResponse.encoding || '-',
    String(r.firstResponse.wireBytes),
    String(r.firstResponse.htmlBytes),
    String(r.firstVisit.totalBytes),
    String(r.firstVisit.requests.length),
    r.axe.length === 0 ? '0' : `${r.axe.length} (${r.axe.map((v) => v.id).join(',')})`,
    String(r.thirdParty.length),
    `${r.html.lang ?? '?'}/${r.html.dir ?? '?'}`,
    r.noScript.link ? `${r.noScript.link.href} → ${r.noScript.link.status ?? '?'}` : 'none',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    `Page budgets: first response ≤ ${BUDGETS.firstResponseBytes} B compressed, first visit ≤ ${BUDGETS.firstVisitBytes} B`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
