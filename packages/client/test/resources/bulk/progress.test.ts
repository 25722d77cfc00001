import { describe, expect, it, vi } from "vitest";
import { ProgressReporter } from "../../../src/resources/bulk/progress.js";
import type { BulkProgress } from "../../../src/resources/bulk/types.js";

describe("ProgressReporter", () => {
  it("reports running counts, each call a snapshot of its own", () => {
    const seen: BulkProgress[] = [];
    const reporter = new ProgressReporter(3, (progress) => seen.push(progress), vi.fn());
    reporter.count(false);
    reporter.report();
    reporter.count(true);
    reporter.count(true);
    reporter.report();
    expect(seen).toEqual([
      { done: 1, total: 3, succeeded: 0, failed: 1 },
      { done: 3, total: 3, succeeded: 2, failed: 1 },
    ]);
  });

  it("hands a throwing callback's error to warn and carries on", () => {
    const warn = vi.fn();
    const problem = new Error("progress bar broke");
    const reporter = new ProgressReporter(
      1,
      () => {
        throw problem;
      },
      warn,
    );
    expect(() => reporter.report()).not.toThrow();
    expect(warn).toHaveBeenCalledWith(problem);
  });

  it("hands a returned promise's rejection to warn instead of leaving it unhandled", async () => {
    const warn = vi.fn();
    const problem = new Error("async progress broke");
    const reporter = new ProgressReporter(1, (() => Promise.reject(problem)) as () => void, warn);
    reporter.report();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).toHaveBeenCalledWith(problem);
  });

  it("does nothing on report without a callback", () => {
    const warn = vi.fn();
    const reporter = new ProgressReporter(1, undefined, warn);
    reporter.count(true);
    expect(() => reporter.report()).not.toThrow();
    expect(warn).not.toHaveBeenCalled();
  });
});
