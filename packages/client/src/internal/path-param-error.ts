// Kept for the importers of this path; the function lives beside the check it reports on.
export { pathParamError } from "./path-param.js";
