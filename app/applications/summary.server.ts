/** An application's content as readable sections, with the call and priority area by name. */
import type { ApplicationContent } from "../domain/application";
import { fieldText } from "./diff";
import { choiceNames } from "./drafts.server";
import { APPLICATION_FIELD_LABELS } from "./labels";
import { STEPS } from "./steps";

export async function summarySections(content: ApplicationContent) {
  const names = await choiceNames(content);
  return STEPS.filter((s) => s.fields.length > 0).map((s) => ({
    slug: s.slug,
    title: s.title,
    fields: s.fields.map((field) => ({
      field,
      label: APPLICATION_FIELD_LABELS[field],
      text:
        field === "callId"
          ? content.callId
            ? (names.callTitle ?? "")
            : "Ingen utlysning – eget initiativ"
          : field === "priorityAreaId"
            ? (names.priorityAreaName ?? "")
            : fieldText(content, field),
    })),
  }));
}
