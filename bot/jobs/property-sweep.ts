import type { Catalog } from '../../domain/catalog/catalog';
import type { Logger } from '../logger';

/**
 * Runs `work` for every property on a timer, never twice at once: a slow pass is skipped over
 * rather than stacked. A failing pass is logged and the next one tries again. Returns a stop.
 */
export function startPropertySweep(
  what: string,
  catalog: Catalog,
  log: Logger,
  everySeconds: number,
  work: (propertyId: string) => Promise<void>,
): () => void {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (const property of catalog.list()) await work(property.id);
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, `${what} failed`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
