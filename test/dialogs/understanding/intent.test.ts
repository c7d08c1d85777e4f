/** Intents, commands, language switches and language detection, in the four languages. */
import { say } from './helpers';

describe('intent', () => {
  it.each([
    ['Do you have a room from December 12 to 15 for 2 adults?', 'book'],
    ['Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', 'book'],
    ['¿Tienen una habitación del 12 al 15 de diciembre?', 'book'],
    ['Vocês têm um quarto de 12 a 15 de dezembro?', 'book'],
    ['12-15 dec', 'book'],
    ['December 12-15, 2 adults, do you have parking?', 'book'],
    ['I need to cancel my booking, ref 7KQ2MX', 'manage_booking'],
    ['je voudrais modifier ma réservation', 'manage_booking'],
    ['quiero cancelar mi reserva', 'manage_booking'],
    ['posso mudar minha reserva?', 'manage_booking'],
    ['Could we get extra towels?', 'concierge'],
    ['une table pour 4 à 20h ce soir ?', 'concierge'],
    ['is a late checkout possible tomorrow?', 'concierge'],
    ['pourriez-vous nous préparer un pique-nique ?', 'concierge'],
    ['I would like to book a massage at the spa', 'concierge'],
    ['could we get a bottle of wine in the room on arrival?', 'concierge'],
    ['Would it be possible to arrange airport pickup on Friday?', 'concierge'],
    ['¿Nos podrían reservar mesa para cenar esta noche?', 'concierge'],
    ['A quelle heure faut-il libérer la chambre ?', 'faq'],
    ['Do you have parking?', 'faq'],
    ['les chiens sont acceptés ?', 'faq'],
    ['a qué hora es el desayuno?', 'faq'],
    ['qual é a senha do wifi', 'faq'],
    ['Do you have a spa?', 'faq'],
    ['We had a wonderful stay, thank you!', 'feedback'],
    ['la chambre était sale, très déçus', 'feedback'],
    ['gracias por todo, la estancia fue maravillosa', 'feedback'],
    ['adoramos a estadia', 'feedback'],
    ['can I talk to a human', 'handoff'],
    ['je voudrais parler à quelqu’un', 'handoff'],
    ['quiero hablar con una persona', 'handoff'],
    ['quero falar com um atendente', 'handoff'],
    ['Hi!', 'greeting'],
    ['Bonjour', 'greeting'],
    ['hola buenas', 'greeting'],
    ['olá, boa tarde', 'greeting'],
    ['thanks', 'other'],
    ['oui', 'other'],
    // chat spellings: contractions without apostrophes, SMS French without "ne"
    ['the kettle doesnt work', 'concierge'],
    ['la douche marche pas', 'concierge'],
    ['c quoi le mdp', 'faq'],
    // leaving late / arriving early, however phrased; not a vague arrival date
    ['could we checkout a bit later on sunday?', 'concierge'],
    ['podemos llegar mas temprano mañana?', 'concierge'],
    ['we arrive early december, 2 nights for 2', 'book'],
    // opening hours
    ['is the bar open after 10pm?', 'faq'],
    ['la piscine est ouverte le dimanche ?', 'faq'],
    // extending a stay
    ['could we extend our stay?', 'manage_booking'],
    ['on peut prolonger d une nuit ?', 'manage_booking'],
    // call me (but not "call me a taxi"), the desk
    ['call me a taxi please', 'concierge'],
    ['can you call me? 0612345678', 'handoff'],
    ['pueden llamarme mañana?', 'handoff'],
    ['I want to speak to the front desk', 'handoff'],
    ['jpeux avoir qqn au tel ?', 'handoff'],
    ['do you do gluten free breakfast?', 'faq'],
    ['vous etes a combien de km de la plage ?', 'faq'],
    ['can we borrow an umbrella', 'concierge'],
  ])('%s → %s', (text, intent) => {
    expect(say(text).intent).toBe(intent);
  });

  it('drops dates from a question about the property', () => {
    expect(say('la piscine est ouverte le dimanche ?').stay).toEqual({ checkIn: null, checkOut: null });
  });
});

describe('commands', () => {
  it.each([
    ['help', 'help'],
    ['aide', 'help'],
    ['ayuda', 'help'],
    ['ajuda', 'help'],
    ['cancel', 'cancel'],
    ['annuler', 'cancel'],
    ['cancelar', 'cancel'],
    ['start over', 'start_over'],
    ['recommencer', 'start_over'],
    ['empezar de nuevo', 'start_over'],
    ['começar de novo', 'start_over'],
    ['yes', 'yes'],
    ['oui merci', 'yes'],
    ['sí', 'yes'],
    ['sim', 'yes'],
    ['ok', 'yes'],
    ['👍', 'yes'],
    ['no', 'no'],
    ['non', 'no'],
    ['não', 'no'],
    ['no thanks', 'no'],
  ])('%s → %s', (text, command) => {
    expect(say(text).command).toBe(command);
  });

  it('is not a command inside a longer request', () => {
    expect(say('cancel my booking 7KQ2MX').command).toBeNull();
    expect(say('oui, du 12 au 15 décembre pour 2').command).toBeNull();
  });
});

describe('switching language', () => {
  it.each([
    ['in English please', 'en'],
    ['english?', 'en'],
    ['en français svp', 'fr'],
    ['can you speak french', 'fr'],
    ['en español', 'es'],
    ['hablas español?', 'es'],
    ['em português', 'pt'],
    ['en portugais s’il vous plaît', 'pt'],
  ])('%s → %s', (text, locale) => {
    const u = say(text, undefined, 'fr');
    expect(u.switchLocale).toBe(locale);
    expect(u.locale).toBe(locale);
  });

  it('does not switch on a mention of a language', () => {
    expect(say('is breakfast english style?').switchLocale).toBeNull();
  });
});

describe('language detection', () => {
  it.each([
    ['Do you have a room from December 12 to 15 for 2 adults?', 'en'],
    ['Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', 'fr'],
    ['dispo du 12 au 15 dec pr 2 ?', 'fr'],
    ['¿Tienen una habitación del 12 al 15 de diciembre para 2 adultos?', 'es'],
    ['Vocês têm um quarto de 12 a 15 de dezembro para 2 adultos?', 'pt'],
    ['oi, tem disponibilidade pra dois?', 'pt'],
  ])('%s → %s', (text, locale) => {
    expect(say(text).locale).toBe(locale);
  });

  it('keeps the conversation’s language for texts that say nothing', () => {
    expect(say('2', undefined, 'fr').locale).toBe('fr');
    expect(say('ok', undefined, 'es').locale).toBe('es');
    expect(say('12-15/12', undefined, 'pt').locale).toBe('pt');
    expect(say('ok').locale).toBe('en');
  });

  it('follows a guest who clearly writes in another language', () => {
    expect(say('Do you have a room for tonight?', undefined, 'fr').locale).toBe('en');
  });
});
