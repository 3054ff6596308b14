/**
 * The one way the suite starts Chromium: the system's Debian build (no
 * Playwright browser download), headless, with the background traffic a real
 * profile makes turned off so the network a page causes is all we measure.
 * launch() gives a fresh, throwaway profile every time.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** @example const browser = await launchBrowser(); … await browser.close(); */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
