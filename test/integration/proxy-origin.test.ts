/**
 * Behind a proxy (ADR 0018): form posts work when the proxy rewrites Host, and a post from
 * another site is a Swedish 403 page, never a 500 with a stack trace.
 */
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { setupPortal } from "../support/portal";
import { textOf } from "../support/visitor";

const portal = setupPortal();
let servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

/** An app server started with these variables, as `npm start` would read them. */
async function serverWith(env: { APP_URL?: string; TRUST_PROXY?: string }): Promise<number> {
  const saved = { APP_URL: process.env.APP_URL, TRUST_PROXY: process.env.TRUST_PROXY };
  for (const key of ["APP_URL", "TRUST_PROXY"] as const) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
  try {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const server: Server = await new Promise((resolve) => {
      const s = createApp(build).listen(0, "127.0.0.1", () => resolve(s));
    });
    servers.push(server);
    return (server.address() as AddressInfo).port;
  } finally {
    for (const key of ["APP_URL", "TRUST_PROXY"] as const) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

interface Answer {
  status: number;
  location: string | undefined;
  setCookie: string[] | undefined;
  body: string;
}

/** A login post as it arrives from a proxy: any Host and forwarding headers. */
function postLogin(port: number, headers: Record<string, string>): Promise<Answer> {
  const body = new URLSearchParams({ email: "forening@demo.example", password: "Demo-losenord-2026" }).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/logga-in",
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), ...headers },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            setCookie: response.headers["set-cookie"],
            body: text,
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function expectSignedIn(answer: Answer) {
  expect(answer.status).toBe(302);
  expect(answer.location).toBe("/forening");
  expect(answer.setCookie?.join(";")).toContain("iop_session=");
}

function expectRefusedAsCrossSite(answer: Answer) {
  expect(answer.status).toBe(403);
  expect(textOf(answer.body)).toContain("Begäran kom från en annan webbplats");
  expect(answer.body).not.toMatch(/\bat .*\.(js|ts):\d+/);
  expect(answer.setCookie).toBeUndefined();
}

describe("behind a proxy that rewrites Host", () => {
  it("signs in when the browser's Origin is APP_URL and Host is the proxy's upstream name", async () => {
    const port = await serverWith({ APP_URL: "https://iop.example.se" });
    expectSignedIn(
      await postLogin(port, { host: `127.0.0.1:${port}`, origin: "https://iop.example.se", "sec-fetch-site": "same-origin" }),
    );
  });

  it("believes X-Forwarded-Host and -Proto from a trusted proxy when APP_URL is not set", async () => {
    const port = await serverWith({ TRUST_PROXY: "loopback" });
    expectSignedIn(
      await postLogin(port, {
        host: `127.0.0.1:${port}`,
        "x-forwarded-host": "iop.example.se",
        "x-forwarded-proto": "https",
        origin: "https://iop.example.se",
      }),
    );
  });

  it("with APP_URL set, refuses an Origin that is only the request's own Host", async () => {
    const port = await serverWith({ APP_URL: "https://iop.example.se" });
    expectRefusedAsCrossSite(await postLogin(port, { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` }));
  });
});

describe("a post from another site", () => {
  it("is a Swedish 403 page", async () => {
    const port = await serverWith({});
    expectRefusedAsCrossSite(await postLogin(port, { host: `127.0.0.1:${port}`, origin: "https://evil.example" }));
  });

  it("claiming Sec-Fetch-Site: same-origin with a foreign Origin is a 403, not a 500", async () => {
    const port = await serverWith({});
    expectRefusedAsCrossSite(
      await postLogin(port, { host: `127.0.0.1:${port}`, origin: "https://evil.example", "sec-fetch-site": "same-origin" }),
    );
  });

  it("cannot pass by naming itself in X-Forwarded-Host when no proxy is trusted", async () => {
    const port = await serverWith({});
    expectRefusedAsCrossSite(
      await postLogin(port, { host: `127.0.0.1:${port}`, "x-forwarded-host": "evil.example", origin: "https://evil.example" }),
    );
  });

  it("is refused under APP_URL too, also with a forged Sec-Fetch-Site", async () => {
    const port = await serverWith({ APP_URL: "https://iop.example.se" });
    expectRefusedAsCrossSite(
      await postLogin(port, { host: "iop.example.se", origin: "https://evil.example", "sec-fetch-site": "same-origin" }),
    );
  });
});

describe("without a proxy", () => {
  it("still signs in a same-site form post", async () => {
    const port = await serverWith({});
    expectSignedIn(await postLogin(port, { host: `localhost:${port}`, origin: `http://localhost:${port}` }));
    void portal;
  });
});
