/**
 * The progress of `pinggu simulate` on standard error. On a terminal, one line redrawn in place at most
 * five times a second: a bar (how much of the file has been read), the applications and claims so far,
 * the rate in claims per second and the time left. Elsewhere (a log file, a CI job) a plain line every
 * ten seconds. Either way a last line says how many were simulated, in how long. Standard input has no
 * known size: then there is no bar and no time left, only the counts and the rate.
 */
import type { Language } from "../../index.js";
import type { Sink } from "./outcome.js";

export interface ProgressOptions {
  readonly lang: Language;
  /** Standard error is a terminal: redraw one line. */
  readonly tty: boolean;
  /** The input's size in bytes, when known (a file). */
  readonly totalBytes: number | null;
  /** How many editions every application is evaluated under. */
  readonly editions: number;
  /** Milliseconds between redraws: 200 on a terminal, 10,000 otherwise (defaults). */
  readonly every?: number;
  /** The clock (milliseconds), for tests. */
  readonly now?: () => number;
}

export interface Counts {
  readonly applications: number;
  readonly claims: number;
  readonly bytes: number;
}

const BAR_WIDTH = 24;

/** 12,345 */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** 83 → "1:23"; 3723 → "1:02:03". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** A run's length: "4.2 s" under a minute, "1:23" above. */
export function duration(seconds: number, lang: Language = "en"): string {
  return seconds < 59.95 ? `${seconds.toFixed(1)}${lang === "zh" ? " 秒" : " s"}` : clock(seconds);
}

export class Progress {
  private readonly started: number;
  private last: number;
  private drawn = false;
  private readonly every: number;
  private readonly now: () => number;

  constructor(
    private readonly sink: Sink,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.last = this.started;
    this.every = options.every ?? (options.tty ? 200 : 10_000);
  }

  /** Draw if it is time to (cheap to call often). */
  async update(counts: Counts): Promise<void> {
    const now = this.now();
    if (now - this.last < this.every) return;
    this.last = now;
    await this.draw(counts, now);
  }

  /** Before another line goes to standard error: take the redrawn line away (it comes back later). */
  async clear(): Promise<void> {
    if (this.options.tty && this.drawn) {
      this.drawn = false;
      await this.sink.write("\r\u001b[K");
    }
  }

  /** The last line: everything read, how long it took. */
  async finish(counts: Counts): Promise<void> {
    await this.clear();
    const seconds = (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? counts.claims / seconds : 0;
    const { lang, editions } = this.options;
    const text =
      lang === "zh"
        ? `pinggu：已按 ${editions} 个版本模拟 ${grouped(counts.applications)} 个申请（${grouped(counts.claims)} 项），用时 ${duration(seconds, lang)}（每秒 ${grouped(rate)} 项）`
        : `pinggu: ${grouped(counts.applications)} applications (${grouped(counts.claims)} claims) simulated under ${editions} ${editions === 1 ? "edition" : "editions"} in ${duration(seconds)} (${grouped(rate)} claims/s)`;
    await this.sink.write(`${text}\n`);
  }

  /** The progress line itself (without the carriage return), for a moment `now`. */
  line(counts: Counts, now: number): string {
    const { lang, totalBytes } = this.options;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? counts.claims / seconds : 0;
    const fraction = totalBytes !== null && totalBytes > 0 ? Math.min(1, counts.bytes / totalBytes) : null;
    const left = fraction !== null && fraction > 0 ? (seconds * (1 - fraction)) / fraction : null;
    const zh = lang === "zh";
    const parts = zh
      ? [`${grouped(counts.applications)} 个申请`, `${grouped(counts.claims)} 项`, `每秒 ${grouped(rate)} 项`]
      : [`${grouped(counts.applications)} applications`, `${grouped(counts.claims)} claims`, `${grouped(rate)} claims/s`];
    if (left !== null) parts.push(zh ? `剩余约 ${clock(left)}` : `ETA ${clock(left)}`);
    const percent = fraction !== null ? `${String(Math.floor(fraction * 100)).padStart(3)}%` : "";
    if (this.options.tty) {
      const bar = fraction !== null ? `▕${"█".repeat(Math.round(fraction * BAR_WIDTH)).padEnd(BAR_WIDTH, "░")}▏ ${percent}  ` : "";
      return `pinggu simulate ${bar}${parts.join(" · ")}`;
    }
    return `pinggu: ${percent ? `${percent.trim()} — ` : ""}${parts.join(zh ? "，" : ", ")}`;
  }

  private async draw(counts: Counts, now: number): Promise<void> {
    const text = this.line(counts, now);
    if (this.options.tty) {
      this.drawn = true;
      await this.sink.write(`\r${text}\u001b[K`);
    } else {
      await this.sink.write(`${text}\n`);
    }
  }
}
