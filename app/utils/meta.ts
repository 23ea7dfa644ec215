/** Every page title names the page first, then the portal. */
export const pageTitle = (title: string) => [{ title: `${title} – IOP-portalen` }];
