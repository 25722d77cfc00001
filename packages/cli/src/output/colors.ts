import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

/** The part of a stream colour depends on. */
export interface ColorTarget {
  isTTY?: boolean;
}

/**
 * picocolors' palette for one stream. picocolors decides once, for stdout, and turns colours on
 * whenever `CI` is set; here each stream decides for itself: `NO_COLOR` (any value) turns colours
 * off, `FORCE_COLOR` (not `0`) on, else only a terminal that is not `TERM=dumb` gets them.
 *
 * @example
 * ```ts
 * const color = colorsFor(process.stderr, process.env);
 * process.stderr.write(color.red("faxplus: failed\n"));
 * ```
 */
export function colorsFor(stream: ColorTarget, env: NodeJS.ProcessEnv): Colors {
  return pc.createColors(colorEnabled(stream, env));
}

function colorEnabled(stream: ColorTarget, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}
