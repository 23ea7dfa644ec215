/**
 * One plain, accessible message layout for every e-mail: greeting, what happened, what to do next and
 * by when, one clear link, signature. HTML through React Email; the text part is written from the same
 * parts (not converted from HTML) so that it reads well in a text-only mail client.
 */
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import type { RenderedEmail } from "./types";

export interface EmailParts {
  template: string;
  subject: string;
  greeting: string;
  /** A heading naming what the message is about (the case), if any. */
  heading?: string;
  /** Label–value lines shown before the text, e.g. Diarienummer. */
  facts?: [label: string, value: string][];
  paragraphs: string[];
  /** What the recipient should do next, with a date if there is one. */
  next?: string;
  link: { label: string; url: string };
  after?: string[];
}

const font = "Arial, Helvetica, sans-serif";
const textStyle = { fontSize: "16px", lineHeight: "24px", color: "#1b1b1b", margin: "0 0 16px" };

function EmailDocument({ parts }: { parts: EmailParts }) {
  return (
    <Html lang="sv">
      <Head>
        <title>{parts.subject}</title>
      </Head>
      <Preview>{parts.next ?? parts.paragraphs[0] ?? parts.subject}</Preview>
      <Body style={{ backgroundColor: "#ffffff", fontFamily: font, margin: 0, padding: "16px" }}>
        <Container style={{ maxWidth: "600px" }}>
          <Text style={textStyle}>{parts.greeting}</Text>
          {parts.heading ? (
            <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", margin: "0 0 12px" }}>
              {parts.heading}
            </Heading>
          ) : null}
          {parts.facts?.length ? (
            <Section style={{ margin: "0 0 16px" }}>
              {parts.facts.map(([label, value]) => (
                <Text key={label} style={{ ...textStyle, margin: "0 0 4px" }}>
                  <strong>{label}:</strong> {value}
                </Text>
              ))}
            </Section>
          ) : null}
          {parts.paragraphs.map((p, i) => (
            <Text key={i} style={textStyle}>
              {p}
            </Text>
          ))}
          {parts.next ? (
            <Text style={textStyle}>
              <strong>Nästa steg:</strong> {parts.next}
            </Text>
          ) : null}
          <Text style={textStyle}>
            <Link href={parts.link.url} style={{ color: "#0b57d0", textDecoration: "underline", fontWeight: "bold" }}>
              {parts.link.label}
            </Link>
          </Text>
          {(parts.after ?? []).map((p, i) => (
            <Text key={`after-${i}`} style={textStyle}>
              {p}
            </Text>
          ))}
          <Hr />
          <Text style={{ ...textStyle, fontSize: "14px" }}>
            Hälsningar
            <br />
            IOP-portalen
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function plainText(parts: EmailParts): string {
  const block = (lines: string[]) => lines.flatMap((line) => [line, ""]);
  return [
    ...block([parts.greeting]),
    ...(parts.heading ? block([parts.heading]) : []),
    ...(parts.facts?.length ? [...parts.facts.map(([label, value]) => `${label}: ${value}`), ""] : []),
    ...block(parts.paragraphs),
    ...(parts.next ? block([`Nästa steg: ${parts.next}`]) : []),
    ...block([`${parts.link.label}: ${parts.link.url}`]),
    ...block(parts.after ?? []),
    "Hälsningar",
    "IOP-portalen",
  ].join("\n");
}

export async function composeEmail(parts: EmailParts): Promise<RenderedEmail> {
  const html = await render(<EmailDocument parts={parts} />);
  return { template: parts.template, subject: parts.subject, text: plainText(parts), html };
}
