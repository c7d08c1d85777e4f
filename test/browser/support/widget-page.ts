import type { Locator, Page } from 'playwright-core';

/** How the tests see the widget: by role and text, as a guest would (through its open shadow root). */
export class WidgetPage {
  constructor(readonly page: Page) {}

  get launcher(): Locator {
    return this.page.locator('[data-majordome-chat] .launcher');
  }
  get panel(): Locator {
    return this.page.getByRole('dialog');
  }
  get input(): Locator {
    return this.page.locator('[data-majordome-chat] input');
  }
  get log(): Locator {
    return this.page.getByRole('log');
  }
  bot(text: string | RegExp): Locator {
    return this.page.locator('[data-majordome-chat] .msg.bot', { hasText: text }).last();
  }
  user(text: string | RegExp): Locator {
    return this.page.locator('[data-majordome-chat] .msg.user', { hasText: text }).last();
  }
  card(title: string): Locator {
    return this.page.locator('[data-majordome-chat] .card', { has: this.page.locator('.card-title', { hasText: title }) }).last();
  }
  chip(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name: /sugg/i }).getByRole('button', { name });
  }

  /** Waits for a bot message, which is how every step of a conversation ends. */
  async waitForBot(text: string | RegExp, timeout = 30_000): Promise<Locator> {
    const message = this.bot(text);
    await message.waitFor({ state: 'visible', timeout });
    return message;
  }

  async waitConnected(timeout = 30_000): Promise<void> {
    await this.page.locator('[data-majordome-chat][data-connection="online"]').waitFor({ state: 'attached', timeout });
  }

  async say(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
    await this.user(text).waitFor({ state: 'visible' });
  }
}
