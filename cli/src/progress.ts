/**
 * The progress bar on stderr: rows done, rows per second and the time left, for the passes over a
 * file. On a terminal it redraws one line; with `--progress` off a terminal (a log, a pipe) it
 * prints a line a second instead; `--quiet` (or neither a terminal nor `--progress`) prints nothing.
 */
export interface ProgressOptions {
  /** Draw at all. */
  enabled: boolean;
  /** Redraw one line in place (a terminal) rather than print a line per update. */
  inPlace: boolean;
  /** Where to draw (process.stderr). */
  out: { write(s: string): unknown; columns?: number };
}

const WIDTH = 24;

/** 1234567 → "1.23M". */
export function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toPrecision(3)}G`;
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)}M`;
  if (n >= 1e4) return `${(n / 1e3).toPrecision(3)}k`;
  return String(Math.round(n));
}

/** 75 → "1m15s". */
export function duration(s: number): string {
  if (!Number.isFinite(s)) return "?";
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s - 60 * m)).padStart(2, "0")}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

export class Progress {
  #label = "";
  #total = 0;
  #start = 0;
  #last = 0;
  #drawn = false;

  constructor(private readonly opts: ProgressOptions) {}

  /** Starts a phase ("reading statistics", "counting") of `total` rows (0: unknown, a fraction is given instead). */
  phase(label: string, total = 0): void {
    this.#label = label;
    this.#total = total;
    this.#start = performance.now();
    this.#last = 0;
  }

  /** Rows done so far in this phase (or, without a total, the fraction done in [0, 1]). */
  update(done: number, force = false): void {
    if (!this.opts.enabled) return;
    const now = performance.now();
    if (!force && now - this.#last < (this.opts.inPlace ? 100 : 1000)) return;
    this.#last = now;
    this.#draw(done, now);
  }

  #draw(done: number, now: number): void {
    const secs = (now - this.#start) / 1000;
    const total = this.#total;
    const fraction = total > 0 ? Math.min(1, done / total) : Math.min(1, Math.max(0, done));
    const full = Math.round(fraction * WIDTH);
    const bar = "█".repeat(full) + "░".repeat(WIDTH - full);
    let text = `${this.#label} ${bar} ${(100 * fraction).toFixed(0).padStart(3)}%`;
    if (total > 0) {
      const rate = secs > 0 ? done / secs : 0;
      const eta = rate > 0 ? (total - done) / rate : Infinity;
      text += `  ${compact(done)}/${compact(total)} rows  ${compact(rate)} rows/s  ${fraction < 1 ? `ETA ${duration(eta)}` : `in ${duration(secs)}`}`;
    } else text += `  ${duration(secs)}`;
    if (this.opts.inPlace) {
      const cols = this.opts.out.columns ?? 100;
      this.opts.out.write(`\r${text.slice(0, cols - 1)}\x1b[K`);
      this.#drawn = true;
    } else this.opts.out.write(text + "\n");
  }

  /** Ends the phase: a final 100% line, then the cursor on a fresh line. */
  end(done: number): void {
    if (!this.opts.enabled) return;
    this.#draw(this.#total > 0 ? done : 1, performance.now());
    if (this.opts.inPlace && this.#drawn) this.opts.out.write("\n");
    this.#drawn = false;
  }
}
