import { faxTime } from "./fixtures.js";

/** `send_time`'s format: the same with a zone offset, `YYYY-MM-DD HH:MM:SS +0000`. */
export function formatSendTime(ms: number): string {
  return `${faxTime(ms)} +0000`;
}

const FAX_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/;

/** Seconds since the epoch of a `YYYY-MM-DD HH:MM:SS` time (anything after it ignored), or `undefined`. */
export function parseFaxTimeSeconds(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const match = FAX_TIME.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (y < 100) return undefined; // Date.UTC maps years 0..99 to 1900..1999
  // Date.UTC rolls 2024-02-31 over into March: such a time is not a time.
  return faxTime(ms) === match[0] ? ms / 1000 : undefined;
}

/** Ms since the epoch of `send_time` (`YYYY-MM-DD HH:MM:SS +HHMM`), or `undefined`. */
export function parseSendTime(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const seconds = parseFaxTimeSeconds(text);
  const zone = /^.{19} ([+-])(\d{2})(\d{2})$/.exec(text);
  if (seconds === undefined || !zone) return undefined;
  const offsetMinutes = (Number(zone[2]) * 60 + Number(zone[3])) * (zone[1] === "-" ? -1 : 1);
  return (seconds - offsetMinutes * 60) * 1000;
}
