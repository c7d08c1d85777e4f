import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromium';

export interface BrowserSuite<S> {
  /** The server the suite started once, before Chromium. */
  readonly server: S;
  /** This test's page, in a fresh browser context closed after the test. */
  readonly page: Page;
}

/**
 * The jest hooks every browser suite shares: `start` the server and launch Chromium once for
 * the suite (closed in the reverse order), and for each test a new context with
 * `contextOptions` and its page, handed to `preparePage` before the test runs.
 * Read `server` and `page` inside hooks and tests, not at describe time.
 */
export function useBrowserSuite<S extends { close(): Promise<void> }>(
  start: () => Promise<S>,
  contextOptions: BrowserContextOptions,
  preparePage: (page: Page) => Promise<void> = async () => {},
): BrowserSuite<S> {
  let server: S | undefined;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    server = await start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext(contextOptions);
    page = await context.newPage();
    await preparePage(page);
  });
  afterEach(async () => {
    await context?.close();
  });

  return {
    get server() {
      if (!server) throw new Error('the browser suite has not started its server');
      return server;
    },
    get page() {
      if (!page) throw new Error('the browser suite has no page outside a test');
      return page;
    },
  };
}
