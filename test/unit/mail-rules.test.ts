import { describe, expect, it } from "vitest";
import { NOTIFICATION_TEMPLATES } from "../../workflows";
import { INTERNAL_TEMPLATES } from "../../workflows/partnership/effectTypes";
import { CASE_TEXTS, caseNotificationEmail, swedishDate } from "../../emails/case-notifications";
import { passwordResetEmail, registrationConfirmationEmail, staffInvitationEmail } from "../../emails/accounts";
import { REMINDER_TEMPLATES, reminderEmail } from "../../emails/reminders";
import { RECEIPT_TEMPLATE, receiptEmail } from "../../emails/receipts";
import { RECEIPT_KINDS } from "../../workflows";
import { backoffMs } from "../../app/mail/delivery.server";
import { describeError, isPermanent } from "../../app/mail/smtp.server";
import { addDays, workingDaysBetween } from "../../app/mail/working-days";

const context = {
  diaryNumber: "RK 2026/12",
  title: "Mötesplats för unga",
  organisationName: "Fryshuset",
  recipientName: "Kim",
  caseUrl: "https://portal.example/forening/arenden/abc",
  message: "Bifoga budgeten.",
  dueDate: "2026-02-18",
};

describe("case notification templates", () => {
  for (const template of NOTIFICATION_TEMPLATES) {
    for (const side of ["association", "administration"] as const) {
      if (!CASE_TEXTS[template][side]) continue;
      it(`${template} to the ${side} side names the case, the next step and links to it`, async () => {
        const email = await caseNotificationEmail(template, { ...context, side });
        expect(email.subject).toContain("RK 2026/12");
        expect(email.text).toContain("Diarienummer: RK 2026/12");
        expect(email.text).toMatch(/Nästa steg: \S/);
        expect(email.text).toContain("Öppna ärendet i IOP-portalen: https://portal.example/forening/arenden/abc");
        expect(email.html).toContain('lang="sv"');
        expect(email.html).toContain('href="https://portal.example/forening/arenden/abc"');
        expect(email.html).toContain("RK 2026/12");
      });
    }
  }

  it("has a text for every side the workflow mails, and none for the förening on internal steps", () => {
    for (const template of INTERNAL_TEMPLATES) expect(CASE_TEXTS[template].association).toBeUndefined();
    for (const template of NOTIFICATION_TEMPLATES) {
      expect(CASE_TEXTS[template].association ?? CASE_TEXTS[template].administration).toBeDefined();
    }
  });

  it("gives the deadline as a Swedish date", async () => {
    const email = await caseNotificationEmail("completion_requested", { ...context, side: "association" });
    expect(email.text).toContain("Komplettera ansökan och skicka in den igen senast 2026-02-18.");
    expect(email.text).toContain("”Bifoga budgeten.”");
    expect(swedishDate("2025-09-30T10:00:00+02:00")).toBe("2025-09-30");
  });

  it("escapes what people typed in the HTML part", async () => {
    const email = await caseNotificationEmail("completion_requested", {
      ...context,
      side: "association",
      message: '<script>alert("x")</script>',
    });
    expect(email.html).not.toContain("<script>");
  });
});

describe("receipt template", () => {
  const WHAT = {
    application: "Ansökan (version 1)",
    completion: "Den kompletterade ansökan (version 2)",
    report: "Rapport 2 av 3",
    reportCompletion: "Den kompletterade rapport 2 av 3 (version 2)",
    finalReport: "Slutrapporten",
  } as const;
  for (const kind of RECEIPT_KINDS) {
    it(`a ${kind} receipt says what arrived, when, and the diarienummer`, async () => {
      const version = kind === "completion" || kind === "reportCompletion" ? 2 : 1;
      const report = kind === "report" || kind === "reportCompletion" ? { index: 1, count: 3 } : null;
      const email = await receiptEmail({ kind, receivedAt: "2026-03-20T14:05:09.000+01:00", version, report }, { ...context, side: "association" });
      expect(email.template).toBe(RECEIPT_TEMPLATE);
      expect(email.subject).toMatch(/^RK 2026\/12 Vi har tagit emot er .+ – Mötesplats för unga$/);
      expect(email.text).toContain("Diarienummer: RK 2026/12");
      expect(email.text).toContain(`Mottaget: ${WHAT[kind]}`);
      expect(email.text).toContain("Inkom: 2026-03-20 kl. 14:05");
      expect(email.text).toContain("Ange diarienummer RK 2026/12");
      expect(email.text).toMatch(/Nästa steg: \S/);
      expect(email.html).toContain('href="https://portal.example/forening/arenden/abc"');
    });
  }
});

describe("account and reminder templates", () => {
  it("keep the subjects and carry the link in both parts", async () => {
    const url = "https://portal.example/bekrafta-epost/t0k3n";
    const registration = await registrationConfirmationEmail({ name: "Kim", organisationName: "Fryshuset", url });
    expect(registration.subject).toBe("Bekräfta din e-postadress – IOP-portalen");
    const invitation = await staffInvitationEmail({ name: "Kim", districtName: "Rinkeby-Kista", roles: "handläggare", url });
    expect(invitation.subject).toBe("Inbjudan till IOP-portalen – Rinkeby-Kista");
    const reset = await passwordResetEmail({ name: "Kim", url });
    expect(reset.subject).toBe("Återställ ditt lösenord – IOP-portalen");
    for (const email of [registration, invitation, reset]) {
      expect(email.text).toContain(url);
      expect(email.text).toMatch(/Nästa steg: \S/);
      expect(email.html).toContain(`href="${url}"`);
    }
  });

  for (const template of REMINDER_TEMPLATES) {
    it(`reminder ${template} names the case and the date`, async () => {
      const email = await reminderEmail(template, { ...context, side: "association", date: "2026-03-31", deadlineKind: "report" });
      expect(email.subject).toContain("RK 2026/12");
      expect(email.text).toContain("2026-03-31");
      expect(email.text).toContain(context.caseUrl);
    });
  }
});

describe("delivery rules", () => {
  it("backs off exponentially up to the cap", () => {
    const fixed = () => 0.5;
    expect([1, 2, 3, 4, 10].map((a) => backoffMs(a, 1000, 5000, fixed))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(backoffMs(1, 1000, 5000, () => 0)).toBe(800);
  });

  it("treats 5xx answers as permanent and everything else as worth a retry", () => {
    expect(isPermanent(Object.assign(new Error("x"), { responseCode: 550 }))).toBe(true);
    expect(isPermanent(Object.assign(new Error("x"), { responseCode: 451 }))).toBe(false);
    expect(isPermanent(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION" }))).toBe(false);
  });

  it("keeps addresses out of stored errors", () => {
    const error = Object.assign(new Error("x"), { responseCode: 550, response: "550 5.1.1 <kim@fryshuset.se>: unknown user" });
    expect(describeError(error)).toBe("550 550 5.1.1 <[adress]>: unknown user");
  });

  it("counts Monday to Friday", () => {
    expect(workingDaysBetween("2025-03-01", "2025-03-07")).toBe(5); // Saturday → Friday
    expect(workingDaysBetween("2025-03-01", "2025-03-10")).toBe(6);
    expect(workingDaysBetween("2025-03-07", "2025-03-10")).toBe(1); // Friday → Monday
    expect(addDays("2025-12-25", 14)).toBe("2026-01-08");
  });
});
