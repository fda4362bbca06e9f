import { describe, expect, it } from "vitest";
import { sumCounter } from "./prometheus.ts";

const TEXT = `# HELP haberci_page_renders_total Pages rendered, by route.
# TYPE haberci_page_renders_total counter
haberci_page_renders_total{route="/haber/:category/:file"} 12
haberci_page_renders_total{route="/"} 3
haberci_page_renders_total{route="/arama",note="a } in a label"} 1 1732900000000
haberci_page_renders_total_created{route="/"} 1732900000
haberci_page_cache_hits_total 99
process_resident_memory_bytes 1.5e+08
`;

describe("sumCounter", () => {
  it("sums a counter over its label sets, ignoring other metrics and _created", () => {
    expect(sumCounter(TEXT, "haberci_page_renders_total")).toBe(16);
  });

  it("reads samples without labels and in exponent notation", () => {
    expect(sumCounter(TEXT, "haberci_page_cache_hits_total")).toBe(99);
    expect(sumCounter(TEXT, "process_resident_memory_bytes")).toBe(150_000_000);
  });

  it("tells an absent counter from a zero one", () => {
    expect(sumCounter(TEXT, "haberci_missing_total")).toBeUndefined();
    expect(sumCounter("haberci_page_renders_total 0\n", "haberci_page_renders_total")).toBe(0);
    expect(sumCounter("", "haberci_page_renders_total")).toBeUndefined();
  });
});
