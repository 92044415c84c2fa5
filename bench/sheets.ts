/**
 * The spreadsheet bundle's size and cold-load time: `npm run bench:sheets` (scripts/bench-sheets.ts)
 * run as it is, in a child process, its lines printed here. The load is timed inside a node:vm
 * context, so the loader that runs the script does not touch the figure.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export function runSheets(root: string): { sizeBytes: number | null; loadMs: number | null } {
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, [join(root, "scripts", "bench-sheets.ts")], { cwd: root, encoding: "utf8" });
  const text = `${result.stdout ?? ""}${result.status === 0 ? "" : result.stderr ?? ""}`;
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  const size = /size\s+([\d,]+) bytes/.exec(text)?.[1];
  const load = /load \(median\)\s+([\d.]+) ms/.exec(text)?.[1];
  return { sizeBytes: size ? Number(size.replace(/,/g, "")) : null, loadMs: load ? Number(load) : null };
}
