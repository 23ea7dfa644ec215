const PORTAL = "IOP-portalen";

/**
 * Every page title names the page first, then the portal, once: a title that already ends with the
 * portal's name (an e-mail subject such as "Återställ ditt lösenord – IOP-portalen") keeps it as is.
 */
export const pageTitle = (title: string) => [{ title: title.trimEnd().endsWith(PORTAL) ? title.trimEnd() : `${title} – ${PORTAL}` }];
