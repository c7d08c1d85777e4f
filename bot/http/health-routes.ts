import type { Server } from 'restify';
import type { Catalog } from '../../domain/catalog/catalog';
import type { EventLoopWatchdog } from '../event-loop-watchdog';
import type { Infrastructure } from '../infrastructure/infrastructure';

/**
 * `/health` is liveness: 200 while this process serves requests, with the store connection's
 * state and the event loop's delay in the body (a supervisor restarts on no answer, not on a
 * Redis outage that a restart would not cure). `/ready` is readiness: 503 with the reasons
 * while the store, bot state or queues cannot be reached, so a load balancer sends guests to
 * an instance that can serve them.
 */
export function registerHealthRoutes(server: Server, o: { catalog: Catalog; infrastructure: Pick<Infrastructure, 'kind' | 'storeState' | 'readiness'>; watchdog: EventLoopWatchdog }): void {
  server.get('/health', async (_req, res) => {
    res.send(200, {
      status: 'ok',
      store: o.infrastructure.kind,
      storeConnection: o.infrastructure.storeState(),
      eventLoopDelayMs: o.watchdog.current(),
      properties: o.catalog.list().length,
      units: o.catalog.unitCount(),
    });
  });
  server.get('/ready', async (_req, res) => {
    const readiness = await o.infrastructure.readiness();
    res.send(readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'unavailable', checks: readiness.checks });
  });
}
