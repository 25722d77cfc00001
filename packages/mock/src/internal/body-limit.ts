/**
 * Default `maxBodyBytes` of every front end: 32 MiB. The largest valid request is one upload
 * (`uploadFile`): a fax may carry 30 MB of files in total, so a single file can be 30 MB, plus
 * the multipart framing. (The same value as `startMock`'s `DEFAULT_MAX_BODY_BYTES`.)
 */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * `maxBodyBytes` as given, or the default; anything but a non-negative safe integer is a
 * `RangeError` naming the value.
 *
 * @example
 * ```ts
 * checkedMaxBodyBytes(undefined); // 33554432
 * checkedMaxBodyBytes(-1);        // throws RangeError
 * ```
 */
export function checkedMaxBodyBytes(value: number | undefined): number {
  const limit = value ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new RangeError(`@faxkit/mock: maxBodyBytes must be a non-negative integer (got ${String(limit)})`);
  return limit;
}

/**
 * The description of a `413`, the same words from every front end.
 *
 * @example
 * ```ts
 * tooLarge(1024, 5000); // "the mock accepts request bodies of at most 1024 bytes (maxBodyBytes); this one declares 5000 bytes"
 * ```
 */
export function tooLarge(maxBodyBytes: number, declared: number | undefined): string {
  const sent = declared !== undefined && Number.isFinite(declared) ? `this one declares ${declared} bytes` : "this one has more";
  return `the mock accepts request bodies of at most ${maxBodyBytes} bytes (maxBodyBytes); ${sent}`;
}
