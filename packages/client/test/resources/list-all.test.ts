import { describe, expect, it } from "vitest";
import {
  AbortError,
  BadRequestError,
  createFaxPlusClient,
  type ListAllArgs,
  PaginationError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";
import { createListAll } from "../../src/resources/list-all.js";

// ---------------------------------------------------------------------------- fake Fax.Plus

type Category = "inbox" | "sent" | "spam";
interface StoredFax {
  id: string;
  /** `YYYY-MM-DD HH:mm:ss`; compares correctly as a string. */
  start_time: string;
  category: Category;
}

/** How faxes of the same second are ordered: by id, by id descending, or differently on every call. */
type TieOrder = "id" | "id-desc" | "per-call";

interface SentRequest {
  query: Record<string, string>;
  headers: Headers;
  /** IDs the fake answered with (empty when it answered an error). */
  returned: string[];
}

const MAX_FAKE_REQUESTS = 300;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const BASE_MS = Date.UTC(2024, 2, 10, 12, 0, 0);

/** The time `n` seconds after 2024-03-10 12:00:00 UTC, written independently of the code under test. */
function sec(n: number): string {
  return new Date(BASE_MS + n * 1000).toISOString().slice(0, 19).replace("T", " ");
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * An in-memory `GET /accounts/self/faxes`: filters by category, `after` (inclusive) and `before`
 * (exclusive), returns at most `limit` records newest first. Malformed `after` / `before` /
 * `limit` is a 400, as a careful server would answer. `fail(n)` may answer request n (1-based) instead.
 */
function fakeFaxPlus(
  faxes: readonly StoredFax[],
  options: {
    ties?: TieOrder;
    /** Return each page's records in a scrambled order (the right records, not newest first). */
    scramble?: boolean;
    fail?: (n: number, request: Request) => Response | undefined;
  } = {},
) {
  const sent: SentRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const query = Object.fromEntries(url.searchParams);
    const entry: SentRequest = { query, headers: request.headers, returned: [] };
    sent.push(entry);
    // A paginator that loops would never end the test (the fake answers without a macrotask, so not even
    // the test timeout could fire): fail it instead.
    if (sent.length > MAX_FAKE_REQUESTS) throw new Error(`more than ${MAX_FAKE_REQUESTS} requests: the paginator is looping`);
    const failure = options.fail?.(sent.length, request);
    if (failure) return failure;
    if (request.method !== "GET" || url.pathname !== "/v3/accounts/self/faxes")
      return Response.json({ error: "not_found", description: `no ${request.method} ${url.pathname}` }, { status: 404 });
    for (const name of ["after", "before"])
      if (query[name] !== undefined && !TIME.test(query[name]))
        return Response.json({ error: "invalid_param", description: `bad ${name}` }, { status: 400 });
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      return Response.json({ error: "invalid_param", description: "bad limit" }, { status: 400 });
    const call = sent.length;
    const tieKey = (fax: StoredFax) => (options.ties === "per-call" ? hash(`${call}:${fax.id}`) : 0);
    const records = faxes
      .filter((fax) => query.category === undefined || fax.category === query.category)
      .filter((fax) => query.after === undefined || fax.start_time >= query.after)
      .filter((fax) => query.before === undefined || fax.start_time < query.before)
      .sort((a, b) => {
        if (a.start_time !== b.start_time) return a.start_time < b.start_time ? 1 : -1;
        if (options.ties === "per-call") return tieKey(a) - tieKey(b) || (a.id < b.id ? -1 : 1);
        return (a.id < b.id ? -1 : 1) * (options.ties === "id-desc" ? -1 : 1);
      })
      .slice(0, limit)
      .sort((a, b) => (options.scramble ? hash(`${call}~${a.id}`) - hash(`${call}~${b.id}`) : 0))
      .map((fax) => ({
        id: fax.id,
        start_time: fax.start_time,
        comment: "",
        cost_details: {},
        owner_id: "o1",
        pages: 1,
        status: "success",
      }));
    entry.returned = records.map((record) => record.id);
    return Response.json({ data: { records } });
  };
  const fax = createFaxPlusClient({ fetch: fetch as typeof globalThis.fetch, token: "tok", baseUrl: "https://api.test/v3" });
  return { fax, sent };
}

/** A fetch that answers listFaxes from a script of bodies, one per request (the last repeats). */
function scriptedFaxPlus(bodies: unknown[]) {
  const sent: Record<string, string>[] = [];
  const paths: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    paths.push(new URL(request.url).pathname);
    sent.push(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(bodies[Math.min(sent.length - 1, bodies.length - 1)]);
  };
  const fax = createFaxPlusClient({ fetch: fetch as typeof globalThis.fetch, token: "tok", baseUrl: "https://api.test/v3" });
  return { fax, sent, paths };
}

/**
 * Faxes in groups of the same second, newest group first: `groups[0]` faxes at the newest
 * second, then `groups[1]` at an older one, … Seconds are spaced 1–3 apart; IDs do not follow time.
 */
function fromGroups(groups: readonly number[], category: Category = "inbox"): StoredFax[] {
  const faxes: StoredFax[] = [];
  let second = 10_000;
  let n = 0;
  for (const [g, size] of groups.entries()) {
    second -= 1 + (g % 3);
    for (let i = 0; i < size; i++) faxes.push({ id: `f${String(hash(`id${n++}`)).padStart(10, "0")}`, start_time: sec(second), category });
  }
  return faxes;
}

const ids = (faxes: readonly { id: string }[]) => faxes.map((fax) => fax.id).sort();

/** Runs `listAll` to the end (or to its error), returning what it yielded and what it threw. */
async function drain(iterable: AsyncIterable<{ id: string; start_time?: string }>) {
  const yielded: { id: string; start_time?: string }[] = [];
  let error: unknown;
  try {
    for await (const record of iterable) yielded.push(record);
  } catch (caught) {
    error = caught;
  }
  return { yielded, error };
}

/**
 * What "never more requests than needed" means here: every request but the last brings at least
 * one record not seen in an earlier answer, and (unless the listing ended in an error) the last
 * one is a short page — the only way to learn that the listing is complete.
 */
function expectNoWastedRequests(sent: readonly SentRequest[], ending: "short page" | "error" = "short page") {
  const seen = new Set<string>();
  for (const [i, request] of sent.entries()) {
    const fresh = request.returned.filter((id) => !seen.has(id));
    for (const id of request.returned) seen.add(id);
    if (i < sent.length - 1) expect(fresh.length, `request ${i + 1} of ${sent.length} brought nothing new`).toBeGreaterThan(0);
    else if (ending === "short page")
      expect(request.returned.length, "the last request was not a short page").toBeLessThan(Number(request.query.limit));
  }
}

function expectNewestFirst(yielded: readonly { start_time?: string }[]) {
  for (let i = 1; i < yielded.length; i++) expect((yielded[i]?.start_time ?? "") <= (yielded[i - 1]?.start_time ?? "")).toBe(true);
}

// ---------------------------------------------------------------------------- every fax once

const TIE_PATTERNS: [string, number[]][] = [
  ["no ties", Array(23).fill(1)],
  ["pairs", Array(12).fill(2)],
  ["triples", Array(9).fill(3)],
  ["a group of 5 among singles", [1, 1, 5, 1, 1, 1]],
  ["a group of 12 in the middle", [2, 1, 12, 1, 3, 1, 1]],
  ["mixed", [4, 1, 7, 2, 2, 9, 1, 3, 6, 1, 1, 5]],
  ["one second only", [7]],
  ["a group of 49 (fits a page of 50)", [2, 49, 3]],
  ["a group of 49 alone", [49]],
  ["two groups of 30", [30, 30, 1]],
  ["exactly 50 singles", Array(50).fill(1)],
  ["51 singles", Array(51).fill(1)],
];
const PAGE_SIZES = [1, 2, 3, 4, 5, 7, 10, 25, 49, 50];
const TIES: TieOrder[] = ["id", "id-desc", "per-call"];

describe("listAll: every fax exactly once", () => {
  const cases = TIE_PATTERNS.flatMap(([name, groups]) =>
    PAGE_SIZES.flatMap((pageSize) => TIES.map((ties) => ({ name, groups, pageSize, ties }))),
  );
  it.each(cases)("$name, pageSize $pageSize, ties by $ties", async ({ groups, pageSize, ties }) => {
    const faxes = fromGroups(groups);
    const { fax, sent } = fakeFaxPlus(faxes, { ties });
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize }));
    expect(error).toBeUndefined();
    expect(yielded).toHaveLength(faxes.length);
    expect(ids(yielded)).toEqual(ids(faxes));
    expectNewestFirst(yielded);
    expectNoWastedRequests(sent);
  });

  it.each(
    TIE_PATTERNS.flatMap(([name, groups]) => [1, 2, 3, 5, 10, 50].map((pageSize) => ({ name, groups, pageSize }))),
  )("records of a page in no particular order: $name, pageSize $pageSize", async ({ groups, pageSize }) => {
    const faxes = fromGroups(groups);
    const { fax, sent } = fakeFaxPlus(faxes, { ties: "per-call", scramble: true });
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize }));
    expect(error).toBeUndefined();
    expect(yielded).toHaveLength(faxes.length);
    expect(ids(yielded)).toEqual(ids(faxes));
    expectNoWastedRequests(sent);
  });

  it("the edge: a page of 3 where the 3rd and 4th fax share a timestamp", async () => {
    const faxes: StoredFax[] = [
      { id: "a", start_time: sec(5), category: "inbox" },
      { id: "b", start_time: sec(4), category: "inbox" },
      { id: "c", start_time: sec(3), category: "inbox" },
      { id: "d", start_time: sec(3), category: "inbox" },
      { id: "e", start_time: sec(2), category: "inbox" },
    ];
    for (const ties of TIES) {
      const { fax, sent } = fakeFaxPlus(faxes, { ties });
      const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 3 }));
      expect(error).toBeUndefined();
      expect(ids(yielded)).toEqual(["a", "b", "c", "d", "e"]);
      expect(yielded.slice(0, 2).map((record) => record.id)).toEqual(["a", "b"]);
      // Second 3 is asked for again (before = 3 + 1 s), with one more record for the one of it already yielded.
      expect(sent.map((request) => request.query)).toEqual([{ limit: "3" }, { before: sec(4), limit: "4" }]);
    }
  });

  it("the fake reproduces the problem: paging naively with before = oldest time skips a fax", async () => {
    const faxes = fromGroups([1, 1, 2, 1]);
    const { fax } = fakeFaxPlus(faxes);
    const naive: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await fax.faxes.list({ limit: 3, ...(before ? { before } : {}) });
      const records = page.data?.records ?? [];
      naive.push(...records.map((record) => record.id));
      if (records.length < 3) break;
      before = records.at(-1)?.start_time;
    }
    expect(naive).toHaveLength(faxes.length - 1);
    expect(ids(naive.map((id) => ({ id })))).not.toEqual(ids(faxes));
  });

  it("an empty window: one request, nothing yielded", async () => {
    const { fax, sent } = fakeFaxPlus([]);
    const { yielded, error } = await drain(fax.faxes.listAll());
    expect(error).toBeUndefined();
    expect(yielded).toEqual([]);
    expect(sent.map((request) => request.query)).toEqual([{ limit: "50" }]);
  });

  it.each([
    ["after = before", { after: sec(5), before: sec(5) }],
    ["after > before", { after: sec(6), before: sec(5) }],
  ])("a window that cannot hold a fax (%s) sends nothing", async (_name, window) => {
    const { fax, sent } = fakeFaxPlus(fromGroups([3, 3]));
    const { yielded, error } = await drain(fax.faxes.listAll(window));
    expect(error).toBeUndefined();
    expect(yielded).toEqual([]);
    expect(sent).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------- window and category

describe("listAll: after, before and category", () => {
  // Seconds 0..29, faxes of seconds 10 and 20 (the window's edges) doubled, across two categories.
  const faxes: StoredFax[] = [];
  for (let s = 0; s < 30; s++) {
    faxes.push({ id: `i${s}`, start_time: sec(s), category: "inbox" });
    faxes.push({ id: `s${s}`, start_time: sec(s), category: "sent" });
    if (s === 10 || s === 20) faxes.push({ id: `i${s}b`, start_time: sec(s), category: "inbox" });
  }

  it.each([
    { args: { after: sec(10), before: sec(20) }, from: 10, to: 20 },
    { args: { after: sec(10) }, from: 10, to: 30 },
    { args: { before: sec(20) }, from: 0, to: 20 },
    { args: { after: sec(29), before: sec(30) }, from: 29, to: 30 },
  ])("after $args.after, before $args.before", async ({ args, from, to }) => {
    for (const pageSize of [1, 2, 3, 4, 50]) {
      for (const category of [undefined, "inbox", "sent"] as const) {
        const { fax, sent } = fakeFaxPlus(faxes, { ties: "per-call" });
        const { yielded, error } = await drain(fax.faxes.listAll({ ...args, pageSize, ...(category ? { category } : {}) }));
        expect(error).toBeUndefined();
        const expected = faxes.filter(
          (f) => f.start_time >= sec(from) && f.start_time < sec(to) && (category === undefined || f.category === category),
        );
        expect(ids(yielded)).toEqual(ids(expected));
        expect(yielded).toHaveLength(expected.length);
        expectNoWastedRequests(sent);
        for (const request of sent) {
          expect(request.query.after).toBe(args.after);
          expect(request.query.category).toBe(category);
          if (args.before !== undefined) expect(request.query.before !== undefined && request.query.before <= args.before).toBe(true);
        }
        expect(sent[0]?.query.before).toBe(args.before);
      }
    }
  });

  it("passes user_id through", async () => {
    const { fax, paths } = scriptedFaxPlus([{ data: { records: [] } }]);
    expect((await drain(fax.faxes.listAll({ user_id: "member-7" }))).error).toBeUndefined();
    expect(paths).toEqual(["/v3/accounts/member-7/faxes"]);
  });
});

describe("listAll: after and before as a Date", () => {
  const faxes: StoredFax[] = Array.from({ length: 30 }, (_, s) => ({ id: `i${s}`, start_time: sec(s), category: "inbox" as const }));

  it("sends a Date as the API's UTC time, milliseconds dropped, and lists the same faxes as the strings would", async () => {
    const { fax, sent } = fakeFaxPlus(faxes);
    const after = new Date(BASE_MS + 10_000 + 999);
    const before = new Date(BASE_MS + 20_000);
    const { yielded, error } = await drain(fax.faxes.listAll({ after, before, pageSize: 4 }));
    expect(error).toBeUndefined();
    expect(ids(yielded)).toEqual(ids(faxes.filter((f) => f.start_time >= sec(10) && f.start_time < sec(20))));
    expect(sent[0]?.query).toMatchObject({ after: sec(10), before: sec(20) });
    expect(sent.every((request) => request.query.after === sec(10))).toBe(true);
  });

  it.each([
    [{ after: new Date(Number.NaN) }, 'listAll: "after" must be a valid Date from year 0 to 9999 (got Invalid Date)'],
    [
      { before: new Date("+010000-01-01T00:00:00Z") },
      'listAll: "before" must be a valid Date from year 0 to 9999 (got +010000-01-01T00:00:00.000Z)',
    ],
  ])("refuses %j with a TypeError naming the argument, sending nothing", async (args, message) => {
    const { fax, sent } = fakeFaxPlus(faxes);
    await expect(fax.faxes.listAll(args).next()).rejects.toThrow(new TypeError(message));
    expect(sent).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------- more faxes in one second than a page

describe("listAll: a second with more faxes than a page can hold", () => {
  const crowded = (count: number, newer: number, older: number): StoredFax[] => [
    ...Array.from({ length: newer }, (_, i) => ({ id: `n${i}`, start_time: sec(500 + i), category: "inbox" as const })),
    ...Array.from({ length: count }, (_, i) => ({
      id: `c${String(i).padStart(3, "0")}`,
      start_time: sec(400),
      category: "inbox" as const,
    })),
    ...Array.from({ length: older }, (_, i) => ({ id: `o${i}`, start_time: sec(300 - i), category: "inbox" as const })),
  ];

  it("a page smaller than 50 all in one second is asked for again with limit 50, and paging goes on", async () => {
    const faxes = crowded(12, 0, 3);
    const { fax, sent } = fakeFaxPlus(faxes);
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 5 }));
    expect(error).toBeUndefined();
    expect(ids(yielded)).toEqual(ids(faxes));
    expect(sent.map((request) => request.query)).toEqual([{ limit: "5" }, { before: sec(401), limit: "50" }]);
  });

  it("limit: pageSize, plus the boundary second's faxes already yielded; 50 after a page in one second", async () => {
    const faxes = crowded(9, 1, 60);
    const { fax, sent } = fakeFaxPlus(faxes);
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 4 }));
    expect(error).toBeUndefined();
    expect(ids(yielded)).toEqual(ids(faxes));
    expectNoWastedRequests(sent);
    // 1 newer + 3 of the crowded second; 7 of it (3 seen + 4); all 9 of it + 41 older; then 1 seen + 4 at a time.
    expect(sent.slice(0, 5).map((request) => request.query)).toEqual([
      { limit: "4" },
      { before: sec(401), limit: "7" },
      { before: sec(401), limit: "50" },
      { before: sec(300 - 40 + 1), limit: "5" },
      { before: sec(300 - 44 + 1), limit: "5" },
    ]);
    // The 19 older faxes left: 4 new per page, the last (3 new) short.
    expect(sent).toHaveLength(3 + 5);
  });

  const MESSAGE_ALL_CATEGORIES =
    'listAll: 50 or more faxes share the second 2024-03-10 12:06:40 UTC, and listFaxes cannot page within a second (no page token, "before" / "after" have one-second resolution, at most 50 records per request), so any beyond the 50 returned for that second cannot be listed. Every fax after that second has been yielded, and those of it the API returned. To go on with older faxes, call listAll again with before: "2024-03-10 12:06:40"; listing one category at a time ("inbox", "sent", "spam") may split that second into groups that fit.';
  const MESSAGE_ONE_CATEGORY =
    'listAll: 50 or more faxes share the second 2024-03-10 12:06:40 UTC, and listFaxes cannot page within a second (no page token, "before" / "after" have one-second resolution, at most 50 records per request), so any beyond the 50 returned for that second cannot be listed. Every fax after that second has been yielded, and those of it the API returned. To go on with older faxes, call listAll again with before: "2024-03-10 12:06:40".';

  it.each([
    // pageSize 50: 3 newer + 47 of the crowded second, then 50 of it (3 new): stuck.
    {
      count: 60,
      newer: 3,
      pageSize: 50,
      category: undefined,
      yieldedAtSecond: 50,
      requests: [{ limit: "50" }, { before: sec(401), limit: "50" }],
    },
    // pageSize 10: 10 of it, then 50 of it: stuck.
    {
      count: 55,
      newer: 0,
      pageSize: 10,
      category: "inbox",
      yieldedAtSecond: 50,
      requests: [
        { category: "inbox", limit: "10" },
        { category: "inbox", before: sec(401), limit: "50" },
      ],
    },
    // Exactly 50 in the second: a 51st cannot be ruled out, so it is an error too. 2 newer + 8 of it; 18 of it; 50 of it.
    {
      count: 50,
      newer: 2,
      pageSize: 10,
      category: undefined,
      yieldedAtSecond: 50,
      requests: [{ limit: "10" }, { before: sec(401), limit: "18" }, { before: sec(401), limit: "50" }],
    },
  ] as const)("$count faxes in one second, pageSize $pageSize: yields what it can, then PaginationError", async (c) => {
    const faxes = crowded(c.count, c.newer, 4);
    const { fax, sent } = fakeFaxPlus(faxes);
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: c.pageSize, ...(c.category ? { category: c.category } : {}) }));
    expect(error).toBeInstanceOf(PaginationError);
    const paging = error as PaginationError;
    expect(paging.message).toBe(c.category ? MESSAGE_ONE_CATEGORY : MESSAGE_ALL_CATEGORIES);
    expect(paging.boundary).toBe(sec(400));
    expect(paging.status).toBeUndefined();
    expect(paging.operationId).toBe("listFaxes");
    expect(paging.toJSON()).toMatchObject({ name: "PaginationError", boundary: sec(400) });
    expect(new Set(yielded.map((record) => record.id)).size).toBe(yielded.length);
    expect(yielded.filter((record) => record.id.startsWith("n"))).toHaveLength(c.newer);
    expect(yielded.filter((record) => record.id.startsWith("c"))).toHaveLength(c.yieldedAtSecond);
    expect(yielded.filter((record) => record.id.startsWith("o"))).toHaveLength(0);
    expect(sent.map((request) => request.query)).toEqual(c.requests);
    expectNoWastedRequests(sent, "error");
  });

  it("stops without asking again once the faxes seen in one second reach 50", async () => {
    // Tie order changed between the calls: the second page holds 39 faxes of the second, none of the first page's 19.
    const at = (i: number) => ({ id: `c${i}`, start_time: sec(400) });
    const { fax, sent } = scriptedFaxPlus([
      { data: { records: [{ id: "n0", start_time: sec(500) }, ...Array.from({ length: 19 }, (_, i) => at(i))] } },
      { data: { records: Array.from({ length: 39 }, (_, i) => at(19 + i)) } },
      { data: { records: Array.from({ length: 50 }, (_, i) => at(i)) } },
    ]);
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 20 }));
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).boundary).toBe(sec(400));
    expect(yielded).toHaveLength(1 + 19 + 39);
    expect(sent).toEqual([{ limit: "20" }, { before: sec(401), limit: "39" }]);
  });

  it("stuck with tie order changing between calls: still no fax twice", async () => {
    const faxes = crowded(70, 5, 4);
    const { fax, sent } = fakeFaxPlus(faxes, { ties: "per-call" });
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 20 }));
    expect(error).toBeInstanceOf(PaginationError);
    expect(new Set(yielded.map((record) => record.id)).size).toBe(yielded.length);
    expect(yielded.filter((record) => record.id.startsWith("n"))).toHaveLength(5);
    expect(yielded.filter((record) => record.id.startsWith("c")).length).toBeGreaterThanOrEqual(50);
    expect(yielded.filter((record) => record.id.startsWith("o"))).toHaveLength(0);
    expectNoWastedRequests(sent, "error");
    expect(sent.length).toBeLessThanOrEqual(3);
  });
});

