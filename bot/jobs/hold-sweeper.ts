import type { UseCaseDeps } from '../../domain/usecases/deps';
import { expireHolds } from '../../domain/usecases/expire-holds';
import type { Logger } from '../logger';

/**
 * Gives unpaid holds back to stock on a timer. Reads already treat an expired hold as free;
 * this turns the bookings to `expired` and returns promotion quota. Several instances may run
 * it at once: the store's sweep and the optimistic booking update make that harmless.
 */
export function startHoldSweeper(deps: UseCaseDeps, log: Logger, everySeconds: number): () => void {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (const property of deps.catalog.list()) {
        const { released, expired } = await expireHolds(deps, property.id);
        if (released || expired.length) log.info({ propertyId: property.id, released, expired }, 'expired holds released');
      }
    } catch (error) {
      log.error({ err: error }, 'hold sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
