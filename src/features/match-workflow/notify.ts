/**
 * Notifications of the match workflow: when one side acts, the other side's
 * editors and owners get a mail in their own language (the platform's mail
 * queue, in the same transaction as the change, so a mail exists exactly when
 * the change committed). The person's inbox (/matches) is the in-app side:
 * it lists what awaits them.
 */
import { selectorOf, type MatchSide } from '../../core/matching/workflow.js';
import type { WriteTx } from '../../db/database.js';
import type { Deps } from '../../http/app-env.js';
import { t } from '../../i18n/i18n.js';
import { mailLink, queueMail } from '../../platform/mail/index.js';
import { isLanguage } from '../../shared/localised.js';
import { recipients, type MatchRow } from './repository.js';

/** What happened, as the mail names it: a transition, a new proposal, a comment or a rating. */
export type MatchNews =
  | 'propose'
  | 'request'
  | 'accept'
  | 'decline'
  | 'accept-proposal'
  | 'decline-proposal'
  | 'start-delivery'
  | 'deliver'
  | 'close'
  | 'comment'
  | 'rate';

/**
 * Queues one mail per editor and owner of the side that did not act.
 * @example await notifyOtherSide({ config }, tx, match, 'provider', 'accept', null)
 */
export async function notifyOtherSide(
  deps: Pick<Deps, 'config'>,
  tx: WriteTx,
  match: MatchRow,
  actingSide: MatchSide,
  news: MatchNews,
  words: string | null,
): Promise<number> {
  const organisationId = actingSide === 'requester' ? match.provider_organisation_id : match.requester_organisation_id;
  const by = actingSide === 'requester' ? match.requester_name : match.provider_name;
  const link = mailLink(deps.config, `/matches/${match.id}`, {});
  const people = await recipients(tx, organisationId);
  for (const person of people) {
    const lang = person.lang && isLanguage(person.lang) ? person.lang : 'en';
    const params = { need: match.need_title, offering: match.offering_title, by, link };
    const subject = t(lang, 'matches.mail.subject', { ...params, news: selectorOf(news) });
    const text = [
      t(lang, 'matches.mail.body', { ...params, news: selectorOf(news) }),
      words ? `“${words}”` : '',
      t(lang, 'matches.mail.open', { link }),
    ]
      .filter(Boolean)
      .join('\n\n');
    await queueMail({ db: tx, config: deps.config }, { to: person.email, lang, subject, text });
  }
  return people.length;
}
