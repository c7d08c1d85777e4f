/**
 * Which of en/fr/es/pt a message is written in, from its words and its accented letters.
 * Short messages ("2", "ok", "12-15/12") say nothing, so the conversation's locale decides
 * them; a message clearly in another language overrides it (the guest switched).
 */
import type { Locale } from '../../domain/catalog/locales';
import type { Token } from './text';

const WORDS: Record<Locale, string> = {
  en: `the and for from to do does you your have has i im we my our me please pls plz is are can could would like room rooms night nights with what whats when where how much
    available availability any book booking want need there of at on it this next tonight tonite tomorrow tmrw weekend hi hello hey hiya thanks thank thx yes no adults adult adlts kids children
    people ppl guests just get some will be stay an in check breakfast parking wifi time per u ur pets dogs allowed bring talk speak human person someone good morning evening afternoon
    wonderful great was were loved staff bed only couple family wife husband baby son daughter january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday about let still left free vacancy price cost rate too very so but or if pool heated station train us towels extra late early
    don ll re ve mean sorry arrive depart actually until till between arriving leaving getting got anything something nothing fortnight week weeks days christmas eve year years new
    valentines valentine easter eve there where which who why boyfriend girlfriend partner myself alone solo guys guy name email phone number cancel change move reservation looking
    sea view king double single twin suite junior deluxe family possible also thanks thank heating working isn t doesn t bar noisy dirty cold disappointed amazing lovely terrible
    favourite favorite colour color feb apr aug tue wed thu fri wknd nye xmas toddler travelling traveller through starting`,
  fr: `le la les du au aux des pour une un je j nous vous avez avons ai chambre chambres nuit nuits est et bonjour bonsoir salut merci svp stp dispo disponible disponibilite reservation
    resa reserver avec mon ma mes notre nos votre vos il y ce cette soir demain quel quelle quelles c pas s plait voudrais voudrait aimerais souhaite sommes on personnes adultes enfants
    semaine pourriez pouvez peux peut qu que quoi combien tarif prix petit dejeuner dej chien chiens chat accepte acceptes heure arriver arrivee depart sera serons seule seul femme mari
    copain copine bebe fils famille avoir faut faudrait libre place reste vs pr slt bjr coucou oui non tout tres super etait etaient adore decu decus aussi dans sur chez moi toi
    quelqu humain parler conseiller rappeler serviettes oreiller chauffage marche ne janvier fevrier avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi
    jeudi vendredi samedi dimanche veille noel nouvel jusqu entre plutot enfin pardon auriez aurais cherche voir tardif voudrions arrive repart deux trois quatre cinq quinze jours
    passez moi marche pouvons pourrait pourrais sont etes suis ete bien beaucoup trop bruit horrible delicieux reviendra reviendrons dernier derniere derniere semaine
    ados adulte personne couple week end prochain prochaine matin apres midi vue familiale superieure double regarde juste dates flexibles quelque chose il elle ils quand comment
    parfait douche sale froide annuler modifier decaler avancer paiement passe recu confirmation borne recharge voiture electrique piscine chauffee venir conditions annulation
    reveillon sylvestre valentin paques voyage repartons arrivons euh bon cc dac accord ouais nan oups faire
    janv fevr fev avr juil parking`,
  es: `el los las del al una uno un para habitacion habitaciones noche noches tienen tiene tienes hay quiero quisiera queria por favor hola buenas buenos dias gracias mi mis reserva
    reservar con y es somos seremos personas ninos nino manana cuanto cuesta fin semana que como donde cual esta este estancia fue muy pueden puedo podemos nos yo mujer marido esposa
    esposo pareja bebe hijo hija familia libre libres disponibilidad disponible perros perro admiten aparcamiento estacionamiento desayuno contrasena hablar toallas mesa enero febrero
    marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miercoles jueves viernes sabado domingo nochebuena nochevieja desde hasta entre perdon si
    vale claro algo alguien usted ustedes necesito necesitamos finde doble quince proximo proxima viene traer cancelar cambiar encuentro correo maravillosa persona admiten se
    ayuda quisieramos llegada salida tardes buen adultos semanas posible late cuantos cuantas dic ene le les su sus ha han he hemos habia estamos estoy porfa muchas
    parking llamar llamarme llamame`,
  pt: `o os as do da dos das no na nos um uma para pra quarto quartos noite noites voces voce tem quero queria gostaria por favor ola oi obrigado obrigada minha meu minhas meus
    reserva reservar com e somos pessoas criancas crianca amanha quanto custa fim semana que como onde qual esta este esse essa estadia foi muito podem posso podemos eu esposa marido
    mulher namorada namorado bebe filho filha familia livre disponibilidade disponivel cachorro cachorros cao caes aceitam estacionamento cafe manha senha falar atendente toalhas mesa
    janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro segunda terca quarta quinta sexta sabado domingo vespera natal ano novo ate entre
    desculpa sim nao claro algo alguem preciso precisamos hoje dia boa bom tarde mais trazer fazer possivel duplo dois duas quinze proximo proxima vem cancelar mudar encontro
    maravilhosa tudo adultos chegada saida dez seria vamos ficar casal ao pelo pela tambem voces ja obg vc vcs tb dias
    ligar liga ligue ligam beleza valeu blz legal`,
};

