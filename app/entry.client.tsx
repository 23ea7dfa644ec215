import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { RequestIdContext, requestIdFromDocument } from "./utils/request-id";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestIdContext.Provider value={requestIdFromDocument()}>
        <RemixBrowser />
      </RequestIdContext.Provider>
    </StrictMode>,
  );
});
