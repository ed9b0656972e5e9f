// Progress of a corpus run on stderr: a redrawn bar on a terminal, a plain line every few seconds
// otherwise (logs, CI, pipes), so neither floods a log nor leaves a terminal silent.
import type { Writable } from 'node:stream';

export function formatDuration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export class Progress {
  private done = 0;
  private t0 = performance.now();
  private d0 = 0;
  /** Recent (time, done) samples: the rate and ETA follow the current speed, not the start-up. */
  private samples: [number, number][] = [];
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(
    private readonly out: Writable & { isTTY?: boolean; columns?: number },
    private readonly total: number,
    private readonly plainEveryMs = 5000,
  ) {
    this.tty = Boolean(out.isTTY);
    // Plain lines start after one interval: a line at the first article says nothing yet.
    if (!this.tty) this.lastDraw = this.t0;
  }

  /** Restarts the rate clock (after the workers' start-up, which is no guide to the pace). */
  restartClock(): void {
    this.t0 = performance.now();
    this.d0 = this.done;
    this.samples = [];
  }

  update(done: number): void {
    this.done = done;
    const now = performance.now();
    if (now - this.lastDraw < (this.tty ? 100 : this.plainEveryMs)) return;
    this.lastDraw = now;
    this.samples.push([now, done]);
    while (this.samples.length > 2 && now - this.samples[0][0] > 10_000) this.samples.shift();
    this.draw(now);
  }

  private rate(now: number): number {
    const [t, d] = this.samples.length > 1 ? this.samples[0] : [this.t0, this.d0];
    return now > t ? ((this.done - d) * 1000) / (now - t) : 0;
  }

  private line(now: number, compact: boolean): string {
    const rate = this.rate(now);
    const pct = (this.total ? (100 * this.done) / this.total : 100).toFixed(1);
    const eta = rate > 0 ? formatDuration((this.total - this.done) / rate) : '?';
    if (compact) return `${this.done}/${this.total} ${pct}% · ${rate.toFixed(1)} articles/s · ETA ${eta}`;
    return `${this.done}/${this.total} articles (${pct}%), ${rate.toFixed(1)} articles/s, ETA ${eta}`;
  }

  private draw(now: number): void {
    if (!this.tty) {
      this.out.write(`corpus: ${this.line(now, false)}\n`);
      return;
    }
    const cols = this.out.columns || 80;
    const text0 = this.line(now, true);
    const width = Math.max(0, Math.min(30, cols - text0.length - 2));
    const filled = this.total ? Math.round((width * this.done) / this.total) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const text = width ? `${bar} ${text0}` : text0;
    this.out.write(`\r${text.slice(0, cols - 1)}\x1b[K`);
  }

  /** Clears the bar so the summary starts on a clean line. */
  end(): void {
    if (this.tty && this.samples.length) this.out.write('\r\x1b[K');
  }
}
