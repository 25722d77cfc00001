import ts from "typescript";

/** What each top-level declaration of openapi-typescript's output holds, for readers of the API reference. */
const TOP_LEVEL: Readonly<Record<string, string>> = {
  paths: "Every path of the API by URL template: per method, the operation's parameters, request body and responses.",
  webhooks: "The spec's top-level `webhooks` (OpenAPI 3.1), by name.",
  components: "The spec's reusable parts: `schemas`, `responses`, `parameters`, `requestBodies`, `headers`, `pathItems`.",
  $defs: "JSON Schema `$defs` declared at the spec's top level.",
  operations: "Every operation by its `operationId`: parameters, request body and responses.",
};

/** Puts a doc comment on `paths`, `components`, `operations`, … (openapi-typescript writes none). */
export function describeTopLevel(nodes: readonly ts.Node[]): void {
  for (const node of nodes) {
    if (!ts.isInterfaceDeclaration(node) && !ts.isTypeAliasDeclaration(node)) continue;
    const text = TOP_LEVEL[node.name.text];
    if (text !== undefined) ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, `*\n * ${text}\n `, true);
  }
}