// ---------------------------------------------------------------------------- records the paging cannot use

describe("listAll: records without a usable start_time", () => {
  const rec = (id: string, start_time?: string) => ({ id, ...(start_time === undefined ? {} : { start_time }), pages: 1 });

  it("are yielded once, and paging goes on from the others", async () => {
    const { fax, sent } = scriptedFaxPlus([
      { data: { records: [rec("a", sec(5)), rec("x"), rec("b", sec(4))] } },
      { data: { records: [rec("b", sec(4)), rec("x"), rec("c", sec(3)), rec("d", sec(3))] } },
      { data: { records: [rec("d", sec(3)), rec("c", sec(3)), rec("y", "2024-03-10T12:00:00Z")] } },
    ]);
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 3 }));
    expect(error).toBeUndefined();
    expect(yielded.map((record) => record.id)).toEqual(["a", "x", "b", "c", "d", "y"]);
    expect(sent).toEqual([{ limit: "3" }, { before: sec(5), limit: "4" }, { before: sec(4), limit: "5" }]);
  });

  it("a full page without any: yielded, then PaginationError", async () => {
    const { fax, sent } = scriptedFaxPlus([{ data: { records: [rec("x"), rec("y", ""), rec("z", "2024-02-30 00:00:00")] } }]);
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 3 }));
    expect(yielded.map((record) => record.id)).toEqual(["x", "y", "z"]);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).message).toMatch(
      /^listAll: none of the 3 records of a full page has a start_time formatted YYYY-MM-DD HH:mm:ss/,
    );
    expect((error as PaginationError).boundary).toBeUndefined();
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["an empty object", {}],
    ["records not an array", { data: { records: "none" } }],
    ["a record that is not an object", { data: { records: [rec("a", sec(1)), null] } }],
  ])("a body that is not a fax list (%s): PaginationError", async (_name, body) => {
    const { fax, sent } = scriptedFaxPlus([body]);
    const { yielded, error } = await drain(fax.faxes.listAll());
    expect(yielded).toEqual([]);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain("without a data.records array of fax objects");
    expect(sent).toHaveLength(1);
  });

  it("a server that ignores before: PaginationError instead of looping", async () => {
    const { fax, sent } = scriptedFaxPlus([{ data: { records: [rec("a", sec(5)), rec("b", sec(4))] } }]);
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 2 }));
    expect(yielded.map((record) => record.id)).toEqual(["a", "b"]);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe(
      "listAll: listFaxes returned a fax from 2024-03-10 12:00:05 UTC when asked for faxes before 2024-03-10 12:00:05; stopped rather than risk repeating faxes",
    );
    expect(sent).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------- arguments

