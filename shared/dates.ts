// Tolerant date reading for imports and entry: Excel serials, Date cells (read as UTC, pitfalls: exceljs #486),
// 2019-04-03, 2019/4/3, 2019.4.3, 2019年4月3日, 20190403. Impossible dates are rejected, never rolled over.
import { LEDGER_YEARS } from './field-limits';
import { daysInMonth } from './periods';

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isoIfValid(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < LEDGER_YEARS.first || y > LEDGER_YEARS.last || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the fictitious 1900-02-29 (serial 60). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial + 1e-9);
  if (whole < 61 || whole > 73050) return null; // 1900-03-01 .. 2099-12-31; earlier serials are never ledger dates
  const ms = Date.UTC(1899, 11, 30) + whole * 86400000;
  const d = new Date(ms);
  return isoIfValid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const FULLWIDTH_DIGITS = /[\uFF10-\uFF19\uFF0E\uFF0F\uFF0D]/g;

export function parseDateText(raw: string): string | null {
  const t = raw
    .replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/[—–－]/g, '-');
  if (t === '') return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  // ISO date-time text such as 2019-04-03T00:00:00
  m = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+Z?$/.exec(t);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** A value read from a spreadsheet cell or typed by a clerk → YYYY-MM-DD, or null when it is not a real date. */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return isoIfValid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    // 20190403 typed as a number in a date column
    if (value >= 19000101 && value <= 21001231 && Number.isInteger(value)) return parseDateText(String(value));
    return excelSerialToIso(value);
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed) && trimmed.length <= 5) return excelSerialToIso(Number(trimmed));
    return parseDateText(trimmed);
  }
  return null;
}

/** YYYY-MM (启用月份/停用月份); also accepts a full date or 2019年4月. */
export function toIsoMonth(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim().replace(/\s+/g, '');
    const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
    if (m) {
      const month = Number(m[2]);
      const year = Number(m[1]);
      if (month >= 1 && month <= 12 && year >= 1900 && year <= 2100) return `${year}-${pad2(month)}`;
      return null;
    }
  }
  const d = toIsoDate(value);
  return d ? d.slice(0, 7) : null;
}

const realDate = (y: number, m: number, d: number): string | null =>
  Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
    ? `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
    : null;

/**
 * A value that is a real calendar date (or an Excel date serial) outside the years a ledger holds — 1899-12-30,
 * 9999-12-31, serial 0 or 3,000,000 — as the clerk should see it named; null for anything else. So the clerk is
 * told the year is out of reach, not that the date is malformed.
 */
export function dateOutsideLedger(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return realDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  let serial: number | null = null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (Number.isInteger(value) && value >= 10000101 && value <= 99991231) {
      const t = String(value);
      return realDate(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)));
    }
    serial = value;
  }
  if (typeof value === 'string') {
    const t = value
      .replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\s+/g, '')
      .replace(/[—–－]/g, '-');
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
    if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (/^-?\d+(\.\d+)?$/.test(t)) serial = Number(t);
  }
  if (serial === null) return null;
  if (serial >= 61 && serial <= 73050) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999 || d.getUTCFullYear() < 0) return `日期序号 ${serial}`;
  return `日期序号 ${serial}（${realDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? ''}）`;
}
