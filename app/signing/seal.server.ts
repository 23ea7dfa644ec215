/**
 * The portal's seal on a signed agreement: a PAdES signature over the whole file (every byte but the
 * signature itself), so any PDF reader (Acrobat, `pdfsig`) shows a changed byte as a broken seal.
 *
 * The certificate is the kommun's, from SEAL_P12_BASE64 (a PKCS#12 file, base64) and
 * SEAL_P12_PASSWORD. Without it (the demo, tests) the portal makes a self-signed one once and keeps it
 * in the database (seal_certificates), so every app server seals with the same certificate and a
 * restart does not change it (ADR 0029).
 *
 * Subfilter adbe.pkcs7.detached, not ETSI.CAdES.detached: @signpdf's P12Signer writes a plain CMS
 * signature without the signing-certificate-v2 attribute CAdES requires, and claiming CAdES without it
 * would fail a strict validator.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import forge from "node-forge";
import { SignPdf } from "@signpdf/signpdf";
import { P12Signer } from "@signpdf/signer-p12";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from "@signpdf/utils";
import { getDb } from "../../db/client";
import { sealCertificates } from "../../db/schema";
import { logWarn } from "../utils/log.server";

const DEMO_CERTIFICATE_ID = "demo";
const DEVELOPMENT_PASSPHRASE = "iop-portalen-development-seal";

interface Seal {
  p12: Buffer;
  passphrase: string;
}

/** The demo certificate's passphrase: from APP_SECRET when set, so a copied database alone does not give the key. */
function demoPassphrase(): string {
  const secret = process.env.APP_SECRET;
  return secret ? crypto.createHmac("sha256", secret).update("seal-certificate").digest("hex") : DEVELOPMENT_PASSPHRASE;
}

/** A self-signed seal certificate, RSA 2048 (the key made by node:crypto, which is fast; the certificate by node-forge). */
export function makeSelfSignedP12(passphrase: string, now = new Date()): Buffer {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = `01${crypto.randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 20 * 365 * 24 * 3600 * 1000);
  const subject = [
    { name: "commonName", value: "IOP-portalen demo seal (self-signed)" },
    { name: "organizationName", value: "IOP-portalen" },
    { name: "countryName", value: "SE" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: "aes256" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

function opens(seal: Seal): boolean {
  try {
    forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(seal.p12.toString("binary"))), false, seal.passphrase);
    return true;
  } catch {
    return false;
  }
}

let cached: Seal | null = null;

async function demoSeal(): Promise<Seal> {
  const db = await getDb();
  const passphrase = demoPassphrase();
  const [stored] = await db.select().from(sealCertificates).where(eq(sealCertificates.id, DEMO_CERTIFICATE_ID));
  if (stored) {
    const seal = { p12: Buffer.from(stored.p12), passphrase };
    if (opens(seal)) return seal;
    // APP_SECRET changed: the old key cannot be opened. Seals made with it still verify (the
    // certificate travels inside each signature); new ones get a new certificate.
    logWarn("seal certificate unreadable with the current APP_SECRET; making a new one");
    const p12 = makeSelfSignedP12(passphrase);
    await db.update(sealCertificates).set({ p12, createdAt: new Date() }).where(eq(sealCertificates.id, DEMO_CERTIFICATE_ID));
    return { p12, passphrase };
  }
  // Two servers may both make one: the first insert wins and both use what is stored.
  await db.insert(sealCertificates).values({ id: DEMO_CERTIFICATE_ID, p12: makeSelfSignedP12(passphrase) }).onConflictDoNothing();
  const [kept] = await db.select().from(sealCertificates).where(eq(sealCertificates.id, DEMO_CERTIFICATE_ID));
  return { p12: Buffer.from(kept!.p12), passphrase };
}

async function currentSeal(): Promise<Seal> {
  if (cached) return cached;
  const env = process.env;
  if (env.SEAL_P12_BASE64) {
    cached = { p12: Buffer.from(env.SEAL_P12_BASE64, "base64"), passphrase: env.SEAL_P12_PASSWORD ?? "" };
    return cached;
  }
  if (env.NODE_ENV === "production") logWarn("SEAL_P12_BASE64 is not set: agreements are sealed with a self-signed demo certificate");
  cached = await demoSeal();
  return cached;
}

/** The PDF with the portal's seal over all of it. `pdf` must be a classic (uncompressed-xref) PDF, as pdfkit writes. */
export async function sealPdf(pdf: Uint8Array, input: { reason: string; signedAt: Date }): Promise<Uint8Array> {
  const seal = await currentSeal();
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: input.reason,
    contactInfo: "",
    name: "IOP-portalen",
    location: "Sverige",
    signingTime: input.signedAt,
    signatureLength: 16384,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: "IOP-portalen",
  });
  const signer = new P12Signer(seal.p12, { passphrase: seal.passphrase });
  return new Uint8Array(await new SignPdf().sign(withPlaceholder, signer, input.signedAt));
}

/** For tests: forget the cached certificate (e.g. after changing the environment). */
export function forgetSealCertificate() {
  cached = null;
}
