// Reading one counter out of Prometheus's text exposition format (pure; prometheus.test.ts).

// name, optional {labels}, value, optional timestamp. Label values may hold "}" only inside quotes,
// which the greedy `{.*}` tolerates because the value that follows never contains "}".
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;

/**
 * The sum of every sample of metric `name` over all its label sets, e.g. `haberci_page_renders_total`
 * summed over `route`. Only samples named exactly `name` count (not `name_created`, not histograms'
 * `_bucket` lines). Returns undefined when no sample of `name` is present, so "absent" and "0" differ.
 * Format: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
export function sumCounter(text: string, name: string): number | undefined {
  let sum: number | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = SAMPLE.exec(line);
    if (!m || m[1] !== name) continue;
    const value = Number(m[3]);
    if (Number.isNaN(value)) continue;
    sum = (sum ?? 0) + value;
  }
  return sum;
}
