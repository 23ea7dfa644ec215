import { describe, expect, it } from "vitest";
import { attestationStatesFor, queueHref, readQueueQuery } from "../../app/administration/queue-definitions";

describe("reading a queue's URL", () => {
  it("keeps the good values and drops malformed ones instead of failing the page", () => {
    const query = readQueueQuery(
      new URLSearchParams("ko=mina&skede=hemligt&handlaggare=ingen&ar=27&fristFore=2027-02-01&sok=%20Husby%20&sortera=frist&efterId=x"),
    );
    expect(query).toEqual({ ko: "mina", handlaggare: "ingen", fristFore: "2027-02-01", sok: "Husby", sortera: "frist" });
  });

  it("builds links that keep the filters and change only what is asked", () => {
    expect(queueHref("/a", { ko: "alla", sok: "rk" }, { efter: "k", efterId: "i" })).toBe("/a?ko=alla&sok=rk&efter=k&efterId=i");
    expect(queueHref("/a", { ko: "alla", efter: "k" }, { efter: null })).toBe("/a?ko=alla");
  });
});

describe("whose attestation a case waits for", () => {
  it("gives each chef their own step, both to someone with both roles, none to a handläggare", () => {
    expect(attestationStatesFor(["head_of_unit"])).toEqual([
      "review.attestation.awaitingHeadOfUnit",
      "finalReport.attestation.awaitingHeadOfUnit",
    ]);
    expect(attestationStatesFor(["district_director"])).toHaveLength(2);
    expect(attestationStatesFor(["head_of_unit", "district_director"])).toHaveLength(4);
    expect(attestationStatesFor(["caseworker"])).toEqual([]);
  });
});
