/**
 * A private, throwaway redis-server for tests and the benchmark: a free loopback port, no
 * persistence, stopped by pid. Never the machine's shared Redis on 6379.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RedisServerHandle {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const SHARED_PORT = 6379;

/** `MAJORDOME_REDIS_SERVER` names the binary explicitly; otherwise `redis-server` on PATH. */
export function findRedisServer(): string {
  const explicit = process.env.MAJORDOME_REDIS_SERVER;
  const candidates = explicit
    ? [explicit]
    : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'redis-server'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  throw new Error(
    'redis-server not found: install it with `apt-get install redis-server` (Debian/Ubuntu) or `brew install redis`, ' +
      'or set MAJORDOME_REDIS_SERVER to its path. The Redis tests start their own private server on a free loopback port.',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopRedisServerByPid(pid: number, graceMs = 5000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(20);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function startOnce(binary: string, extraArgs: string[], at: { port?: number; dir?: string } = {}): Promise<RedisServerHandle | { failed: string }> {
  const port = at.port ?? (await freePort());
  if (port === SHARED_PORT) return { failed: 'got the shared port 6379' };
  const dir = at.dir ?? mkdtempSync(join(tmpdir(), 'majordome-redis-'));
  const logfile = join(dir, 'redis.log');
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'no',
    '--dir', dir,
    '--logfile', logfile,
    ...extraArgs,
  ];
  const child = spawn(binary, args, { stdio: 'ignore' });
  let exited: string | null = null;
  child.on('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
  });
  child.on('error', (e) => {
    exited = e.message;
  });
  const pid = child.pid;
  const readLog = () => {
    try {
      return readFileSync(logfile, 'utf8').split('\n').slice(-10).join('\n');
    } catch {
      return '';
    }
  };
  // A restartable server's folder holds its append-only file: the caller removes it at the end.
  const cleanup = () => (at.dir ? undefined : rmSync(dir, { recursive: true, force: true }));
  if (pid === undefined) {
    cleanup();
    return { failed: `could not spawn ${binary}` };
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      const log = readLog();
      cleanup();
      return { failed: `redis-server on port ${port} ${exited}\n${log}` };
    }
    if (await ping(port)) {
      // Also stopped if this process exits without calling stop() (an uncaught error, Ctrl-C in jest).
      const onExit = () => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      };
      process.once('exit', onExit);
      child.unref();
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        pid,
        stop: async () => {
          process.removeListener('exit', onExit);
          await stopRedisServerByPid(pid);
          cleanup();
        },
      };
    }
    await sleep(25);
  }
  await stopRedisServerByPid(pid);
  const log = readLog();
  cleanup();
  return { failed: `redis-server on port ${port} did not answer PING within 10 s\n${log}` };
}

/** Starts a private redis-server; retries on another port if the chosen one was taken meanwhile. */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServerHandle> {
  const binary = findRedisServer();
  const failures: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const started = await startOnce(binary, extraArgs);
    if ('url' in started) return started;
    failures.push(started.failed);
  }
  throw new Error(`could not start a private redis-server:\n${failures.join('\n')}`);
}

export interface RestartableRedis {
  url: string;
  /** Stops the server as an outage would (SIGKILL: no goodbye to clients); its data stays in the AOF. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder: the AOF brings the data back. */
  restart(): Promise<void>;
  /** Stops it for good and removes its folder. */
  stop(): Promise<void>;
}

/** A private redis-server with the append-only file on, that a test can take down and bring back. */
export async function startRestartableRedis(): Promise<RestartableRedis> {
  const binary = findRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'majordome-redis-aof-'));
  const args = ['--appendonly', 'yes', '--appendfsync', 'always'];
  const first = await startOnce(binary, args, { dir });
  if (!('url' in first)) throw new Error(`could not start a private redis-server:\n${first.failed}`);
  let current: RedisServerHandle | null = first;
  const port = first.port;
  return {
    url: first.url,
    kill: async () => {
      if (!current) return;
      process.kill(current.pid, 'SIGKILL');
      while (await ping(port)) await sleep(20);
      current = null;
    },
    restart: async () => {
      const again = await startOnce(binary, args, { dir, port });
      if (!('url' in again)) throw new Error(`could not restart the private redis-server:\n${again.failed}`);
      current = again;
    },
    stop: async () => {
      await current?.stop();
      current = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
