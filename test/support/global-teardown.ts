import { finishLogCapture } from './log-capture';
import redisGlobalTeardown from './redis-global-teardown';

/** jest globalTeardown: stops the redis-server, then fails the run if a log line holds a secret. */
export default async function globalTeardown(): Promise<void> {
  try {
    await redisGlobalTeardown();
  } finally {
    const report = finishLogCapture();
    if (report) process.stdout.write(`\nLog check: ${report.lines} log lines from ${report.files} processes, none with a secret or personal data.\n`);
  }
}
