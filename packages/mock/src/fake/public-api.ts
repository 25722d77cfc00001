/**
 * The fake's vocabulary that both entries (`@faxkit/mock` and `@faxkit/mock/msw`) export:
 * fixtures, seeds and the controls' types. One list, so the two entries cannot drift apart.
 */
export { fixtures } from "./engine/fixtures.js";
export type { SeedFile } from "./engine/seed.js";
export type {
  FailNextOptions,
  FakeClock,
  FakeControls,
  FakeHandler,
  FakeHandlerResult,
  FakeSeed,
  LoggedRequest,
} from "./fake-types.js";