const SETS: Record<Locale, Set<string>> = {
  en: new Set(WORDS.en.split(/\s+/).filter(Boolean)),
  fr: new Set(WORDS.fr.split(/\s+/).filter(Boolean)),
  es: new Set(WORDS.es.split(/\s+/).filter(Boolean)),
  pt: new Set(WORDS.pt.split(/\s+/).filter(Boolean)),
};

const LOCALES: readonly Locale[] = ['en', 'fr', 'es', 'pt'];

/** A word says more the fewer languages share it: [en, fr, es, pt]. */
const WEIGHT = new Map<string, readonly [number, number, number, number]>();
for (const l of LOCALES) {
  for (const w of SETS[l]) {
    const owners = LOCALES.filter((o) => SETS[o].has(w));
    const per = owners.length === 1 ? 1.5 : 1 / owners.length;
    WEIGHT.set(w, [owners.includes('en') ? per : 0, owners.includes('fr') ? per : 0, owners.includes('es') ? per : 0, owners.includes('pt') ? per : 0]);
  }
}
const HAS_NON_ASCII = /[^\0-\x7f]/;

/** Letters only some languages write. Checked on the raw text, before accents are folded. */
function letterScores(raw: string, s: Record<Locale, number>): void {
  for (const ch of raw) {
    switch (ch) {
      case 'ñ': case 'Ñ': case '¿': case '¡':
        s.es += 3;
        break;
      case 'ã': case 'õ': case 'Ã': case 'Õ':
        s.pt += 3;
        break;
      case 'è': case 'ù': case 'ë': case 'ï': case 'î': case 'û': case 'œ': case 'È':
        s.fr += 2;
        break;
      case 'ç': case 'Ç':
        s.fr += 0.75;
        s.pt += 0.75;
        break;
      case 'ê': case 'â': case 'ô':
        s.fr += 0.5;
        s.pt += 0.5;
        break;
      case 'à':
        s.fr += 0.5;
        s.pt += 0.3;
        break;
      case 'é':
        // The commonest accent of French, frequent in Spanish and Portuguese: a tie-breaker.
        s.fr += 0.2;
        s.es += 0.1;
        s.pt += 0.1;
        break;
      case 'í': case 'ó': case 'ú': case 'á':
        s.es += 0.4;
        s.pt += 0.4;
        break;
    }
  }
  if (/ção|ções|ões/.test(raw)) s.pt += 2;
}

export function detectLocale(raw: string, tokens: readonly Token[], hint: Locale | undefined): Locale {
  const s: Record<Locale, number> = { en: 0, fr: 0, es: 0, pt: 0 };
  for (const tok of tokens) {
    if (tok.n !== null) continue;
    const w = WEIGHT.get(tok.t);
    if (w === undefined) continue;
    s.en += w[0];
    s.fr += w[1];
    s.es += w[2];
    s.pt += w[3];
  }
  if (HAS_NON_ASCII.test(raw)) letterScores(raw, s);
  let best: Locale = hint ?? 'en';
  let bestScore = hint !== undefined ? s[hint] : -1;
  for (const l of LOCALES) {
    if (s[l] > bestScore + 1e-9) {
      best = l;
      bestScore = s[l];
    }
  }
  if (bestScore <= 0) return hint ?? 'en';
  // Stay in the conversation's language unless the message clearly leans elsewhere
  // (at least one word only another language uses, or several shared ones).
  if (hint !== undefined && best !== hint && bestScore - s[hint] < 1) return hint;
  return best;
}
