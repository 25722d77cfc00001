// A stand-in for the tools the release runs (pnpm, git): each call is recorded and answered
// from a table, so the steps can be tested without a workspace, a registry or a network.
import { vi } from "vitest";
import type { RunTool, ToolResult } from "../../../src/release/publish/tool-runner.js";

export interface ToolCall {
  command: string;
  args: string[];
  capture: boolean;
}

/** What a command line (`"pnpm ls -r …"`, matched by prefix) answers; unmatched calls succeed silently. */
export type ToolAnswers = Record<string, Partial<ToolResult>>;

export function fakeTools(answers: ToolAnswers = {}): { run: RunTool; calls: ToolCall[] } {
  const calls: ToolCall[] = [];
  const run: RunTool = (command, args, { capture = false } = {}) => {
    calls.push({ command, args: [...args], capture });
    const line = [command, ...args].join(" ");
    const key = Object.keys(answers).find((prefix) => line.startsWith(prefix));
    return { status: 0, signal: null, stdout: "", stderr: "", ...(key === undefined ? {} : answers[key]) };
  };
  return { run, calls };
}

/** Everything written to the console and to stdout/stderr while `body` runs, in order. */
export function captureOutput(body: () => void): string {
  const lines: string[] = [];
  const keep = (...parts: unknown[]) => {
    lines.push(parts.map(String).join(" "));
  };
  const spies = [
    vi.spyOn(console, "log").mockImplementation(keep),
    vi.spyOn(console, "warn").mockImplementation(keep),
    vi.spyOn(console, "error").mockImplementation(keep),
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      keep(chunk);
      return true;
    }),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      keep(chunk);
      return true;
    }),
  ];
  try {
    body();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join("\n");
}
