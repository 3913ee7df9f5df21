// Named checks with pass / fail / skip, timings, and the closing summary. The last line printed
// is always `N passed, N failed`; skipped checks are listed, with their reason, just above it.

const T0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

export function log(message) {
  process.stdout.write(`[e2e-web ${seconds(Date.now() - T0)}] ${message}\n`);
}

export class Report {
  constructor({ onFailure } = {}) {
    this.results = [];
    this.timings = [];
    /** Called with the check's name when it fails (e.g. to save a screenshot). */
    this.onFailure = onFailure;
  }

  /** Runs `fn`; a thrown error fails the check, and its message is printed. */
  async check(name, fn) {
    const t = Date.now();
    try {
      const note = await fn();
      this.results.push({ name, status: 'pass' });
      log(`PASS ${name} (${seconds(Date.now() - t)})${note ? `: ${note}` : ''}`);
      return true;
    } catch (e) {
      const message = String(e?.message ?? e).split('\n').slice(0, 14).join('\n    ');
      this.results.push({ name, status: 'fail', message });
      log(`FAIL ${name} (${seconds(Date.now() - t)})\n    ${message}`);
      try { await this.onFailure?.(name); } catch { /* the failure is already reported */ }
      return false;
    }
  }

  fail(name, message) {
    this.results.push({ name, status: 'fail', message });
    log(`FAIL ${name}\n    ${message}`);
  }

  skip(name, reason) {
    this.results.push({ name, status: 'skip', message: reason });
    log(`SKIP ${name}: ${reason}`);
  }

  /** Times a step of the run (not a check) and prints it. */
  async time(what, fn) {
    const t = Date.now();
    const value = await fn();
    this.timings.push([what, Date.now() - t]);
    log(`${what}: ${seconds(Date.now() - t)}`);
    return value;
  }

  get failed() { return this.results.filter((r) => r.status === 'fail').length; }

  /** Prints timings, skips and failures, then `N passed, N failed` as the last line. */
  summary() {
    const count = (status) => this.results.filter((r) => r.status === status).length;
    const lines = ['', `timings: ${this.timings.map(([w, ms]) => `${w} ${seconds(ms)}`).join(', ')}; total ${seconds(Date.now() - T0)}`];
    for (const r of this.results.filter((x) => x.status === 'skip')) lines.push(`skipped: ${r.name} (${r.message})`);
    for (const r of this.results.filter((x) => x.status === 'fail')) lines.push(`failed: ${r.name}`);
    lines.push(`${count('pass')} passed, ${count('fail')} failed`);
    process.stdout.write(lines.join('\n') + '\n');
  }
}
