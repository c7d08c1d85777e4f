/**
 * How much of a guest's message the bot reads. Every step of understanding is linear in what
 * it reads (the regexes are checked by `npm run lint`), so these two numbers bound the work
 * one message can cost, whatever its size.
 */

/**
 * The longest message the bot reads, in JavaScript characters (UTF-16 code units: an emoji
 * counts two). A longer one gets a polite "please send a shorter message" and is not
 * understood at all; a channel's transcript still keeps what the guest sent.
 */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * The most text Microsoft Recognizers read in one message. They cost per character scanned,
 * and more than linearly on runs of numbers (2,000 characters of "12 12 …" took 1.8 s in
 * French), so a long message only shows them the stretch around the words that called them.
 */
export const RECOGNIZERS_WINDOW = 160;
