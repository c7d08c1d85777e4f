import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { startTestBot } from '../bot/messages-support';
import { useBrowserSuite } from './support/browser-suite';
import { screenshot, servePhotos, watchPage } from './support/chromium';
import { WidgetPage } from './support/widget-page';

jest.setTimeout(180_000);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Whether the element has focus inside its own tree (the widget lives in a shadow root). */
function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.getRootNode().activeElement === el);
}

/** Presses a key until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`${key} ×${max} never reached ${target.toString()}`);
}

describe('the widget with the keyboard only, and its accessibility', () => {
  const harness = useBrowserSuite(() => startTestBot(), { locale: 'en-GB', viewport: { width: 1280, height: 860 } }, servePhotos);

  it('books to the payment link with Tab, Enter and Escape alone, focus always visible', async () => {
    const { server: bot, page } = harness;
    const watched = watchPage(page);
    const w = new WidgetPage(page);
    await page.goto(`${bot.base}/?lang=en`);
    await w.launcher.waitFor();
    await tabTo(page, w.launcher, 'Tab');
    expect(await w.launcher.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await w.waitForBot(/Welcome/);
    expect(await isFocused(w.input)).toBe(true);

    await page.keyboard.type('Do you have a room from December 12 to 15 for 2 adults?');
    await page.keyboard.press('Enter');
    const flexible = w.card('Tower Suite').getByRole('button', { name: /^Flexible rate/ });
    await flexible.waitFor({ timeout: 60_000 });
    await tabTo(page, flexible, 'Shift+Tab');
    expect(await flexible.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).outlineStyle)).toBe('solid');
    await screenshot(page, 'widget-keyboard-focus-on-card');
    await page.keyboard.press('Enter');
    await w.waitForBot('What name should the booking be under?');
    // After a tap the guest is back in the message field.
    expect(await isFocused(w.input)).toBe(true);

    for (const [answer, next] of [
      ['Alex Doe', 'What email address'],
      ['alex@example.org', 'phone number'],
      ['+44 20 7946 0000', 'Shall I book it?'],
    ] as const) {
      await page.keyboard.type(answer);
      await page.keyboard.press('Enter');
      await w.waitForBot(next);
    }
    const yes = w.chip('Yes');
    await tabTo(page, yes, 'Shift+Tab');
    await page.keyboard.press('Enter');
    const pay = await w.waitForBot('please pay here');
    await tabTo(page, pay.getByRole('link'), 'Shift+Tab');

    await page.keyboard.press('Escape');
    expect(await w.panel.isHidden()).toBe(true);
    expect(await isFocused(w.launcher)).toBe(true);
    expect(watched.problems).toEqual([]);
  });

  it('has no serious or critical axe-core violations with the widget open on offers, nor full screen on a phone', async () => {
    const { server: bot, page } = harness;
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const w = new WidgetPage(page);
    await page.goto(`${bot.base}/?lang=en`);
    await w.launcher.click();
    await w.waitForBot(/Welcome/);
    await w.say('Do you have a room from February 3 to 5 for 2 adults?');
    await w.card('Tower Suite').waitFor({ timeout: 60_000 });
    // Evaluated through the DevTools protocol: the page's CSP forbids injected scripts, rightly.
    await page.evaluate(axeSource);
    const run = async (): Promise<AxeViolation[]> =>
      page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))`) as Promise<AxeViolation[]>;
    const desktop = await run();
    expect(desktop.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    const box = await w.panel.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await screenshot(page, 'widget-phone');
    const phone = await run();
    expect(phone.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
