import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";
import type { OpenApiDocument } from "./mock-spec.js";

/** Prism, in this process, on 127.0.0.1 with a free port: no child process to leave behind. */
export async function startPrism(document: OpenApiDocument, options: { dynamic: boolean; seed: string | undefined }) {
  const operations = await getHttpOperationsFromSpec(document);
  const server = createServer(operations, {
    cors: false, // the front server answers CORS
    components: { logger: createLogger("faxkit-mock", { level: "silent" }) },
    config: {
      isProxy: false,
      upstreamProxy: undefined,
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      errors: false,
      mock: { dynamic: options.dynamic, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
    },
  });
  const url = await server.listen(0, "127.0.0.1");
  return { url, operations: operations.length, close: () => server.close() };
}
