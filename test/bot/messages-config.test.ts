import { loadBotConfig } from '../../bot/bot-config';
import { ConfigError, loadConfig } from '../../bot/config';

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
