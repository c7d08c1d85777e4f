/**
 * A one-node Redis Cluster on a private port: every slot on one master, enough to prove that
 * each script stays in one slot (cluster mode refuses a script that touches another).
 */
import { Redis } from 'ioredis';
import { startRedisServer, type RedisServerHandle } from './redis-server';

export async function startRedisClusterNode(): Promise<RedisServerHandle> {
  // nodes.conf lands in the server's own temporary --dir, removed on stop.
  const server = await startRedisServer([
    '--cluster-enabled', 'yes',
    '--cluster-config-file', 'nodes.conf',
    // A lone node does not know its address and would advertise '' in CLUSTER SLOTS.
    '--cluster-announce-ip', '127.0.0.1',
  ]);
  const admin = new Redis(server.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await admin.connect();
    await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    const deadline = Date.now() + 10_000;
    for (;;) {
      const info = String(await admin.call('CLUSTER', 'INFO'));
      if (info.includes('cluster_state:ok')) break;
      if (Date.now() > deadline) throw new Error(`cluster did not become ok:\n${info}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (e) {
    await server.stop();
    throw e;
  } finally {
    admin.disconnect();
  }
  return server;
}

/** Redis Cluster's slot of a key: CRC16 (XMODEM) of the hash tag, or of the key without one. */
export function keySlot(key: string): number {
  const bytes = Buffer.from(key, 'utf8');
  const open = bytes.indexOf(0x7b);
  let data = bytes;
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1);
    if (close > open + 1) data = bytes.subarray(open + 1, close);
  }
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}
