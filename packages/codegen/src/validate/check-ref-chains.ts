import { CodegenError } from "../errors/CodegenError.js";
import { MAX_REF_CHAIN } from "../load/input-limits.js";
import { resolveLocalRef } from "../load/json-pointer.js";
import type { SourceDocument } from "../load/source-document.js";

/**
 * A Reference Object whose target is itself a Reference Object starts a chain. The chain
 * must reach a value within {@link MAX_REF_CHAIN} `$ref`s and must not come back to
 * itself: a cycle of bare references stands for nothing, and every stage that follows it
 * would loop or overflow. (A schema that refers to itself from its properties or items is
 * a recursive schema, not a cycle of references, and is fine.)
 *
 * `ref` is the `$ref` found at `at`, already known to resolve.
 */
export function checkRefChain(document: unknown, ref: string, at: string, source: SourceDocument): void {
  // chain[i] is the $ref that led to the i-th target; a target seen again closes a cycle.
  const chain = [ref];
  const seen = new Map<unknown, number>();
  let target = resolveLocalRef(document, ref);
  while (isReference(target)) {
    const first = seen.get(target);
    if (first !== undefined) throw refCycle(chain.slice(first, -1), at, source);
    seen.set(target, chain.length - 1);
    if (chain.length >= MAX_REF_CHAIN) throw chainTooLong(chain, target.$ref, at, source);
    chain.push(target.$ref);
    // A broken link is reported where it stands, by checkRefs' own walk.
    target = safeResolve(document, target.$ref);
  }
}

function isReference(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === "object" && typeof (value as { $ref?: unknown }).$ref === "string";
}

function safeResolve(document: unknown, ref: string): unknown {
  try {
    return resolveLocalRef(document, ref);
  } catch {
    return undefined;
  }
}

const quote = (ref: string) => JSON.stringify(ref);

function refCycle(cycle: string[], at: string, source: SourceDocument): CodegenError {
  const loop = [...cycle, cycle[0] as string].map(quote).join(" → ");
  return new CodegenError(
    "UNRESOLVED_REF",
    `$ref cycle: ${loop} never reaches a value. A schema may refer to itself from inside (properties, items), but a bare $ref must lead somewhere.`,
    source.locate(at),
  );
}

function chainTooLong(chain: string[], next: string, at: string, source: SourceDocument): CodegenError {
  const shown = [...chain.slice(0, 3).map(quote), "…", ...chain.slice(-2).map(quote), quote(next)];
  return new CodegenError(
    "UNRESOLVED_REF",
    `$ref chain too long: ${shown.join(" → ")} is a chain of more than ${MAX_REF_CHAIN} $refs, each pointing at the next; at most ${MAX_REF_CHAIN} may follow one another before one reaches a value.`,
    source.locate(at),
  );
}
