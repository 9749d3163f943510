// Exact point arithmetic. Regulations print scores such as 135.4 and give half points, so points are kept to one
// decimal: every sum and product is done on integer tenths (never 0.1 + 0.2 = 0.30000000000000004) and turned back
// into a number only at the end. Rounding, where a factor or a split needs it, is half up to a tenth (docs/规则文件.md).

/** Points as integer tenths (1.5 → 15). Rule values are validated to one decimal, so this is exact. */
export function toTenths(points: number): number {
  return Math.round(points * 10);
}

/** Integer tenths back to points (15 → 1.5); never −0. */
export function fromTenths(tenths: number): number {
  return tenths === 0 ? 0 : tenths / 10;
}

/** a / b for integers, rounded half away from zero (b > 0). */
export function roundDiv(a: number, b: number): number {
  const q = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 ? -q : q;
}

/** The exact sum of point values. */
export function sumPoints(values: readonly number[]): number {
  let t = 0;
  for (const v of values) t += toTenths(v);
  return fromTenths(t);
}

/** a + b − … exactly. */
export function addPoints(...values: number[]): number {
  return sumPoints(values);
}

/** Points times a factor with at most two decimals (a quantity, 0.5 for a picture item, ×2 for a forwarded item). */
export function timesPoints(points: number, factor: number): number {
  return fromTenths(roundDiv(toTenths(points) * Math.round(factor * 100), 100));
}

/** Whether a value has at most `decimals` decimals (1.5 yes, 1.55 no for one decimal). */
export function hasDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Points as the office prints them: whole numbers as they are, otherwise one decimal (135, 135.4, −0.5). */
export function formatPoints(points: number): string {
  const t = toTenths(points);
  return t % 10 === 0 ? String(fromTenths(t)) : fromTenths(t).toFixed(1);
}
