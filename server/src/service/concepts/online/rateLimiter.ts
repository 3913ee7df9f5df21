// At most `limit` requests start in any `windowMs` (NCBI: 3 a second without
// an API key). A classic token bucket holding 3 tokens would let a 4th request
// through one refill later, inside the same second; counting the starts of
// the last window cannot. The clock is injected so tests need not wait.

export class RateLimiter {
  private readonly starts: number[] = [];

  constructor(
    readonly limit = 3,
    readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until a request may start; 0 means now. */
  delay(): number {
    const t = this.now();
    while (this.starts.length && this.starts[0] <= t - this.windowMs) this.starts.shift();
    return this.starts.length < this.limit ? 0 : this.starts[0] + this.windowMs - t;
  }

  /** Starts a request if the window allows it. */
  tryTake(): boolean {
    if (this.delay() > 0) return false;
    this.starts.push(this.now());
    return true;
  }
}