describe("listAll: arguments", () => {
  it.each([
    [{ after: "2024-01-01" }, /^listAll: "after" must be a UTC time formatted YYYY-MM-DD HH:mm:ss, e\.g\. .* \(got "2024-01-01"\)$/],
    [{ after: "2024-01-01T00:00:00Z" }, /"after" must be a UTC time formatted YYYY-MM-DD HH:mm:ss.*\(got "2024-01-01T00:00:00Z"\)/],
    [{ before: "2024-02-30 00:00:00" }, /"before" must be a UTC time formatted YYYY-MM-DD HH:mm:ss.*\(got "2024-02-30 00:00:00"\)/],
    [{ before: "2024-01-01 24:00:00" }, /"before" must be a UTC time formatted YYYY-MM-DD HH:mm:ss/],
    [{ before: " 2024-01-01 00:00:00" }, /"before" must be a UTC time formatted YYYY-MM-DD HH:mm:ss/],
    [{ before: 1_700_000_000 }, /"before" must be a UTC time formatted YYYY-MM-DD HH:mm:ss.*\(got 1700000000\)/],
    [{ pageSize: 0 }, /^listAll: "pageSize" must be an integer from 1 to 50 \(got 0\)$/],
    [{ pageSize: 51 }, /"pageSize" must be an integer from 1 to 50 \(got 51\)/],
    [{ pageSize: 2.5 }, /"pageSize" must be an integer from 1 to 50 \(got 2\.5\)/],
    [{ pageSize: Number.NaN }, /"pageSize" must be an integer from 1 to 50 \(got NaN\)/],
    [{ pageSize: "10" }, /"pageSize" must be an integer from 1 to 50 \(got "10"\)/],
    [{ limit: 10 }, /^listAll: unknown argument "limit" \(the number of records per request is "pageSize"\); it takes category, after/],
    [{ cursor: "x" }, /^listAll: unknown argument "cursor"; it takes category, after, before, pageSize, user_id$/],
    [null, /^listAll: the argument must be an object \(got null\)$/],
    [[], /the argument must be an object \(got an array\)/],
  ])("%j → TypeError, nothing sent", async (args, message) => {
    const { fax, sent } = fakeFaxPlus(fromGroups([3]));
    // Thrown by the call or by the first next() (the resource API may load the pager lazily).
    const first = async () => fax.faxes.listAll(args as unknown as ListAllArgs).next();
    await expect(first()).rejects.toThrow(TypeError);
    await expect(first()).rejects.toThrow(message);
    expect(sent).toHaveLength(0);
  });

  it("createListAll itself checks the arguments at call time", () => {
    const ctx = { userId: "self" } as unknown as Parameters<typeof createListAll>[0];
    expect(() => createListAll(ctx)({ pageSize: 0 })).toThrow(TypeError);
    expect(() => createListAll(ctx)({ after: "yesterday" })).toThrow('"after" must be a UTC time');
  });

  it("accepts the limits and leap days", async () => {
    const { fax, sent } = fakeFaxPlus([]);
    for (const args of [{ pageSize: 1 }, { pageSize: 50 }, { after: "2024-02-29 23:59:59", before: "2025-01-01 00:00:00" }, {}, undefined])
      expect((await drain(fax.faxes.listAll(args))).error).toBeUndefined();
    expect(sent).toHaveLength(5);
  });
});

