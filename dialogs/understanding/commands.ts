/**
 * Words that steer the conversation rather than the booking (help, cancel, start over, yes,
 * no) and requests to change language. A command is the whole message, give or take
 * politeness ("oui merci", "cancel please"): "cancel my booking ABC234" is a booking to
 * manage, not a "cancel" of the dialog.
 */
import type { Locale } from '../../domain/catalog/locales';
import { PhraseSet } from './phrases';
import type { Command } from './types';

const PHRASES: Record<Command, string[]> = {
  help: ['help', 'help me', 'aide', 'aidez moi', 'aide moi', 'au secours', 'ayuda', 'ayudame', 'ajuda', 'socorro', 'menu', '?', 'sos', 'what can you do', 'options', 'que peux tu faire', 'que pouvez vous faire', 'que puedes hacer', 'o que voce pode fazer', 'info', 'infos'],
  cancel: [
    'cancel', 'cancel that', 'cancel it', 'stop', 'quit', 'exit', 'nevermind', 'never mind', 'forget it', 'abort',
    'annuler', 'annule', 'annulez', 'laisse tomber', 'laissez tomber', 'arrete', 'arreter', 'arretez', 'oublie', 'oubliez', 'oublie ca',
    'cancelar', 'cancela', 'cancele', 'anular', 'anula', 'desmarcar', 'cancelalo', 'olvidalo', 'dejalo', 'salir', 'parar', 'esquece', 'deixa pra la', 'sair',
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

/** Politeness around a command: "oui merci", "cancel please", "non merci". */
const POLITENESS = new PhraseSet(`please|pls|plz|thanks|thank you|thx|ty|svp|stp|s il vous plait|s il te plait|merci|merci beaucoup|por favor|porfa|gracias|muchas gracias|obrigado|obrigada|obg|then|alors|entonces|entao|oh|ah|well|bon|bueno|pues|bem`);

/** The longest command with its politeness is well under this; longer messages are not commands. */
const MAX_COMMAND_WORDS = 10;

const LOOKUP = new Map<string, Command>();
for (const [command, phrases] of Object.entries(PHRASES) as [Command, string[]][]) for (const p of phrases) if (!LOOKUP.has(p)) LOOKUP.set(p, command);

/** `words`: the folded words of the message (phrases.ts `wordsOf`); emojis are looked at on the raw text. */
export function detectCommand(raw: string, words: readonly string[]): Command | null {
  if (words.length > MAX_COMMAND_WORDS) return null;
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const n = POLITENESS.matchAt(words, i);
    if (n > 0) i += n;
    else kept.push(words[i++]!);
  }
  if (/[👍👌✅🙆]/u.test(raw)) kept.push('ok');
  if (/[👎❌🙅]/u.test(raw)) kept.push('no');
  if (kept.length === 0) return raw.trim() === '?' ? 'help' : null;
  const direct = LOOKUP.get(kept.join(' '));
  if (direct !== undefined) return direct;
  // "ok ok", "oui oui oui": a repeated command word.
  const first = LOOKUP.get(kept[0]!);
  if (first !== undefined && kept.length <= 3 && kept.every((w) => LOOKUP.get(w) === first)) return first;
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
const LANGUAGE_WORDS = new Set(LANGUAGE_NAMES.flatMap(([, names]) => names.split('|')));
const EXACT_NAMES: [Locale, RegExp][] = LANGUAGE_NAMES.map(([locale, names]) => [locale, new RegExp(`^(${names})$`)]);

/** `words`: the folded words of the message. */
export function detectSwitchLocale(words: readonly string[]): Locale | null {
  if (!words.some((w) => LANGUAGE_WORDS.has(w))) return null;
  const trimmed = words.join(' ');
  const spacedFolded = ` ${trimmed} `;
  for (const [locale, exact] of EXACT_NAMES) if (exact.test(trimmed)) return locale;
  for (const [locale, re] of SWITCH_PATTERNS) if (re.test(spacedFolded)) return locale;
  return null;
}
