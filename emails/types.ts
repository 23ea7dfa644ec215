export interface RenderedEmail {
  template: string;
  subject: string;
  text: string;
  html: string;
}
