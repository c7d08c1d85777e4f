/**
 * `npm run --silent score:understanding`: accuracy of `understand` on test/corpus as JSON on
 * stdout (stays = checkIn and checkOut both exact), failures on stderr, one a line.
 * `--hint` passes each line's expected locale as the conversation's locale, as the bot does
 * mid-conversation.
 */
import { loadCorpus, scoreCorpus } from './corpus';

const useHint = process.argv.includes('--hint');
const score = scoreCorpus(loadCorpus(), useHint);
const { failures, ...figures } = score;
process.stdout.write(`${JSON.stringify({ localeHint: useHint, ...figures }, null, 2)}\n`);
for (const f of failures) process.stderr.write(`${f.id} ${f.field}: expected ${JSON.stringify(f.expected)} got ${JSON.stringify(f.got)} — ${f.text}\n`);
