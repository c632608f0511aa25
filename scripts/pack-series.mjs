// Packs an SLI history's rows the way the plan format keeps them (docs/plan-format.md,
// "histories"): written from the format's description, independently of the Rust encoder,
// so the fixtures also check that the description is enough to write a series.
import { deflateRawSync } from "node:zlib";

/** "v*n" runs of a list of numbers, comma separated. */
function runs(values) {
  const out = [];
  for (let i = 0; i < values.length; ) {
    let n = 1;
    while (i + n < values.length && Object.is(values[i + n], values[i])) n++;
    out.push(n === 1 ? `${values[i]}` : `${values[i]}*${n}`);
    i += n;
  }
  return out.join(",");
}

/** The text of the four lines before packing; rows are [at_ms, good, total]. */
export function seriesLines(rows, { good = false } = {}) {
  const steps = rows.slice(1).map((r, i) => r[0] - rows[i][0]);
  const part = good ? `good:${runs(rows.map((r) => r[1]))}` : `bad:${runs(rows.map((r) => r[2] - r[1]))}`;
  return `${rows[0]?.[0] ?? 0}\n${runs(steps)}\n${part}\n${runs(rows.map((r) => r[2]))}\n`;
}

/** Packs lines of text as a series: `v1:` and base64 of raw DEFLATE. */
export function packText(text) {
  return "v1:" + deflateRawSync(Buffer.from(text, "utf8"), { level: 9 }).toString("base64");
}

/** Packs rows [at_ms, good, total] as a series. */
export const packSeries = (rows, options) => packText(seriesLines(rows, options));
