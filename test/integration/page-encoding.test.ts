/**
 * Swedish text must reach the browser intact at any byte offset: React 18's streaming renderer leaks
 * NUL bytes when a multi-byte character meets its 2 KB buffer boundary (see app/entry.server.tsx).
 */
import { describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";

const portal = setupPortal();

describe("page encoding", () => {
  it("never sends a NUL byte, wherever å, ä and ö fall in the page", async () => {
    for (let shift = 0; shift < 6; shift++) {
      const name = `${"a".repeat(shift)}${"Föreningen Åkerö ".repeat(11)}`.slice(0, 200);
      const response = await portal.visitor().post("/registrera", { organisationName: name, organisationNumber: "1" });
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.includes(0), `shift ${shift}`).toBe(false);
      expect(new TextDecoder().decode(bytes)).toContain(`value="${name}"`);
    }
  });
});
