import { randomInt, randomUUID } from 'node:crypto';
import type { Ids } from '../../domain/ports';

/** Cryptographic randomness: references and ids must not be guessable from one another. */
export const cryptoIds: Ids = {
  id: () => randomUUID().replace(/-/g, ''),
  randomInt: (n) => randomInt(n),
};
