/** What this process writes while `during` runs: stdout, stderr and the console, for tests that read the log. */
export async function captureOutput(during: () => Promise<void>): Promise<string> {
  let captured = "";
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((s) => s.write);
  for (const stream of streams) {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured += String(chunk);
      const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => void (captured += `${args.map(String).join(" ")}\n`);
  try {
    await during();
    // Lines written when the response has finished.
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    streams.forEach((s, i) => (s.write = writes[i]!));
    methods.forEach((m, i) => (console[m] = saved[i]!));
  }
  return captured;
}
