import { describe, expect, it } from "vitest";
import { setupPortal } from "../support/portal";

const portal = setupPortal();

describe("readiness endpoint", () => {
  it("answers 200 at /healthz while the database answers, with no personal data", async () => {
    const response = await portal.visitor().get("/healthz");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("ok");
  });
});
