/**
 * Pages the server answers itself, before or instead of Remix: plain HTML in Swedish with no
 * script, so they show the same everywhere and cannot fail.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, paragraphs: string[]): string {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – IOP-portalen</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</main>
</body>
</html>
`;
}

/** The id a visitor can quote to support, so the log line of their request can be found. */
function requestIdLine(requestId: string | undefined): string[] {
  return requestId ? [`Felkod: <strong>${escapeHtml(requestId)}</strong>. Uppge den om du kontaktar oss.`] : [];
}

/** A form post that did not come from the portal's own pages (CSRF check). */
export function crossSitePage(requestId?: string): string {
  return page("Begäran stoppades", [
    "Begäran kom från en annan webbplats än IOP-portalen och stoppades, så att ingen annan kan skicka formulär i ditt namn.",
    'Gå till <a href="/">IOP-portalen</a> och gör om det du ville göra därifrån.',
    ...requestIdLine(requestId),
  ]);
}

/** Something failed outside Remix's own error page. */
export function serverErrorPage(requestId?: string): string {
  return page("Något gick fel", [
    "Ett fel uppstod hos oss. Det du redan har sparat finns kvar. Försök igen om en stund.",
    ...requestIdLine(requestId),
  ]);
}
