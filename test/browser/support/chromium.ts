import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go: kept as test artifacts, ignored by git. */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'browser');

/**
 * Debian's Chromium, headless. `launch` gives every browser a fresh temporary profile
 * (user-data-dir), removed on close. A missing Chromium fails the suite with the fix.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package (apt-get install -y --no-install-recommends chromium, as .ci/run does) or CHROMIUM_PATH pointing at a Chromium binary.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Problems the page reports by itself: CSP violations, uncaught errors, failed requests. */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return { problems };
}

/** A 1×1 PNG for the property's room photos, whose demo host does not exist. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export async function servePhotos(page: Page): Promise<void> {
  await page.route('https://www.chateau-de-vauclair.example/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
}
