import { loadPropertiesFrom } from '../../adapters/catalog/load-properties';
import { MemoryBotStorage } from '../../adapters/store/memory/bot-storage';
import { createMemoryStore } from '../../adapters/store/memory';
import { systemClock } from '../../adapters/system/clock';
import { cryptoIds } from '../../adapters/system/ids';
import { loadBotConfig } from '../../bot/bot-config';
import { createBotRuntime } from '../../bot/bot-runtime';
import { ConfigError, DEMO_PROPERTIES_DIR, loadConfig } from '../../bot/config';
import { Catalog } from '../../domain/catalog/catalog';
import { memoryLogger, NO_CREDENTIALS, startTestBot } from './messages-support';

describe('bot configuration from the environment', () => {
  it('runs loopback-only with nothing set: 30-day state, the first property', () => {
    expect(loadBotConfig({})).toEqual({ credentials: null, stateTtlMs: 30 * 24 * 3600 * 1000, defaultPropertyId: null });
    expect(loadBotConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }).credentials).toBeNull();
  });

  it('reads the standard Microsoft app variables', () => {
    expect(loadBotConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', BOT_STATE_TTL_DAYS: '7', DEFAULT_PROPERTY_ID: 'gite' })).toEqual({
      credentials: { appId: 'app', appPassword: 'pw', appType: 'MultiTenant', tenantId: null },
      stateTtlMs: 7 * 24 * 3600 * 1000,
      defaultPropertyId: 'gite',
    });
    expect(loadBotConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'singletenant', MicrosoftAppTenantId: 't' }).credentials).toEqual({
      appId: 'app',
      appPassword: 'pw',
      appType: 'SingleTenant',
      tenantId: 't',
    });
    expect(loadBotConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }).credentials).toMatchObject({ appPassword: null, appType: 'UserAssignedMSI' });
  });

  it.each([
    [{ MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId: required when MicrosoftAppPassword is set'],
    [{ MicrosoftAppId: 'app' }, 'MicrosoftAppPassword: required when MicrosoftAppId is set'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId: required with MicrosoftAppType SingleTenant'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }, 'MicrosoftAppPassword: must be empty with MicrosoftAppType UserAssignedMSI'],
    [{ MicrosoftAppType: 'Anonymous' }, 'MicrosoftAppType: expected MultiTenant, SingleTenant, UserAssignedMSI'],
    [{ BOT_STATE_TTL_DAYS: '0' }, 'BOT_STATE_TTL_DAYS: expected at least 1 day'],
  ])('refuses to start on %j', (env, message) => {
    expect(() => loadBotConfig(env)).toThrow(message);
    // The app's own config check names the same problem, so `npm start` stops on it.
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('the default property', () => {
  it('is the first of the catalogue unless DEFAULT_PROPERTY_ID names one, and must exist', async () => {
    const first = await startTestBot();
    try {
      expect(first.app.bot.defaultPropertyId).toBe(first.app.deps.catalog.list()[0]?.id);
      const other = first.app.deps.catalog.list()[1]?.id ?? '';
      const chosen = await startTestBot({ botConfig: { ...NO_CREDENTIALS, defaultPropertyId: other } });
      expect(chosen.app.bot.defaultPropertyId).toBe(other);
      await chosen.close();
    } finally {
      await first.close();
    }
  });

  it('must be in the catalogue, or the bot does not start', async () => {
    const deps = { catalog: new Catalog(await loadPropertiesFrom(DEMO_PROPERTIES_DIR)), store: createMemoryStore(), clock: systemClock, ids: cryptoIds };
    const services = { notifier: { notify: async () => {} }, payments: { createCheckout: async () => ({ url: 'http://localhost/pay', demo: true, expiresAt: '' }), refund: async () => ({ ok: false as const, code: 'refund_failed' as const }), closeCheckout: async () => {} }, understand: () => { throw new Error('unused'); } };
    expect(() => createBotRuntime({ deps, log: memoryLogger().log, config: { ...NO_CREDENTIALS, defaultPropertyId: 'no-such-hotel' }, storage: new MemoryBotStorage(), services })).toThrow(
      'DEFAULT_PROPERTY_ID: no property "no-such-hotel" in the catalogue',
    );
  });
});
