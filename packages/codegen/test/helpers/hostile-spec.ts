import { escapeToken } from "../../src/load/json-pointer.js";

/** Every slot of the small spec a test can fill with an arbitrary string. */
export interface NameSlots {
  /** Two component schemas (the first refers to the second). */
  schemas: [string, string];
  /** A property of the first schema, required, whose value is the enum below. */
  property: string;
  enumValue: string;
  /** Two operations, both under `tag`. */
  operationIds: [string, string];
  tag: string;
  /** A query parameter of the first operation. */
  parameter: string;
  description: string;
  title: string;
}

/** A local `$ref` to a component schema, escaped as RFC 6901 and as a URI fragment. */
export function schemaRef(name: string): string {
  return `#/components/schemas/${encodeURIComponent(escapeToken(name))}`;
}

/**
 * A small OpenAPI 3.0 document with every slot in place, as JSON text. Objects are built from
 * entries, so a slot holding `__proto__` is an own key, as it is when the spec is parsed.
 */
export function hostileSpec(slots: NameSlots): string {
  const [first, second] = slots.schemas;
  const described = { description: slots.description };
  const entries = Object.fromEntries;
  const document = {
    openapi: "3.0.3",
    info: { title: slots.title, version: "1.0.0", ...described },
    paths: entries([
      [
        "/items/{id}",
        {
          get: {
            operationId: slots.operationIds[0],
            tags: [slots.tag],
            summary: slots.description,
            ...described,
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "string" } },
              { name: slots.parameter, in: "query", ...described, schema: { type: "string", enum: [slots.enumValue] } },
            ],
            responses: {
              "200": { ...described, content: { "application/json": { schema: { $ref: schemaRef(first) } } } },
            },
          },
          put: {
            operationId: slots.operationIds[1],
            tags: [slots.tag],
            // Every `{name}` of a path template is a declared path parameter (the generator refuses a spec without).
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            requestBody: { required: true, content: { "application/json": { schema: { $ref: schemaRef(second) } } } },
            responses: { "204": described },
          },
        },
      ],
    ]),
    components: {
      schemas: entries([
        [
          first,
          {
            type: "object",
            title: slots.title,
            ...described,
            required: [slots.property],
            properties: entries([
              [slots.property, { type: "string", enum: [slots.enumValue], ...described, example: slots.description }],
              ["next", { $ref: schemaRef(second) }],
            ]),
          },
        ],
        [second, { type: "object", title: slots.title, ...described, properties: { label: { type: "string" } } }],
      ]),
    },
  };
  return JSON.stringify(document, null, 2);
}
