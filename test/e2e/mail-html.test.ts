/**
 * The HTML part of the platform's mails, as a mail client with a browser engine shows
 * it: the reset mail in each of the six languages, checked with axe (WCAG 2.1 AA) and
 * at 320 px wide without sideways scrolling.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.js';
import { composeMail } from '../../src/platform/mail/index.js';
import { LANGUAGES } from '../../src/shared/localised.js';
import { launchBrowser } from '../support/browser.js';
import { AXE_TAGS } from './page-budgets.js';

describe('the HTML part of a mail', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const lang of LANGUAGES) {
    it(`is accessible and fits 320 px: the reset mail [${lang}]`, async () => {
      const link = 'https://dcp.example.org/reset-password/confirm?token=Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg';
      const mail = composeMail({
        lang,
        subject: t(lang, 'mail.reset.subject'),
        text: t(lang, 'mail.reset.body', { name: 'Amina Diallo', link }),
      });
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      try {
        await page.setContent(mail.html);
        const violations = (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
        expect(violations).toEqual([]);
        expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(320);
        expect(await page.getAttribute('a', 'href')).toBe(link);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      } finally {
        await context.close();
      }
    });
  }
});
