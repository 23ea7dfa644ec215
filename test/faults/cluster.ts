/**
 * A PostgreSQL cluster of the suite's own: initdb in a temporary directory, one port on 127.0.0.1,
 * started, restarted and removed with pg_ctl. The shared server on 5432 is never touched. As root the
 * binaries run as the postgres user (PostgreSQL refuses to run as root).
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin");
  throw new Error("initdb saknas (väntade /usr/lib/postgresql/<version>/bin)");
}

/** The first port from `start` that nothing listens on. */
export async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${start}`);
}

export class Cluster {
  readonly dir: string;
  readonly port: number;
  private readonly bin = binDir();
  private readonly asRoot = process.getuid?.() === 0;

  constructor(port: number) {
    this.port = port;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-faults-pg-"));
    if (this.asRoot) execFileSync("chown", ["postgres:postgres", this.dir]);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const command = [path.join(this.bin, tool), ...args];
    if (!this.asRoot) return [command[0]!, command.slice(1)];
    return ["su", ["postgres", "-s", "/bin/sh", "-c", command.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")]];
  }

  private run(tool: string, args: string[], options: { check?: boolean } = {}) {
    const [file, argv] = this.command(tool, args);
    const result = spawnSync(file, argv, { encoding: "utf8" });
    if (options.check !== false && result.status !== 0) {
      throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
    }
  }

  /** Without blocking the event loop, so the load goes on while PostgreSQL restarts. */
  private runAsync(tool: string, args: string[]): Promise<void> {
    const [file, argv] = this.command(tool, args);
    return new Promise((resolve, reject) =>
      execFile(file, argv, (error, stdout, stderr) => (error ? reject(new Error(`${tool} failed: ${stderr || stdout}`)) : resolve())),
    );
  }

  private get data() {
    return path.join(this.dir, "data");
  }

  private get serverOptions() {
    // Durability is not what is tested here (the cluster is thrown away): fsync off spares the disk.
    return ["-o", `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`, "-l", path.join(this.dir, "log")];
  }

  init() {
    this.run("initdb", ["-D", this.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  }

  start() {
    this.run("pg_ctl", ["-D", this.data, "-w", "-t", "30", ...this.serverOptions, "start"]);
  }

  /** A fast restart: open connections are cut (57P01), new ones are refused until it is up again. */
  restart(): Promise<void> {
    return this.runAsync("pg_ctl", ["-D", this.data, "-m", "fast", "-w", "-t", "30", ...this.serverOptions, "restart"]);
  }

  /** Stops the server (if it runs) and removes the directory; safe to call more than once. */
  destroy() {
    if (!fs.existsSync(this.dir)) return;
    if (fs.existsSync(path.join(this.data, "postmaster.pid"))) {
      this.run("pg_ctl", ["-D", this.data, "-m", "immediate", "-w", "-t", "20", "stop"], { check: false });
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  logTail(lines = 20): string {
    try {
      return fs.readFileSync(path.join(this.dir, "log"), "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }
}
