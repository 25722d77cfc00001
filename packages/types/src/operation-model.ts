/**
 * The operation model in one import: the hand-written interfaces that the generated
 * `operations` and `operationCalls` tables are checked against (`faxkit.config.json` names
 * this module in `operationTable.interfaces`). The generator writes data only, never these.
 */
export type { OperationCall } from "./operation-call.js";
export type { OperationMeta } from "./operation-meta.js";
