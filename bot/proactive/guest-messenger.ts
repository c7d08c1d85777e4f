import { MessageFactory } from 'botbuilder';
import type { Catalog } from '../../domain/catalog/catalog';
import type { GuestMessenger, GuestNotice, NoticeDelivery } from '../../domain/ports';
import { noticeText } from '../../dialogs/notices/notice-text';
import type { Logger } from '../logger';
import type { ProactiveSender } from './proactive-sender';

/**
 * Tells guests what happened to their booking while they were away, on the channel they booked
 * from. Channels without a sender of their own go through the connector sender.
 */
export class ProactiveGuestMessenger implements GuestMessenger {
  private readonly senders = new Map<string, ProactiveSender>();

  constructor(
    private readonly catalog: Catalog,
    private readonly fallback: ProactiveSender,
    private readonly log: Logger,
  ) {}

  /** A channel served in-process (web chat's Direct Line) delivers its own messages. */
  register(channelId: string, sender: ProactiveSender): void {
    this.senders.set(channelId, sender);
  }

  async tell(notice: GuestNotice): Promise<NoticeDelivery> {
    const { booking } = notice;
    const ids = { propertyId: booking.propertyId, bookingId: booking.id, notice: notice.kind };
    const address = booking.address;
    const property = this.catalog.get(booking.propertyId);
    if (!address || !property) {
      this.log.info(ids, 'guest notice not sent: no conversation to answer');
      return 'no_address';
    }
    const sender = this.senders.get(address.channelId) ?? this.fallback;
    try {
      await sender.send(address, [MessageFactory.text(noticeText(notice, property, address.locale))]);
      this.log.info({ ...ids, channel: address.channelId }, 'guest notice sent');
      return 'sent';
    } catch (error) {
      this.log.warn({ ...ids, channel: address.channelId, err: error instanceof Error ? error.message : String(error) }, 'guest notice failed');
      return 'failed';
    }
  }
}
