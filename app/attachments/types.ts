/** Which files the portal accepts, judged by their content (file-type), never by their name. */
export const ALLOWED_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
  "application/vnd.oasis.opendocument.text": "OpenDocument-text (ODT)",
  "image/jpeg": "JPG-bild",
  "image/png": "PNG-bild",
};

export const ALLOWED_TYPES_TEXT = "PDF, Word (DOCX), Excel (XLSX), OpenDocument-text (ODT), JPG eller PNG";

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} byte`;
}

export const tooBigMessage = (maxBytes: number) => `Filen är för stor. Den får vara högst ${sizeText(maxBytes)}.`;
export const wrongTypeMessage = `Filen går inte att ladda upp. Du kan ladda upp ${ALLOWED_TYPES_TEXT}.`;
