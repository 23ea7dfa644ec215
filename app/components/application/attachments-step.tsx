/** Upload, list and remove attachments while the application is a draft. */
import { Form } from "@remix-run/react";
import { ALLOWED_TYPES, ALLOWED_TYPES_TEXT, sizeText } from "../../attachments/types";
import { TableWrap } from "../table-wrap";

export interface AttachmentRow {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export function AttachmentsStep({
  caseId,
  attachments,
  maxBytes,
  result,
}: {
  caseId: string;
  attachments: AttachmentRow[];
  maxBytes: number;
  result: { uploadError?: string; uploaded?: string; removed?: boolean } | null;
}) {
  return (
    <>
      <p>
        Här kan ni bifoga dokument som stödjer ansökan, till exempel en verksamhetsplan eller en budget. Bilagor är
        frivilliga.
      </p>
      {result?.uploaded ? (
        <div className="panel success" role="status">
          <p>{`Filen ”${result.uploaded}” är uppladdad.`}</p>
        </div>
      ) : null}
      {result?.removed ? (
        <div className="panel success" role="status">
          <p>Bilagan är borttagen.</p>
        </div>
      ) : null}
      <h2>Bifogade filer</h2>
      {attachments.length === 0 ? (
        <p>Inga bilagor ännu.</p>
      ) : (
        <TableWrap label="Bifogade filer">
          <table>
            <thead>
              <tr>
                <th scope="col">Fil</th>
                <th scope="col">Typ och storlek</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={`/bilagor/${a.id}`}>{a.fileName}</a>
                  </td>
                  <td>
                    {ALLOWED_TYPES[a.mediaType] ?? a.mediaType}, {sizeText(a.sizeBytes)}
                  </td>
                  <td>
                    <Form method="post">
                      <button type="submit" name="intent" value={`removeAttachment:${a.id}`} className="secondary">
                        Ta bort <span className="visually-hidden">{a.fileName}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>Ladda upp en fil</h2>
      <Form method="post" encType="multipart/form-data" className="stack" key={result?.uploaded ?? "upload"}>
        {result?.uploadError ? (
          <div className="error-summary" role="alert" aria-labelledby="upload-error-title">
            <h2 id="upload-error-title">Filen kunde inte laddas upp</h2>
            <ul>
              <li>
                <a href="#field-file">{result.uploadError}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="field-file">Välj fil</label>
          <p className="hint" id="field-file-hint">
            {ALLOWED_TYPES_TEXT}. Högst {sizeText(maxBytes)}.
          </p>
          {result?.uploadError ? (
            <p className="field-error" id="field-file-error">
              <span className="visually-hidden">Fel: </span>
              {result.uploadError}
            </p>
          ) : null}
          <input
            type="file"
            id="field-file"
            name="file"
            accept=".pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png"
            aria-invalid={result?.uploadError ? true : undefined}
            aria-describedby={result?.uploadError ? "field-file-hint field-file-error" : "field-file-hint"}
          />
        </div>
        <div>
          <button type="submit">Ladda upp</button>
        </div>
      </Form>
      <p>
        <a className="button" href={`/forening/arenden/${caseId}/ansokan/granska`}>
          Fortsätt till granskning
        </a>
      </p>
    </>
  );
}
