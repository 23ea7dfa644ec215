/**
 * A clock a test moves by hand, for the mail worker's `now` and the reminders: a lease runs out or a
 * backoff passes when the test says so, not after a sleep.
 */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  let ms = start;
  return {
    now: () => new Date(ms),
    advance(by) {
      ms += by;
    },
  };
}
