import { formatDuration } from '@procmap/model';

/*
 * The one way the product writes its figures: durations, shares and money look the same in the
 * findings, the editor's Analysis tab, the command line and the report.
 */

/**
 * A duration as people read it, as precise as it is useful: `12.5 min`, `2 h 51 min`, `69.6 d`
 * (a day is `hoursPerDay` working hours). Whole minutes from an hour, tenths of a day from a day.
 *
 * @example formatMinutes(171.4, 7.5) // "2 h 51 min"
 */
export function formatMinutes(minutes: number, hoursPerDay: number): string {
  if (!Number.isFinite(minutes)) return 'n/a';
  const day = hoursPerDay * 60;
  // Two significant decimals read as precision the inputs never had: 35.29 min is 35.3 min.
  let shown = minutes >= 10 ? Math.round(minutes * 10) / 10 : Math.round(minutes * 100) / 100;
  if (day > 0 && minutes >= day) shown = (Math.round((minutes / day) * 10) / 10) * day;
  else if (minutes >= 60) shown = Math.round(minutes);
  return formatDuration(shown, { hoursPerDay });
}

/**
 * A share as a percentage with at most one decimal: 0.1083 → `10.8%`, 0.001 → `0.1%` (an
 * efficiency that small is the finding, not "0%").
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return 'n/a';
  return `${Math.round(share * 1000) / 10}%`;
}

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

/**
 * An amount of money in the map's currency (an ISO code such as GBP): `£32.74`, `€1,200.00`;
 * an unknown code follows the number (`32.74 XYZ`); no currency, the number alone (`32.74`).
 */
export function formatMoney(amount: number, currency?: string): string {
  if (!Number.isFinite(amount)) return 'n/a';
  const code = typeof currency === 'string' ? currency.trim() : '';
  let format = moneyFormats.get(code);
  if (format === undefined) {
    try {
      format =
        code === ''
          ? null
          : new Intl.NumberFormat('en-GB', {
              style: 'currency',
              currency: code,
              minimumFractionDigits: 2,
              maximumFractionDigits: 2,
            });
    } catch {
      format = null; // not a currency code
    }
    moneyFormats.set(code, format);
  }
  if (format) return format.format(amount);
  const plain = new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
  return code === '' ? plain : `${plain} ${code}`;
}

/** A count or rate with at most one decimal: `1.3`, `12`. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return String(Math.round(n * 10) / 10);
}
