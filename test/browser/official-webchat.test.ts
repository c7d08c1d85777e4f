import { startTestBot } from '../bot/messages-support';
import { useBrowserSuite } from './support/browser-suite';
import { screenshot, servePhotos, watchPage } from './support/chromium';

jest.setTimeout(180_000);

/** Microsoft's own Web Chat, unchanged, on our Direct Line: the same French booking. */
describe('the official Web Chat page', () => {
  const harness = useBrowserSuite(() => startTestBot(), { locale: 'fr-FR', viewport: { width: 1000, height: 900 } }, servePhotos);

  it('greets in French, shows the offers as cards and books up to the payment link', async () => {
    const { server: bot, page } = harness;
    const watched = watchPage(page);
    const transcript = page.locator('#webchat');
    const botSays = async (text: string | RegExp) => transcript.locator('.webchat__bubble', { hasText: text }).last().waitFor({ timeout: 60_000 });
    const sendBox = page.getByRole('textbox').first();
    const say = async (text: string) => {
      await sendBox.fill(text);
      await sendBox.press('Enter');
    };

    await page.goto(`${bot.base}/webchat/official?lang=fr`);
    await page.locator('body[data-connection="online"]').waitFor({ timeout: 60_000 });
    await botSays(/Bonjour et bienvenue/);

    await say('Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?');
    const flexible = transcript.getByRole('button', { name: /^Tarif flexible/ }).last();
    await flexible.waitFor({ timeout: 60_000 });
    await screenshot(page, 'official-fr-offers');
    await flexible.click();
    await botSays('À quel nom dois-je faire la réservation ?');
    await say('Camille Martin');
    await botSays('À quelle adresse e-mail');
    await say('camille@example.org');
    await botSays('numéro de téléphone');
    await say('06 12 34 56 78');
    await botSays('Je réserve ?');
    await transcript.getByRole('button', { name: 'Oui' }).last().click();
    await botSays('merci de régler ici');
    const link = transcript.getByRole('link', { name: /\/pay\/demo\/chateau-de-vauclair\// }).last();
    await link.waitFor();
    await screenshot(page, 'official-fr-payment-link');
    expect(watched.problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
