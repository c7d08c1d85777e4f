import path from 'node:path';
import { ConfigError, DEMO_PROPERTIES_DIR, loadConfig } from '../../bot/config';

describe('config from the environment', () => {
  it('starts on embedded defaults with nothing set', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3978,
      host: '0.0.0.0',
      propertiesDir: DEMO_PROPERTIES_DIR,
      redis: null,
      redisKeyPrefix: 'majordome:',
      logLevel: 'info',
      holdSweepSeconds: 30,
      eventLoopWarnMs: 200,
      shutdownGraceMs: 10_000,
      publicBaseUrl: 'http://localhost:3978',
      bot: { credentials: null },
      webchat: { secret: null },
      staff: { token: null },
      payments: { stripe: null },
      calendar: { enabled: true },
      trustProxy: [],
    });
    expect(DEMO_PROPERTIES_DIR).toBe(path.resolve(__dirname, '..', '..', 'bot', 'properties'));
  });

  it('treats empty variables as unset, as a copied .env.example leaves them', () => {
    expect(loadConfig({ REDIS_URL: '', PROPERTIES_DIR: '' }).redis).toBeNull();
  });

  it('names every bad variable and why', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'localhost:6379' })).toThrow(
      'invalid environment:\nPORT: expected a port number\nREDIS_URL: expected a redis:// or rediss:// URL',
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT: expected a port number from 0 to 65535');
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://chat.example.com/majordome' })).toThrow('PUBLIC_BASE_URL: expected a scheme and host only');
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/33, proxy.example' })).toThrow('TRUST_PROXY: "10.0.0.0/33", "proxy.example": expected addresses, CIDR blocks');
  });

  it('reads the trusted proxies as a list', () => {
    expect(loadConfig({ TRUST_PROXY: ' loopback , 10.0.0.0/8,2001:db8::1 ' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
  });

  it('puts shared state on one Redis server or on a cluster, never both', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6390/0' }).redis).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6390/0' });
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001' }).redis).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-b.internal', port: 7001 },
      ],
    });
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1' })).toThrow('REDIS_CLUSTER_NODES[0]: expected host:port pairs');
    expect(() => loadConfig({ REDIS_URL: 'redis://a:1', REDIS_CLUSTER_NODES: 'b:2' })).toThrow('REDIS_CLUSTER_NODES: set REDIS_URL (one server) or REDIS_CLUSTER_NODES (a cluster), not both');
  });

  it('reads the shutdown grace period in seconds, fractions allowed, and refuses a negative one', () => {
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '2.5' }).shutdownGraceMs).toBe(2500);
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '0' }).shutdownGraceMs).toBe(0);
    expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: '-1' })).toThrow('SHUTDOWN_GRACE_SECONDS: expected 0 seconds or more');
    expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: 'soon' })).toThrow('SHUTDOWN_GRACE_SECONDS: expected a number of seconds');
  });

  it('builds links on the public address, with the port as the local default', () => {
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://chat.example.com/' }).publicBaseUrl).toBe('https://chat.example.com');
  });
});
