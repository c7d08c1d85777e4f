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
  const stop = async (signal: string): Promise<void> => {
    log.info({ signal }, 'shutting down');
    await running.close();
    process.exit(0);
  };
  // Handlers go in before the "listening" line, so a supervisor that reacts to it can stop us cleanly.
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // Recognizers compile their models on first use (seconds, in French): pay that before the
  // first guest does, and before the port is announced.
  const warmStart = Date.now();
  await warmUp();
  log.info({ ms: Date.now() - warmStart }, 'language understanding warmed up');

  const port = await app.listen();
  const properties = app.deps.catalog.list().map((p) => p.id);
  log.info({ port, store: app.deps.store.kind, properties }, 'Majordome is listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`Majordome failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
