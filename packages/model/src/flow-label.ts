/** What a flow shows, as on the canvas: its label, its share of cases, or both ("Yes · 80%"). */
export function flowLabel(
  label: string | undefined,
  probability: number | undefined,
): string | undefined {
  const share =
    typeof probability === 'number' && Number.isFinite(probability)
      ? `${Math.round(probability * 100)}%`
      : '';
  const text = typeof label === 'string' ? label : '';
  return [text, share].filter(Boolean).join(' · ') || undefined;
}
