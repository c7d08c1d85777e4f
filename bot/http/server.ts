import restify, { type Server, type ServerOptions } from 'restify';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { EventLoopWatchdog } from '../event-loop-watchdog';
import type { Infrastructure } from '../infrastructure/infrastructure';
import type { Logger } from '../logger';
import { registerHealthRoutes } from './health-routes';
import { answerMalformedRequests } from './client-error';
import { offersRoute } from './offers-route';
import { sendProblem } from './problem';

export function createServer(deps: UseCaseDeps, health: { infrastructure: Infrastructure; watchdog: EventLoopWatchdog }, log: Logger): Server {
  // restify's own lines (a handler's discarded value, a formatter error) go through our redacting
  // logger, not a bare pino of its own. restify 11 logs with pino; its types still say bunyan.
  const restifyLog = log.child({ component: 'http' }) as unknown as ServerOptions['log'];
  const server = restify.createServer({ name: 'majordome', log: restifyLog, handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  answerMalformedRequests(server.server);

  registerHealthRoutes(server, { catalog: deps.catalog, ...health });
  server.get('/api/properties', async (_req, res) => {
    res.send(200, deps.catalog.list().map((p) => ({ id: p.id, name: p.name, timeZone: p.timeZone, currency: p.currency, unitTypes: p.unitTypes.map((t) => t.id) })));
  });
  server.get('/api/properties/:propertyId/offers', offersRoute(deps));

  server.on('NotFound', (_req, res) => sendProblem(res, 404, 'not_found', ['no such route']));
  server.on('MethodNotAllowed', (_req, res) => sendProblem(res, 405, 'method_not_allowed', ['method not allowed on this route']));
  server.on('restifyError', (req, res, error, callback) => {
    log.error({ err: error, route: req.getRoute()?.path }, 'request failed');
    return callback();
  });
  return server;
}
