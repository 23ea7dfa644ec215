/** The small forms on the förvaltning's agreement page (comment, take back for changes), read by the page and its action. */
import * as z from "zod/mini";
import { textCheck } from "../domain/text";

const comment = (empty: string) =>
  z.string(empty).check(z.trim(), z.minLength(1, empty), z.maxLength(2000, "Kommentaren får vara högst 2000 tecken."), textCheck("multiLine"));

export const agreementCommentSchema = z.object({ body: comment("Skriv en kommentar.") });

export const returnAgreementSchema = z.object({ comment: comment("Skriv vad som behöver ändras.") });
