/** The yearly report's e-mails: rendered into outbox rows inside the transition's transaction. */
import { eq } from "drizzle-orm";
import type { DistrictReportRecipient } from "../../workflows";
import type { Executor } from "../../db/client";
import { districtMemberships, emailOutbox, users } from "../../db/schema";
import { districtReportEmail } from "../../emails/district-report";
import type { DistrictRole } from "../auth/roles";
import { districtStaffReached } from "../cases/recipients.server";

const RECIPIENT_ROLES: Record<Exclude<DistrictReportRecipient, "author">, DistrictRole> = {
  headOfUnit: "head_of_unit",
  districtDirector: "district_director",
  registrar: "registrar",
};

/** The e-mails for a transition, one per person the notifications reach in the district. */
export async function outboxRows(
  tx: Executor,
  input: {
    districtId: string;
    districtName: string;
    year: number;
    authorId: string | null;
    reportUrl: string;
    message: string | null;
    effects: { template: Parameters<typeof districtReportEmail>[0]; to: DistrictReportRecipient[] }[];
    auditId: number;
  },
): Promise<(typeof emailOutbox.$inferInsert)[]> {
  const roles = [...new Set(input.effects.flatMap((e) => e.to))];
  if (roles.length === 0) return [];
  const districtRoles = roles.flatMap((r) => (r === "author" ? [] : [RECIPIENT_ROLES[r]]));
  const author = roles.includes("author") ? input.authorId : null;
  const rows = await tx
    .selectDistinct({ userId: users.id, email: users.email, name: users.name, role: districtMemberships.role })
    .from(districtMemberships)
    .innerJoin(users, eq(users.id, districtMemberships.userId))
    .where(districtStaffReached(input.districtId, districtRoles, author));
  const mail: (typeof emailOutbox.$inferInsert)[] = [];
  for (const effect of input.effects) {
    const wanted = new Set(effect.to.flatMap((r) => (r === "author" ? [] : [RECIPIENT_ROLES[r]])));
    const people = new Map<string, { email: string; name: string }>();
    for (const r of rows) {
      if (wanted.has(r.role) || (effect.to.includes("author") && r.userId === input.authorId)) people.set(r.userId, r);
    }
    for (const [userId, person] of people) {
      const email = await districtReportEmail(effect.template, {
        year: input.year,
        districtName: input.districtName,
        recipientName: person.name,
        reportUrl: input.reportUrl,
        message: input.message,
      });
      mail.push({
        template: email.template,
        recipientUserId: userId,
        recipientEmail: person.email,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        payload: { side: "administration", districtReportEventId: input.auditId },
      });
    }
  }
  return mail;
}
