import { CatalogError } from '../adapters/catalog/load-properties';
import { warmUp } from '../dialogs/understanding';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { refuseDemoExportTokens } from './demo-export-tokens';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let app;
  try {
    await refuseDemoExportTokens(config.propertiesDir);
    app = await createApp(config, log);
  } catch (error) {
    if (error instanceof CatalogError) {
      // A bad property file must stop the start: selling from a half-read catalogue is worse.
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = app;
  let stopping = false;
  // Exit 0 when every request and bot turn finished within SHUTDOWN_GRACE_SECONDS, 1 when some
  // had to be cut (or a second signal cut the drain short): a supervisor can tell the two apart.
  const stop = (signal: string): void => {
    if (stopping) {
      log.warn({ signal }, 'second signal: stopping now, without waiting for the work in flight');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    running.shutdown().then(
      (report) => process.exit(report.clean ? 0 : 1),
      (error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Handlers go in before the "listening" line, so a supervisor that reacts to it can stop us cleanly.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  // Recognizers compile their models on first use (seconds, in French): pay that before the
  // first guest does, and before the port is announced.
  const warmStart = Date.now();
  await warmUp();
  log.info({ ms: Date.now() - warmStart }, 'language understanding warmed up');

  // A signal during the warm-up: the shutdown has begun, and the server must not open now.
  if (stopping) return;
  const port = await app.listen();
  const properties = app.deps.catalog.list().map((p) => p.id);
  log.info({ port, store: app.deps.store.kind, properties }, 'Majordome is listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`Majordome failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
