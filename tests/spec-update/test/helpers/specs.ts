// New vendor specs for the tests, made from the current openapi/faxplus.yaml by text edits at
// anchors that must each occur exactly once, so that the new file differs from the current one
// only where a test says (the way a vendor release differs), and a test fails loudly if the
// current spec no longer has the anchor.
import { isMap, isScalar, parseDocument } from "yaml";

function edit(text: string, anchor: string, replacement: string): string {
  const count = text.split(anchor).length - 1;
  if (count !== 1) throw new Error(`spec fixture: expected the anchor once in openapi/faxplus.yaml, found it ${count} times:\n${anchor}`);
  return text.replace(anchor, replacement);
}

/** The current spec's `info.version` line (`  version: 3.4.0`). */
export function specVersion(text: string): string {
  const version = parseDocument(text).getIn(["info", "version"]);
  if (typeof version !== "string") throw new Error("spec fixture: openapi/faxplus.yaml has no info.version");
  return version;
}

export function withVersion(text: string, version: string): string {
  return edit(text, `\n  version: ${specVersion(text)}\n`, `\n  version: ${version}\n`);
}

/** The optional query parameter added to listFaxes. */
export const NEW_QUERY_PARAMETER = "is_read";
/** The operation added: GET /hooks/{hook_id}. */
export const NEW_OPERATION = "getWebhook";
/** The operation whose description changes. */
export const REDESCRIBED_OPERATION = "getFax";
export const NEW_GET_FAX_DESCRIPTION = "Returns one fax record, with its pages, duration, status, cost and parties.";

/** A description change only (getFax): a patch-level change. */
export function withNewDescription(text: string): string {
  return edit(
    text,
    "description: Returns one fax record (pages, duration, status, cost, parties...).",
    `description: ${NEW_GET_FAX_DESCRIPTION}`,
  );
}

/**
 * The 3.5.0 release of the tests: listFaxes gets the optional query parameter `is_read`, the new
 * operation getWebhook (GET /hooks/{hook_id}), getFax a new description, info.version 3.5.0.
 */
export function release350(text: string): string {
  let next = withVersion(text, "3.5.0");
  next = edit(
    next,
    "            maximum: 50\n            default: 50\n",
    [
      "            maximum: 50",
      "            default: 50",
      `        - name: ${NEW_QUERY_PARAMETER}`,
      "          in: query",
      "          required: false",
      "          description: Only read (true) or unread (false) faxes.",
      "          schema:",
      "            type: boolean",
      "",
    ].join("\n"),
  );
  next = edit(
    next,
    "  /hooks/{hook_id}:\n",
    [
      "  /hooks/{hook_id}:",
      "    get:",
      "      tags:",
      "        - Webhooks",
      "      summary: Get webhook",
      "      description: Returns one webhook by its id.",
      `      operationId: ${NEW_OPERATION}`,
      "      parameters:",
      "        - $ref: '#/components/parameters/HookId'",
      "      responses:",
      "        '200':",
      "          description: The webhook",
      "          content:",
      "            application/json:",
      "              schema:",
      "                $ref: '#/components/schemas/Webhook'",
      "        '401':",
      "          $ref: '#/components/responses/UnauthorizedError'",
      "        '404':",
      "          $ref: '#/components/responses/NotFoundError'",
      "      security:",
      "        - oauth2:",
      "            - all",
      "        - personal_access_token:",
      "            - fax:all:read",
      "",
    ].join("\n"),
  );
  return withNewDescription(next);
}

/** 3.5.0 with listFaxes renamed: the client's hand-written listAll calls "listFaxes", so tsc fails. */
export function release350RenamingListFaxes(text: string): string {
  return edit(release350(text), "operationId: listFaxes\n", "operationId: listFaxRecords\n");
}

/** 3.5.0 without BulkFaxUpdateRequest.ids: overlay 01-bulk-update-faxes.yaml's first action targets its items. */
export function release350WithoutBulkIds(text: string): string {
  const doc = parseDocument(withVersion(text, "3.5.0"));
  const schema = ["components", "schemas", "BulkFaxUpdateRequest"];
  if (!doc.hasIn([...schema, "properties", "ids"])) throw new Error("spec fixture: BulkFaxUpdateRequest.properties.ids is gone already");
  doc.deleteIn([...schema, "properties", "ids"]);
  doc.deleteIn([...schema, "required"]);
  return doc.toString();
}

/** The operation the client uses that {@link release350WithoutUpload} removes. */
export const REMOVED_OPERATION = "uploadFile";

/**
 * 3.5.0 without POST /accounts/{user_id}/files (uploadFile): no overlay targets it and the config
 * does not rename it, so the spec applies, but the client's hand-written `files.upload` calls it,
 * so tsc fails.
 */
export function release350WithoutUpload(text: string): string {
  const doc = parseDocument(withVersion(text, "3.5.0"));
  const path = ["paths", "/accounts/{user_id}/files"];
  const item = doc.getIn(path);
  const methods = isMap(item) ? item.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key)) : [];
  if (methods.join() !== "post" || doc.getIn([...path, "post", "operationId"]) !== REMOVED_OPERATION)
    throw new Error(`spec fixture: ${path[1]} no longer holds just ${REMOVED_OPERATION} (post)`);
  doc.deleteIn(path);
  return doc.toString();
}

/** The same spec with a comment appended: different bytes, same content, same version. */
export function withComment(text: string): string {
  return `${text.endsWith("\n") ? text : `${text}\n`}# republished by the vendor on a later date\n`;
}

/** Not YAML: an unclosed flow sequence (line 7). */
export const UNPARSEABLE = [
  "openapi: 3.0.1",
  "info:",
  "  title: Fax.Plus REST API",
  "  version: 3.5.0",
  "paths:",
  "  /accounts:",
  "    get: [oops",
  "",
].join("\n");

/** YAML, but not an OpenAPI document. */
export const NOT_OPENAPI = ["name: faxplus", "description: a package manifest, not an API description", "items: [1, 2, 3]", ""].join("\n");
