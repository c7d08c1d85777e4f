import restify, { type Server } from 'restify';
import type { Catalog } from '../../domain/catalog/catalog';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { Logger } from '../logger';
import { answerMalformedRequests } from './client-error';
import { offersRoute } from './offers-route';
import { sendProblem } from './problem';

export function createServer(deps: UseCaseDeps, log: Logger): Server {
  const server = restify.createServer({ name: 'majordome', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  answerMalformedRequests(server.server);

  server.get('/health', async (_req, res) => {
    const catalog: Catalog = deps.catalog;
    res.send(200, { status: 'ok', store: deps.store.kind, properties: catalog.list().length, units: catalog.unitCount() });
  });
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
