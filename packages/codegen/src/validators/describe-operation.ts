import { escapeToken, followRefs } from "../load/json-pointer.js";
import { isObject, type JsonObject, type listOperations } from "../model/operations.js";
import { effectiveParameters } from "../model/parameters.js";

/** What one operation asks the validators to check: parameters, the JSON request body, each response. */
export interface OperationSchemas {
  params: JsonObject;
  body: { schema: unknown; schemaPath: string } | undefined;
  bodyRequired: boolean;
  bodyContentType: string | null;
  responses: (
    | { status: string; kind: "json"; schema: unknown; schemaPath: string }
    | { status: string; kind: "empty" | "other"; contentTypes: string[] }
  )[];
}

const isJson = (mediaType: string) => /^application\/(?:[\w.+-]*\+)?json(?:;|$)/i.test(mediaType);

/** The schemas of one operation, in the shapes the validators check. */
export function describeOperationSchemas(document: JsonObject, entry: ReturnType<typeof listOperations>[number]): OperationSchemas {
  const op = entry.operation;
  const base = `#${entry.pointer}`;
  // Parameters become one object schema { path, query, header }: path and query admit only
  // declared names; headers may carry anything else (clients add their own).
  // Keyed by spec names, so a Map: a parameter named `__proto__` must stay a parameter.
  const byLocation = new Map<string, { properties: [string, unknown][]; required: string[] }>();
  for (const parameter of effectiveParameters(document, entry)) {
    const location = parameter.in as string;
    if (location === "cookie") continue;
    const slot = byLocation.get(location) ?? { properties: [], required: [] };
    byLocation.set(location, slot);
    slot.properties.push([parameter.name as string, parameter.schema ?? {}]);
    if (parameter.required === true) slot.required.push(parameter.name as string);
  }
  const params: JsonObject = { type: "object", additionalProperties: false, properties: {}, required: [] };
  for (const location of ["path", "query", "header"]) {
    const slot = byLocation.get(location);
    if (!slot) continue;
    (params.properties as JsonObject)[location] = {
      type: "object",
      // fromEntries defines own properties (`__proto__` included), unlike assignment.
      properties: Object.fromEntries(slot.properties),
      ...(slot.required.length > 0 ? { required: slot.required } : {}),
      ...(location === "header" ? {} : { additionalProperties: false }),
    };
    if (slot.required.length > 0) (params.required as string[]).push(location);
  }
  if ((params.required as string[]).length === 0) delete params.required;
  // `params` may also be left out entirely when nothing is required.

  const request = followRefs(document, op.requestBody, `${base}/requestBody`);
  const requestBody = isObject(request.value) ? request.value : undefined;
  const content = requestBody && isObject(requestBody.content) ? requestBody.content : {};
  const mediaTypes = Object.keys(content);
  const jsonType = mediaTypes.find(isJson);
  const jsonMedia = jsonType ? (content[jsonType] as JsonObject) : undefined;
  const body =
    jsonType && jsonMedia && jsonMedia.schema !== undefined
      ? { schema: jsonMedia.schema, schemaPath: `${request.pointer}/content/${escapeToken(jsonType)}/schema` }
      : undefined;

  const responses: OperationSchemas["responses"] = [];
  const declared = isObject(op.responses) ? op.responses : {};
  for (const status of Object.keys(declared)) {
    const response = followRefs(document, declared[status], `${base}/responses/${escapeToken(status)}`);
    const responseContent = isObject(response.value) && isObject(response.value.content) ? response.value.content : {};
    const types = Object.keys(responseContent);
    const json = types.find(isJson);
    const media = json ? (responseContent[json] as JsonObject) : undefined;
    if (json && media) {
      responses.push({
        status,
        kind: "json",
        schema: media.schema ?? {},
        schemaPath: `${response.pointer}/content/${escapeToken(json)}/schema`,
      });
    } else responses.push({ status, kind: types.length === 0 ? "empty" : "other", contentTypes: types });
  }
  return {
    params,
    body,
    bodyRequired: requestBody?.required === true,
    bodyContentType: jsonType ?? mediaTypes[0] ?? null,
    responses,
  };
}
