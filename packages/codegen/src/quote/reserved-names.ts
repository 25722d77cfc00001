import { RUNTIME_HELPERS } from "../validators/schema-compiler.js";

/**
 * Names a generated identifier must not take (see `safe-name` in the codegen README). Fixed
 * lists, not read from the running engine, so the output is the same on every Node version.
 */

/** JavaScript reserved words (also in strict mode and modules) and TypeScript's type keywords. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if implements import in instanceof interface let new null package private protected public return static " +
    "super switch this throw true try typeof var void while with yield arguments eval " +
    "any as asserts bigint boolean declare infer is keyof module namespace never number object readonly require " +
    "satisfies string symbol type undefined unique unknown global"
  ).split(" "),
);

/**
 * Globals of JavaScript, of TypeScript's standard library (utility types included), and the web
 * platform and Node.js names most code uses: an alias named `Error` or `File` shadows the
 * global in every file that imports it.
 */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set(
  // ECMAScript
  (
    "globalThis Infinity NaN AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean " +
    "DataView Date Error EvalError FinalizationRegistry Float32Array Float64Array Function Int8Array Int16Array " +
    "Int32Array Intl Iterator JSON Map Math Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Set " +
    "SharedArrayBuffer String Symbol SyntaxError TypeError Uint8Array Uint8ClampedArray Uint16Array Uint32Array " +
    "URIError WeakMap WeakRef WeakSet SuppressedError DisposableStack AsyncDisposableStack " +
    // TypeScript's lib
    "Record Partial Required Readonly Pick Omit Exclude Extract NonNullable Parameters ConstructorParameters ReturnType " +
    "InstanceType Awaited ThisType ThisParameterType OmitThisParameter Uppercase Lowercase Capitalize Uncapitalize " +
    "NoInfer PropertyKey PropertyDescriptor PropertyDescriptorMap ArrayLike ReadonlyArray ReadonlyMap ReadonlySet " +
    "PromiseLike Iterable IterableIterator AsyncIterable AsyncIterableIterator AsyncIterator Generator AsyncGenerator " +
    "TemplateStringsArray ArrayBufferLike ArrayBufferView CallableFunction NewableFunction IArguments " +
    "TypedPropertyDescriptor Disposable AsyncDisposable WeakKey " +
    // web platform and Node.js
    "AbortController AbortSignal Audio Blob BroadcastChannel Buffer CloseEvent Comment Crypto CryptoKey CustomEvent " +
    "Document DOMException Element ErrorEvent Event EventTarget File FileList FileReader FormData Headers History " +
    "HTMLElement Image Location MessageChannel MessageEvent MessagePort Navigator Node NodeList Notification Option " +
    "Performance ProgressEvent Range ReadableStream Request Response Selection Storage SubtleCrypto Text TextDecoder " +
    "TextEncoder TransformStream URL URLSearchParams WebAssembly WebSocket Window Worker WritableStream XMLHttpRequest"
  ).split(" "),
);

/**
 * Top-level names of the generated modules themselves (their imports and exports): a schema
 * named `T` or `ValidationResult` would otherwise collide with them.
 */
export const GENERATED_MODULE_NAMES: ReadonlySet<string> = new Set([
  ...RUNTIME_HELPERS,
  ...// validate.ts / is.ts / assert.ts, schemas/*.ts, operations/*.ts
  (
    "T ValidationResult Ctx ResponseValidator makeValidate makeIs makeAssert check " +
    "operationId method path params body bodyRequired bodyContentType responses " +
    // schema.ts, aliases.ts, operations.ts, resources.ts, spec-info.ts, validator operations.ts, @faxkit/types' index
    "components paths webhooks operations $defs OperationMeta OperationId operationIds OperationCall Resources " +
    "resources operationCalls OperationTypes specInfo SpecInfo operationValidators ValidatedOperationId"
  ).split(" "),
]);
