// The one clock of the Node side: every stored time (created_at, deleted_at, locked_at …) and every "today" the
// services use comes from here, so a test or the test bridge can reason about one source of time.

/** An instant as stored in the ledger: ISO 8601 in UTC. */
export function nowIso(at = new Date()): string {
  return at.toISOString();
}

/** Today in the office's local time, YYYY-MM-DD (the date 暂定 and 逾期 are judged by). */
export function today(at = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
