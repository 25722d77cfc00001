import { type Fax, toFaxTime } from "@faxkit/client";
import type { fixtures as Fixtures } from "@faxkit/mock";

const HOUR_MS = 3_600_000;

/**
 * What `faxplus mock --demo` seeds, so there is something to list, read and mark: received
 * faxes (the newest unread), sent ones, a failed send and one in spam, an hour apart and
 * ending now.
 */
export function demoFaxes(fixtures: typeof Fixtures, now = Date.now()): Fax[] {
  const kinds: Partial<Fax>[] = [
    { is_read: false, pages: 2, comment: "Signed contract" },
    { is_read: false, pages: 1 },
    { is_read: false, pages: 4, comment: "Invoice 2291" },
    { direction: "outgoing", is_read: true, pages: 3, comment: "Quote for ACME" },
    { is_read: true, pages: 1 },
    { direction: "outgoing", is_read: true, status: "failed_user_busy", description: "User busy", pages: 2 },
    { is_read: true, is_spam: true, pages: 1, comment: "Win a cruise" },
    { direction: "outgoing", is_read: true, pages: 5 },
    { is_read: true, pages: 2 },
    { is_read: true, pages: 1, comment: "Lab results" },
  ];
  return kinds.map((kind, index) => {
    const at = toFaxTime(new Date(now - index * HOUR_MS));
    return fixtures.fax({ ...kind, start_time: at, last_update: at, ...(kind.direction === "outgoing" ? { submit_time: at } : {}) });
  });
}
