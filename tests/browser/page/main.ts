/**
 * The browser page: the client with the validation middleware, against the mock given in
 * the query string (`?mock=http://127.0.0.1:<port>/v3`, another origin than the page's, so
 * every call is a CORS request). Each step renders its result as JSON into an `<output>`;
 * `#status` ends as `done`, or `error: …` when a step threw.
 */
import { createFaxPlusClient } from "@faxkit/client";
import { FaxValidationError } from "@faxkit/validator";
import { validationMiddleware } from "@faxkit/validator/middleware";

/** IDs `bulkUpdateAll` sends: more than the API's 100 per request, so two chunks. */
const BULK_ALL_IDS = 150;

function render(id: string, value: unknown): void {
  const output = document.getElementById(id);
  if (!output) throw new Error(`no #${id} on the page`);
  output.textContent = typeof value === "string" ? value : JSON.stringify(value);
}

async function main(): Promise<void> {
  const baseUrl = new URLSearchParams(location.search).get("mock");
  if (!baseUrl) throw new Error("missing ?mock=<base URL of the mock>");
  // Without the flag, a client in a page refuses to exist: its token would reach every visitor.
  try {
    createFaxPlusClient({ baseUrl, token: "browser-token" });
    render("guard", { thrown: false });
  } catch (error) {
    render("guard", { thrown: true, mentionsFlag: String(error).includes("dangerouslyAllowBrowser") });
  }
  // This page stands for an app holding the visitor's own OAuth2 access token, fetched at run time.
  const fax = createFaxPlusClient({ baseUrl, token: "browser-token", validate: validationMiddleware(), dangerouslyAllowBrowser: true });

  const page = await fax.faxes.list({ category: "inbox" });
  const ids = (page.data?.records ?? []).map((record) => record.id);
  render("faxes", { count: ids.length, ids });

  const bulk = await fax.faxes.bulkUpdate({ ids, is_read: true });
  render("bulk", bulk);

  // Loads the lazily imported bulk helper: a chunk of its own in the bundle.
  const many = Array.from({ length: BULK_ALL_IDS }, (_, i) => i.toString(16).padStart(24, "0"));
  const all = await fax.faxes.bulkUpdateAll({ ids: many, is_read: true });
  render("bulk-all", {
    summary: all.summary,
    results: all.results.length,
    allOk: all.results.every((result, i) => result.ok && result.code === 204 && result.id === many[i]),
  });

  // An empty `ids` breaks the spec (`minItems: 1`): the middleware must reject it before sending.
  try {
    await fax.faxes.bulkUpdate({ ids: [], is_read: true });
    render("invalid", { thrown: false });
  } catch (error) {
    const e = error as Error;
    render("invalid", {
      thrown: true,
      name: e.name,
      isFaxValidationError: error instanceof FaxValidationError,
      subject: error instanceof FaxValidationError ? error.subject : undefined,
      paths: error instanceof FaxValidationError ? error.issues.map((issue) => issue.path) : undefined,
      message: e.message,
    });
  }
}

main().then(
  () => render("status", "done"),
  (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    render("status", `error: ${e.name}: ${e.message}`);
  },
);
