import type { RenderedEmail } from "./types";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A plain, accessible message: greeting, paragraphs, one clear link, signature. */
export function composeEmail(input: {
  template: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  link: { label: string; url: string };
  after?: string[];
}): RenderedEmail {
  const text = [
    input.greeting,
    "",
    ...input.paragraphs.flatMap((p) => [p, ""]),
    `${input.link.label}: ${input.link.url}`,
    "",
    ...(input.after ?? []).flatMap((p) => [p, ""]),
    "Hälsningar",
    "IOP-portalen",
  ].join("\n");
  const html = `<!doctype html><html lang="sv"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(input.greeting)}</p>
${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(input.link.url)}">${escapeHtml(input.link.label)}</a></p>
${(input.after ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p>Hälsningar<br>IOP-portalen</p></body></html>`;
  return { template: input.template, subject: input.subject, text, html };
}
