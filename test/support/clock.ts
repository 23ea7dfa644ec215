/**
 * A clock a test moves by hand, for the mail worker's `now` and the reminders: a lease runs out or a
 * backoff passes when the test says so, not after a sleep.
 */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

/**
 * Starts a millisecond ahead of the wall clock: PostgreSQL stamps a row's `now()` in microseconds, so
 * a clock in whole milliseconds read right after the insert can be behind the row it should see.
 */
export function testClock(start = Date.now() + 1): TestClock {
  let ms = start;
  return {
    now: () => new Date(ms),
    advance(by) {
      ms += by;
    },
  };
}
