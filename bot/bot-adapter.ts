import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotCredentials } from './bot-config';

/**
 * Always `ConfigurationBotFrameworkAuthentication`: a bare `new CloudAdapter()` fails every
 * request. Without credentials it authenticates nobody, which is why the route then admits
 * loopback only; with them, the SDK validates each channel's JWT.
 */
export function createBotAuthentication(credentials: BotCredentials | null): ConfigurationBotFrameworkAuthentication {
  if (!credentials) return new ConfigurationBotFrameworkAuthentication({});
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword ?? undefined,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId ?? undefined,
  });
}

/**
 * CloudAdapter entered one step below `process()`: the route has already read, parsed and
 * checked the request and answers with its own problem bodies, and `process()` would
 * console.error every refused token with its stack. Authentication, the connector to the
 * serviceUrl, middleware, onTurnError and invoke responses are all still the SDK's.
 */
export class MajordomeAdapter extends CloudAdapter {
  processParsed(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
