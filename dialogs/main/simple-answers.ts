import type { TurnContext } from 'botbuilder';
import { localize } from '../../domain/catalog/locales';
import { matchService } from '../concierge/service-match';
import { matchFaq } from '../faq/faq-match';
import { formatMoney } from '../messages/format';
import type { ConversationServices } from '../services';
import { msg, say, type Turn } from '../turn';

/** One-turn answers that need no dialog: FAQ, concierge requests and feedback. */
export async function answerFaq(context: TurnContext, turn: Turn, services: ConversationServices): Promise<void> {
  const faq = matchFaq(turn.property, turn.text);
  if (faq) {
    await say(context, localize(faq.answer, turn.profile.locale));
    return;
  }
  await alertStaff(context, turn, services, 'other', 'A guest asked a question the FAQ does not answer');
  await say(context, msg(turn, 'faqUnknown'));
}

export async function answerConcierge(context: TurnContext, turn: Turn, services: ConversationServices): Promise<void> {
  const locale = turn.profile.locale;
  const service = matchService(turn.property, turn.text);
  if (service) {
    await alertStaff(context, turn, services, 'other', `Concierge request: ${service.id}`, { serviceId: service.id });
    await say(context, msg(turn, 'conciergeNoted'));
    return;
  }
  const list = turn.property.concierge
    .map((s) => `- ${localize(s.name, locale)}${s.price === null ? ` (${msg(turn, 'free')})` : ` (${formatMoney(s.price, turn.property.currency, locale)})`}`)
    .join('\n');
  await alertStaff(context, turn, services, 'other', 'Concierge request to read in the conversation');
  await say(context, list ? `${msg(turn, 'conciergeIntro')}\n${list}\n${msg(turn, 'conciergeNoted')}` : msg(turn, 'conciergeNoted'));
}

export async function answerFeedback(context: TurnContext, turn: Turn, services: ConversationServices): Promise<void> {
  await alertStaff(context, turn, services, 'other', 'Guest feedback to read in the conversation');
  const links = turn.property.reviewLinks.map((l) => `- ${l.label}: ${l.url}`).join('\n');
  await say(context, links ? `${msg(turn, 'feedbackThanks')}\n${msg(turn, 'reviewInvite')}\n${links}` : msg(turn, 'feedbackThanks'));
}

/** Staff alerts name the conversation, never the guest: the staff read the details in it. */
export async function alertStaff(
  context: TurnContext,
  turn: Turn,
  services: ConversationServices,
  kind: 'handoff' | 'other',
  summary: string,
  extra: Record<string, string> = {},
): Promise<void> {
  const { activity } = context;
  await services.notifier.notify({
    propertyId: turn.property.id,
    kind,
    summary,
    data: { conversationId: activity.conversation.id, channel: activity.channelId, locale: turn.profile.locale, ...extra },
    at: services.deps.clock.now().toISOString(),
  });
}
