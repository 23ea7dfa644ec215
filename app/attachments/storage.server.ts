/** Files on disk, outside the web root, under random keys: a name from a user never becomes a path. */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { DEFAULT_MAX_BYTES } from "./types";

export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR ?? path.join(process.env.DATA_DIR ?? "data", "uploads"));
}

export function maxAttachmentBytes(): number {
  const configured = Number(process.env.ATTACHMENT_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
}

const KEY = /^[0-9a-f]{64}$/;
function fileOf(key: string): string {
  if (!KEY.test(key)) throw new Error("invalid storage key");
  return path.join(uploadDir(), key.slice(0, 2), key);
}

export async function storeFile(bytes: Uint8Array): Promise<string> {
  const key = crypto.randomBytes(32).toString("hex");
  const file = fileOf(key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes, { flag: "wx" });
  return key;
}

export async function readStoredFile(key: string): Promise<Buffer> {
  return fs.readFile(fileOf(key));
}

export async function copyStoredFile(key: string): Promise<string> {
  return storeFile(await readStoredFile(key));
}
