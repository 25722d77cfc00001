import { CST, Parser } from "yaml";

/**
 * The first node of YAML text (in document order) more than `limit` levels below its
 * document's root: its path as reference tokens and its offset in the text. It reads
 * yaml's concrete syntax tree, which the library builds without recursion, because the
 * step after it (composing the document) recurses once per level and overflows the
 * stack on a file nested some hundreds of levels deep.
 *
 * @example
 * ```ts
 * findTooDeepYaml("a: [[1]]\n", 2); // { tokens: ["a", "0", "0"], offset: 5 }
 * ```
 */
export function findTooDeepYaml(text: string, limit: number): { tokens: string[]; offset: number } | undefined {
  for (const token of new Parser().parse(text)) {
    if (token.type !== "document" || !token.value) continue;
    const found = walk(token.value, limit);
    if (found) return found;
  }
  return undefined;
}

interface Child {
  token: CST.Token | undefined;
  key: string;
  offset: number;
}

interface Frame {
  children: Child[];
  next: number;
  key: string;
}

function walk(root: CST.Token, limit: number): { tokens: string[]; offset: number } | undefined {
  const frames: Frame[] = [];
  if (CST.isCollection(root)) frames.push({ children: childrenOf(root), next: 0, key: "" });
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    const child = frame.children[frame.next++];
    if (!child) {
      frames.pop();
      continue;
    }
    frame.key = child.key;
    if (frames.length > limit) return { tokens: frames.map((f) => f.key), offset: child.offset };
    if (CST.isCollection(child.token)) frames.push({ children: childrenOf(child.token), next: 0, key: "" });
  }
  return undefined;
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

function childrenOf(collection: Collection): Child[] {
  const isMap = collection.type === "block-map" || (collection.type === "flow-collection" && collection.start.source === "{");
  const children: Child[] = [];
  collection.items.forEach((item, index) => {
    const offset = item.value?.offset ?? item.key?.offset ?? item.sep?.[0]?.offset ?? collection.offset;
    if (isMap) {
      // A map entry is located at its key, as `SourceDocument.locate` does: where a reader looks.
      const at = item.key?.offset ?? offset;
      // A collection used as a key is composed one level down too.
      if (CST.isCollection(item.key)) children.push({ token: item.key, key: "?", offset: item.key.offset });
      children.push({ token: item.value, key: keyText(item.key), offset: at });
    } else if (item.sep) {
      // `[a: 1]`: a single-pair map inside the sequence, one level deeper.
      const pair: CST.FlowCollection = {
        type: "flow-collection",
        offset,
        indent: collection.indent,
        start: { type: "flow-map-start", offset, indent: collection.indent, source: "{" },
        items: [item],
        end: [],
      };
      children.push({ token: pair, key: String(index), offset });
    } else children.push({ token: item.value, key: String(index), offset });
  });
  return children;
}

function keyText(key: CST.Token | null | undefined): string {
  if (!key) return "";
  return CST.resolveAsScalar(key)?.value ?? ("source" in key ? String(key.source) : "?");
}