// ---------------------------------------------------------------------------- consumer and transport

describe("listAll: stopping, errors, call options", () => {
  it.each([
    { stopAfter: 1, requests: 1 },
    { stopAfter: 5, requests: 1 },
    { stopAfter: 6, requests: 2 },
    { stopAfter: 12, requests: 3 },
  ])("breaking out after $stopAfter faxes sends $requests request(s)", async ({ stopAfter, requests }) => {
    const { fax, sent } = fakeFaxPlus(fromGroups(Array(40).fill(1)));
    let n = 0;
    for await (const _record of fax.faxes.listAll({ pageSize: 5 })) if (++n === stopAfter) break;
    expect(sent).toHaveLength(requests);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toHaveLength(requests);
  });

  it("sends nothing before the first next(), and nothing after return()", async () => {
    const { fax, sent } = fakeFaxPlus(fromGroups(Array(10).fill(1)));
    const iterator = fax.faxes.listAll({ pageSize: 2 });
    expect(sent).toHaveLength(0);
    expect((await iterator.next()).done).toBe(false);
    expect(await iterator.return?.()).toEqual({ done: true, value: undefined });
    expect((await iterator.next()).done).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it("an HTTP 500 mid-way is a ServerError after the faxes already yielded", async () => {
    const faxes = fromGroups(Array(30).fill(1));
    const { fax, sent } = fakeFaxPlus(faxes, {
      fail: (n) => (n === 3 ? Response.json({ error: "internal_error", description: "boom" }, { status: 500 }) : undefined),
    });
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 5 }, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, code: "internal_error", operationId: "listFaxes" });
    expect(ids(yielded)).toEqual(ids(faxes.slice(0, 10)));
    expect(sent).toHaveLength(3);
  });

  it("a 400 on a later page is a BadRequestError", async () => {
    const { fax } = fakeFaxPlus(fromGroups(Array(8).fill(1)), {
      fail: (n) => (n === 2 ? Response.json({ error: "invalid_param" }, { status: 400 }) : undefined),
    });
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 4 }));
    expect(yielded).toHaveLength(4);
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it("passes the call options to every page request (headers, retries)", async () => {
    let failures = 0;
    const { fax, sent } = fakeFaxPlus(fromGroups(Array(9).fill(1)), {
      // Every page fails once with a 503; maxRetries 1 (and a short Retry-After) lets each through.
      fail: (n) => (n % 2 === 1 && ++failures ? new Response("busy", { status: 503, headers: { "retry-after": "0" } }) : undefined),
    });
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 4 }, { headers: { "x-trace": "t-1" }, maxRetries: 1 }));
    expect(error).toBeUndefined();
    expect(yielded).toHaveLength(9);
    expect(sent).toHaveLength(6);
    expect(sent.map((request) => request.headers.get("x-trace"))).toEqual(Array(6).fill("t-1"));
  });

  it("an abort between pages stops with AbortError and sends nothing more", async () => {
    const controller = new AbortController();
    const { fax, sent } = fakeFaxPlus(fromGroups(Array(10).fill(1)));
    const yielded: string[] = [];
    let error: unknown;
    try {
      for await (const record of fax.faxes.listAll({ pageSize: 3 }, { signal: controller.signal })) {
        yielded.push(record.id);
        if (yielded.length === 3) controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AbortError);
    expect(yielded).toHaveLength(3);
    expect(sent).toHaveLength(1);
  });

  it("the per-call timeout applies to every page", async () => {
    const { fax, sent } = fakeFaxPlus(fromGroups(Array(6).fill(1)), {
      fail: (n, request) =>
        n === 2
          ? (new Promise((_, reject) =>
              request.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
            ) as unknown as Response)
          : undefined,
    });
    const { yielded, error } = await drain(fax.faxes.listAll({ pageSize: 3 }, { timeout: 30, maxRetries: 0 }));
    expect(yielded).toHaveLength(3);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(sent).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------- property

/** mulberry32: a tiny seeded PRNG, so every dataset can be reproduced from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("listAll: random datasets", () => {
  it("200 seeded datasets: every fax in the window once, or everything before a crowded second and a PaginationError", async () => {
    let crowdedSeen = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const random = prng(seed);
      const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
      const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
      const seconds = int(1, 40);
      const count = int(0, 150);
      const categories: Category[] = ["inbox", "sent", "spam"];
      const faxes: StoredFax[] = Array.from({ length: count }, (_, i) => ({
        id: `r${String(hash(`${seed}/${i}`)).padStart(10, "0")}`,
        // Squared: some seconds crowded, most not.
        start_time: sec(Math.floor(random() ** 2 * seconds)),
        category: random() < 0.8 ? "inbox" : pick(categories),
      }));
      if (random() < 0.1)
        for (let i = 0; i < int(40, 70); i++) faxes.push({ id: `big${seed}-${i}`, start_time: sec(int(0, 2) * 7), category: "inbox" });
      const pageSize = random() < 0.2 ? 50 : int(1, 12);
      const category = random() < 0.3 ? pick(categories) : undefined;
      const after = random() < 0.3 ? sec(int(0, seconds)) : undefined;
      const before = random() < 0.3 ? sec(int(0, seconds + 1)) : undefined;
      const ties = pick(TIES);
      const label = `seed ${seed}: ${faxes.length} faxes over ${seconds} s, pageSize ${pageSize}, ${category ?? "all"}, ${after}..${before}, ties ${ties}`;

      const expected = faxes.filter(
        (f) =>
          (category === undefined || f.category === category) &&
          (after === undefined || f.start_time >= after) &&
          (before === undefined || f.start_time < before),
      );
      const perSecond = new Map<string, number>();
      for (const f of expected) perSecond.set(f.start_time, (perSecond.get(f.start_time) ?? 0) + 1);
      const crowdedSecond = [...perSecond]
        .filter(([, n]) => n >= 50)
        .map(([s]) => s)
        .sort()
        .at(-1);

      const { fax, sent } = fakeFaxPlus(faxes, { ties });
      const args: ListAllArgs = { pageSize, ...(category ? { category } : {}), ...(after ? { after } : {}), ...(before ? { before } : {}) };
      const { yielded, error } = await drain(fax.faxes.listAll(args));
      expect(new Set(yielded.map((r) => r.id)).size, label).toBe(yielded.length);
      expectNewestFirst(yielded);
      if (crowdedSecond === undefined) {
        expect(error, label).toBeUndefined();
        expect(ids(yielded), label).toEqual(ids(expected));
        if (after === undefined || before === undefined || after < before) expectNoWastedRequests(sent);
        else expect(sent, label).toHaveLength(0);
      } else {
        crowdedSeen++;
        expect(error, label).toBeInstanceOf(PaginationError);
        expect((error as PaginationError).boundary, label).toBe(crowdedSecond);
        const expectedIds = new Set(expected.map((f) => f.id));
        for (const r of yielded) expect(expectedIds.has(r.id), label).toBe(true);
        expect(ids(yielded.filter((r) => (r.start_time ?? "") > crowdedSecond)), label).toEqual(
          ids(expected.filter((f) => f.start_time > crowdedSecond)),
        );
        expect(yielded.filter((r) => r.start_time === crowdedSecond).length, label).toBeGreaterThanOrEqual(50);
        expect(
          yielded.filter((r) => (r.start_time ?? "") < crowdedSecond),
          label,
        ).toEqual([]);
        expectNoWastedRequests(sent, "error");
      }
    }
    expect(crowdedSeen).toBeGreaterThan(3);
  });
});
