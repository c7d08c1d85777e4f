/**
 * `npm run --silent understand`: JSON lines in, JSON lines out (see cli-io.ts), so hotel
 * staff can see what the bot understood. Prints nothing else on stdout; a bad line gets an
 * error line and the tool keeps going.
 */
import { createInterface } from 'node:readline';
import { processLine } from './cli-io';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() === '') return;
  let out: object;
  try {
    out = processLine(line);
  } catch (e) {
    out = { error: `internal: ${e instanceof Error ? e.message : String(e)}` };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
});
