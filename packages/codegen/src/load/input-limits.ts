/**
 * How far the generator goes into a document before it refuses it. Several stages recurse
 * (yaml's composer, structuredClone, the overlay engine, openapi-typescript's ref walker),
 * so a hostile or broken spec could otherwise exhaust the stack or the heap. The limits
 * leave ample headroom: GitHub's REST description (~1,200 operations) nests 20 levels,
 * 33 when its `$ref`s are followed, and its `$ref` chains are a hop or two long.
 */

/** Deepest a node may sit below the document root (`/a/b/c` is 3 deep), each file on its own. */
export const MAX_NESTING_DEPTH = 128;

/** Deepest a node may sit when every `$ref` on the way is followed as one more level. */
export const MAX_DEPTH_THROUGH_REFS = 256;

/** Most Reference Objects that may point at one another before one reaches a value. */
export const MAX_REF_CHAIN = 32;

/**
 * yaml's own guard against alias bombs ("billion laughs"), at the library's default:
 * an anchor may be expanded through aliases at most this many times, nested expansions
 * multiplied. The published specs use `$ref`, not aliases, so none comes near it.
 */
export const YAML_MAX_ALIAS_COUNT = 100;
