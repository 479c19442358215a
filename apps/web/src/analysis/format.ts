/** A duration for reading at a glance: "8 min", "3.5 h", "2.1 d" (working days of hoursPerDay). */
export function formatSpan(minutes: number, hoursPerDay: number): string {
  if (!Number.isFinite(minutes)) return '—';
  if (minutes === 0) return '0 min';
  if (minutes < 1) return '< 1 min';
  const one = (n: number) => String(Math.round(n * 10) / 10);
  if (minutes < 60) return `${one(minutes)} min`;
  const day = hoursPerDay * 60;
  if (day > 0 && minutes >= day) return `${one(minutes / day)} d`;
  return `${one(minutes / 60)} h`;
}

/** A share as a whole percentage: 0.1083 → "11%". */
export function formatShare(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`;
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
