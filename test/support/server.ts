/** The real HTTP stack (Express + security middleware + the built Remix app) on a free port, in-process. */
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "../../server/app";

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  process.env.LOG_REQUESTS = "false";
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const server: Server = await new Promise((resolve) => {
    const s = createApp(build).listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
