/**
 * A share as a percentage to one decimal, as the report prints it: 0.1083 → "10.8%", 0.001 →
 * "0.1%" (a process cycle efficiency that small is the finding, not "0%").
 */
export function formatShare(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '—' : `${Math.round(share * 1000) / 10}%`;
}

/** Money per case in the map's currency (GBP when the map does not say). */
export function formatMoney(amount: number | null, currency: string | undefined): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: currency ?? 'GBP',
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}
