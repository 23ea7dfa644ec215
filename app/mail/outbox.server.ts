/**
 * Every e-mail is first a row in the outbox, written in the same transaction as the change that
 * caused it; the mail worker (`worker.server.ts`, ADR 0008) delivers after commit.
 */
import { emailOutbox } from "../../db/schema";
import type { Executor } from "../../db/client";
import type { RenderedEmail } from "../../emails/types";
import { smtpUrl } from "../utils/config.server";
import { logInfo } from "../utils/log.server";

export interface EmailRecipient {
  userId?: string;
  email: string;
}

export async function enqueueEmail(db: Executor, to: EmailRecipient, email: RenderedEmail) {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      template: email.template,
      recipientUserId: to.userId,
      recipientEmail: to.email.toLowerCase(),
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/**
 * In demo mode (no SMTP_URL) the log says that an account e-mail was stored in the development
 * mailbox, with its id, so whoever runs the portal can open it at /dev/mail/<id>. Never the address,
 * the subject or the link: logs hold no personal data, and a link in a log would let anyone who reads
 * the log set the account's password or answer its invitation.
 */
export function announceDemoMail(mailId: string) {
  if (smtpUrl()) return;
  logInfo(`[e-post, demoläge] ett meddelande har lagts i utvecklingsbrevlådan: /dev/mail/${mailId}`);
}
