// Demo articles are kept as small text files (demo/articles/FORMAT.md); this reads one.
import matter from "gray-matter";
import { slugify } from "../../lib/slug.ts";

export interface DemoArticle {
  file: string;
  categorySlug: string;
  title: string;
  spot: string;
  sourceName: string;
  tags: string[];
  caption: string;
  hoursAgo: number;
  breaking: boolean;
  headline: boolean;
  /** Markdown: paragraphs, `## ` sub-headings, `> ` quotes. */
  body: string;
}

const REQUIRED = ["title", "spot", "source", "tags", "caption", "hours_ago"] as const;

function yes(value: string | undefined): boolean {
  return ["yes", "evet", "true"].includes((value ?? "no").trim().toLocaleLowerCase("tr"));
}

/**
 * Reads the header lines of FORMAT.md: `key: value`, split at the first colon, so values may hold
 * colons (which YAML would refuse: 39 of the 70 demo titles and spots do). Blank lines are skipped.
 */
function readHeader(block: string, file: string): Map<string, string> {
  const header = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const at = line.indexOf(":");
    if (at < 1) throw new Error(`${file}: bad header line ${JSON.stringify(line)}`);
    header.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return header;
}

/**
 * Parses one demo file: gray-matter finds the `---` block (and drops a byte-order mark), its
 * lines are read as FORMAT.md says. Throws with the file name and the problem when it is malformed.
 */
export function parseDemoArticle(text: string, file: string, categorySlug: string): DemoArticle {
  if (!matter.test(text.replace(/^\uFEFF/, ""))) throw new Error(`${file}: missing --- header block`);
  let header = new Map<string, string>();
  const { content } = matter(text, {
    engines: {
      yaml: (block) => {
        header = readHeader(block, file);
        return {};
      },
    },
  });
  for (const key of REQUIRED) {
    if (!header.get(key)) throw new Error(`${file}: missing ${key}`);
  }
  const hoursAgo = Number(header.get("hours_ago"));
  if (!Number.isFinite(hoursAgo) || hoursAgo < 0) throw new Error(`${file}: hours_ago must be a number`);
  const tags = (header.get("tags") ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "" && slugify(t) !== "");
  return {
    file,
    categorySlug,
    title: header.get("title") ?? "",
    spot: header.get("spot") ?? "",
    sourceName: header.get("source") ?? "",
    tags: tags.filter((t, i) => tags.findIndex((u) => slugify(u) === slugify(t)) === i),
    caption: header.get("caption") ?? "",
    hoursAgo,
    breaking: yes(header.get("breaking")),
    headline: yes(header.get("headline")),
    body: content.trim(),
  };
}
