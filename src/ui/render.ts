import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** A whole HTML document from a page component. */
export function renderDocument<P>(page: VNode<P>): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}

/** A piece of HTML to be inserted into a page (e.g. the next article). */
export function renderFragment<P>(node: VNode<P>): string {
  return renderToString(node);
}
