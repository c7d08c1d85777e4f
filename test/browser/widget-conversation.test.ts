import { startTestBot } from '../bot/messages-support';
import { useBrowserSuite } from './support/browser-suite';
import { screenshot, servePhotos, watchPage } from './support/chromium';
import { WidgetPage } from './support/widget-page';

jest.setTimeout(180_000);

/**
 * A guest on the château's own website (strict CSP), in French, from the first question to
 * the payment link, with page reloads along the way.
 */
describe('the widget on the demo website', () => {
  let watched: { problems: string[] };
  const harness = useBrowserSuite(() => startTestBot(), { locale: 'fr-FR', viewport: { width: 1280, height: 860 } }, async (page) => {
    watched = watchPage(page);
    await servePhotos(page);
  });

  it('answers a French question, books an offer from its card and reaches the payment link, across a reload', async () => {
    const { server: bot, page } = harness;
    const w = new WidgetPage(page);
    const response = await page.goto(`${bot.base}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await w.launcher.click();
    await w.waitForBot(/Bonjour et bienvenue/);
    expect(await w.input.getAttribute('placeholder')).toBe('Écrivez votre message…');

    await w.say('Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?');
    const suite = w.card('Suite de la Tour');
    await suite.waitFor({ timeout: 60_000 });
    await w.bot(/Voici nos disponibilités/).waitFor();
    expect(await page.locator('[data-majordome-chat] .cards.carousel .card').count()).toBe(3);
    await suite.locator('img').waitFor();
    await screenshot(page, 'widget-fr-offers');

    await suite.getByRole('button', { name: /^Tarif flexible/ }).click();
    await w.waitForBot('À quel nom dois-je faire la réservation ?');
    // The guest sees the button's words, not the value the bot reads.
    await w.user(/^Vous : Tarif flexible/).waitFor();
    expect(await page.locator('[data-majordome-chat] .msg.user', { hasText: '#choose' }).count()).toBe(0);

    await w.say('Camille Martin');
    await w.waitForBot('À quelle adresse e-mail');

    // Mid-conversation reload: the panel comes back open with what was said, and carries on.
    await page.reload();
    await w.waitForBot('À quelle adresse e-mail');
    await w.user('Camille Martin').waitFor();
    await w.waitConnected();
    await w.say('camille@example.org');
    await w.waitForBot('numéro de téléphone');
    await w.say('06 12 34 56 78');
    await w.waitForBot('Voici votre réservation');
    expect(await w.bot('Voici votre réservation').locator('li').count()).toBeGreaterThanOrEqual(5);

    await w.chip('Oui').click();
    const pay = await w.waitForBot('merci de régler ici');
    const link = pay.getByRole('link', { name: /\/pay\/demo\/chateau-de-vauclair\// });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await screenshot(page, 'widget-fr-payment-link');
    expect(watched.problems).toEqual([]);
  });

  it('a reload while the bot is answering loses no reply: the stream resumes from the watermark', async () => {
    const { server: bot, page } = harness;
    const w = new WidgetPage(page);
    await page.goto(`${bot.base}/?lang=en`);
    await w.launcher.click();
    await w.waitForBot(/Welcome/);
    await w.input.fill('Do you have a room from January 20 to 22 for 2 adults?');
    await w.input.press('Enter');
    // Reload at once: the answer is written to the conversation while no page listens.
    await page.reload();
    await w.card('Tower Suite').waitFor({ timeout: 60_000 });
    await w.user('Do you have a room from January 20 to 22').waitFor();
    expect(await page.locator('[data-majordome-chat] .msg.bot', { hasText: /Welcome/ }).count()).toBe(1);
    expect(await page.locator('[data-majordome-chat] .card', { hasText: 'Tower Suite' }).count()).toBe(1);
    expect(watched.problems).toEqual([]);
  });
});
