import path from 'node:path';
import { ConfigError, DEMO_PROPERTIES_DIR, loadConfig } from '../../bot/config';

describe('config from the environment', () => {
  it('starts on embedded defaults with nothing set', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      host: '0.0.0.0',
      propertiesDir: DEMO_PROPERTIES_DIR,
      redisUrl: null,
      redisKeyPrefix: 'majordome:',
      logLevel: 'info',
      holdSweepSeconds: 30,
      publicBaseUrl: 'http://localhost:3978',
      trustProxy: [],
    });
    expect(DEMO_PROPERTIES_DIR).toBe(path.resolve(__dirname, '..', '..', 'bot', 'properties'));
  });

  it('treats empty variables as unset, as a copied .env.example leaves them', () => {
    expect(loadConfig({ REDIS_URL: '', PROPERTIES_DIR: '' }).redisUrl).toBeNull();
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

  it('builds links on the public address, with the port as the local default', () => {
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://chat.example.com/' }).publicBaseUrl).toBe('https://chat.example.com');
  });
});
