/** Parses a typed number for a field; empty text clears the field (undefined). */
export function parseNumber(
  text: string,
  rule: {
    readonly min?: number;
    readonly max?: number;
    readonly above?: number;
    readonly what: string;
  },
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${rule.what} must be a number.` };
  if (rule.above !== undefined && !(value > rule.above)) {
    return { ok: false, message: `${rule.what} must be more than ${rule.above}.` };
  }
  if (rule.min !== undefined && value < rule.min) {
    return { ok: false, message: `${rule.what} cannot be less than ${rule.min}.` };
  }
  if (rule.max !== undefined && value > rule.max) {
    return { ok: false, message: `${rule.what} cannot be more than ${rule.max}.` };
  }
  return { ok: true, value };
}

/** A stored number as a field shows it (empty when unset). */
export function showNumber(value: number | undefined): string {
  return value === undefined ? '' : String(Math.round(value * 1000) / 1000);
}
