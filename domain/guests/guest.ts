import type { Locale } from '../catalog/locales';

/** A channel's own id for the guest: a Messenger PSID, a phone number for SMS, a web chat user id. */
export interface ChannelIdentity {
  channel: string;
  channelUserId: string;
}

export interface Consent {
  marketing: boolean;
  /** ISO instant of the guest's answer. */
  at: string;
}

/** Personal data, owned by the property that collected it: log the id, never the rest. */
export interface Guest {
  id: string;
  propertyId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: Locale;
  identities: ChannelIdentity[];
  consent: Consent | null;
  createdAt: string;
  updatedAt: string;
}
