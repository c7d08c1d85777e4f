/**
 * Words that steer the conversation rather than the booking (help, cancel, start over, yes,
 * no) and requests to change language. A command is the whole message, give or take
 * politeness ("oui merci", "cancel please"): "cancel my booking ABC234" is a booking to
 * manage, not a "cancel" of the dialog.
 */
import type { Locale } from '../../domain/catalog/locales';
import type { Command } from './types';

const PHRASES: Record<Command, string[]> = {
  help: ['help', 'help me', 'aide', 'aidez moi', 'aide moi', 'au secours', 'ayuda', 'ayudame', 'ajuda', 'socorro', 'menu', '?', 'sos', 'what can you do', 'options', 'que peux tu faire', 'que pouvez vous faire', 'que puedes hacer', 'o que voce pode fazer', 'info', 'infos'],
  cancel: [
    'cancel', 'cancel that', 'cancel it', 'stop', 'quit', 'exit', 'nevermind', 'never mind', 'forget it', 'abort',
    'annuler', 'annule', 'annulez', 'laisse tomber', 'laissez tomber', 'arrete', 'arreter', 'arretez', 'oublie', 'oubliez', 'oublie ca',
    'cancelar', 'cancela', 'cancele', 'cancelalo', 'olvidalo', 'dejalo', 'salir', 'parar', 'esquece', 'deixa pra la', 'sair',
  ],
  start_over: [
    'start over', 'restart', 'start again', 'reset', 'begin again', 'from the beginning', 'start from scratch',
    'recommencer', 'on recommence', 'recommence', 'recommencons', 'reprendre', 'reprendre depuis le debut', 'repartir de zero', 'depuis le debut', 'reset',
    'empezar de nuevo', 'volver a empezar', 'reiniciar', 'comenzar de nuevo', 'empecemos de nuevo', 'desde el principio',
    'recomecar', 'comecar de novo', 'recomeca', 'do inicio', 'desde o inicio',
  ],
  yes: [
    'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ya', 'sure', 'ok', 'okay', 'k', 'kk', 'okey', 'alright', 'all right', 'correct', 'right', 'confirm', 'confirmed', 'i confirm', 'go ahead', 'sounds good', 'perfect', 'great', 'yes please', 'of course', 'absolutely', 'definitely', 'that s right', 'exactly',
    'oui', 'ouais', 'ouai', 'oue', 'wi', 'd accord', 'dac', 'parfait', 'c est ca', 'c est bon', 'c est parfait', 'exact', 'exactement', 'volontiers', 'je confirme', 'carrement', 'bien sur', 'tout a fait', 'ca marche', 'oui oui', 'yes yes', 'ok ok', 'super', 'top', 'impeccable', 'nickel',
    'si', 'claro', 'vale', 'perfecto', 'de acuerdo', 'correcto', 'exacto', 'confirmo', 'por supuesto', 'dale', 'venga', 'genial', 'si si', 'claro que si',
    'sim', 'isso', 'certo', 'perfeito', 'combinado', 'pode ser', 'beleza', 'ta bom', 'esta bem', 'ta', 'fechado', 'com certeza', 'exatamente', 'sim sim', 'claro que sim', 'isso mesmo', 'otimo',
  ],
  no: ['no', 'nope', 'nah', 'n', 'not really', 'negative', 'no no', 'non', 'nan', 'pas du tout', 'non non', 'absolument pas', 'surtout pas', 'nao', 'de jeito nenhum', 'para nada', 'en absoluto', 'de ninguna manera'],
};

const POLITENESS = /\b(please|pls|plz|thanks|thank you|thx|ty|svp|stp|s il vous plait|s il te plait|merci|merci beaucoup|por favor|porfa|gracias|muchas gracias|obrigado|obrigada|obg|then|alors|entonces|entao|oh|ah|well|bon|bueno|pues|bem)\b/g;

const LOOKUP = new Map<string, Command>();
for (const [command, phrases] of Object.entries(PHRASES) as [Command, string[]][]) for (const p of phrases) if (!LOOKUP.has(p)) LOOKUP.set(p, command);

/** `folded` is the folded raw text; emojis are looked at on the raw text. */
export function detectCommand(raw: string, folded: string): Command | null {
  let s = folded;
  if (/👍|👌|✅|🙆/u.test(raw)) s += ' ok';
  if (/👎|❌|🙅/u.test(raw)) s += ' no';
  s = s
    .replace(/[^a-z0-9?' ]+/g, ' ')
    .replace(/'/g, ' ')
    .replace(POLITENESS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return null;
  const direct = LOOKUP.get(s);
  if (direct !== undefined) return direct;
  // "ok ok", "yes!!", "oui oui oui": a repeated command word.
  const words = s.split(' ');
  if (words.length <= 3 && words.every((w) => LOOKUP.get(w) === LOOKUP.get(words[0]!)) && LOOKUP.has(words[0]!)) return LOOKUP.get(words[0]!)!;
  // "?" glued to a command word ("help?", "annuler ?")
  const noQ = s.replace(/\s*\?$/, '');
  if (noQ !== s && noQ !== '') return LOOKUP.get(noQ) ?? null;
  return null;
}

const LANGUAGE_NAMES: [Locale, string][] = [
  ['en', 'english|anglais|ingles|inglese'],
  ['fr', 'french|francais|frances|franca'],
  ['es', 'spanish|espagnol|espanol|castellano|espanhol'],
  ['pt', 'portuguese|portugais|portugues'],
];

const SWITCH_PATTERNS: [Locale, RegExp][] = LANGUAGE_NAMES.map(([locale, names]) => [
  locale,
  new RegExp(
    ` ((in|en|em|na|no) (${names})|(speak|speaks|speaking|talk|write|parlez|parler|parle|parles|ecrire|hablar|habla|hablas|hablan|hablamos|falar|fala|falam|falamos) (en |em )?(${names})|(${names}) (please|pls|plz|svp|stp|por favor|si vous plait|s il vous plait))( |$)`,
  ),
]);

/** "in English please", "en français svp", "en español", "em português", or just "English?". */
export function detectSwitchLocale(spacedFolded: string): Locale | null {
  const trimmed = spacedFolded.trim();
  for (const [locale, names] of LANGUAGE_NAMES) if (new RegExp(`^(${names})$`).test(trimmed)) return locale;
  for (const [locale, re] of SWITCH_PATTERNS) if (re.test(spacedFolded)) return locale;
  return null;
}
