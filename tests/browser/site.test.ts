import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../../scripts/dev-server.ts';

// Debian's Chromium: test tools may not download browsers here.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '../artifacts');
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

// As pages set it: a no-break space binds «и» to the next word.
const TITLE = 'Мишустин анонсировал рекордный товарооборот между РФ\u00a0и\u00a0Казахстаном';
const NO_SIDEWAYS_SCROLL = 'document.documentElement.scrollWidth <= window.innerWidth';

const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);
if (!hasBrowser) console.warn(`NOTICE: browser tests skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** axe-core's serious and critical findings on the page as it is, WCAG 2.1 AA and best practice. */
const accessibilityProblems = async (page: Page): Promise<string[]> => {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

describe.skipIf(!hasBrowser)('the site in Chromium', () => {
  let server: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([
      startDevServer(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  for (const { name, width, height, colorScheme } of [
    { name: 'desktop', width: 1280, height: 900, colorScheme: 'light' as const },
    { name: 'phone', width: 360, height: 780, colorScheme: 'dark' as const },
  ]) {
    it(`reads well on a ${name} (${width} px, ${colorScheme}): no errors, no sideways scroll, no serious axe findings`, async () => {
      // The pages have no script (their CSP allows none); JavaScript is on only so that axe can run.
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));

      await page.goto(`${server.url}/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('ru');
      expect(await page.evaluate(NO_SIDEWAYS_SCROLL)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `home-${name}.png`), fullPage: true });
      const homeProblems = await accessibilityProblems(page);

      await page.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(/\/articles\/mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom$/);
      await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
      expect(await page.locator('figcaption').textContent()).toBe('Михаил Мишустин');
      expect(await page.evaluate(NO_SIDEWAYS_SCROLL)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `article-${name}.png`), fullPage: true });
      const articleProblems = await accessibilityProblems(page);

      expect(errors).toEqual([]);
      expect([...homeProblems, ...articleProblems]).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
