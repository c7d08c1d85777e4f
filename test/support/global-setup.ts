import { startLogCapture } from './log-capture';
import redisGlobalSetup from './redis-global-setup';

/** jest globalSetup: the private redis-server, and the capture of every log line the run writes. */
export default async function globalSetup(): Promise<void> {
  startLogCapture();
  await redisGlobalSetup();
}
