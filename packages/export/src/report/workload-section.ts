import { formatNumber, formatShare } from '@procmap/analysis';
import { INK_MUTED } from '../theme';
import { cleanText } from '../text';
import type { ReportContext } from './report-context';

const pct = (x: number | null) => (x === null ? 'n/a' : formatShare(x));

/** "Workload by role": each role's people, work per case and utilisation, and what that means. */
export function workloadSection({ flow, analysis, index, settings, time }: ReportContext): void {
  const m = analysis.metrics;
  flow.heading('Workload by role');
  flow.text(
    'Work per case is the hands-on time each role spends on one case. Utilisation compares the work that demand brings with the time the role’s people have: at 100% or more the role cannot keep up and its queue grows.',
    { color: INK_MUTED, after: 10 },
  );
  const c = flow.column;
  flow.table(
    [
      { title: 'Role', x: 0, w: c * 0.3 },
      { title: 'People', x: c * 0.3, w: c * 0.1, align: 'end' },
      { title: 'Work per case', x: c * 0.42, w: c * 0.16, align: 'end' },
      { title: 'Utilisation', x: c * 0.6, w: c * 0.13, align: 'end' },
      { title: 'What it means', x: c * 0.76, w: c * 0.24 },
    ],
    m.roles.map((r) => {
      const role = index.role(r.roleId);
      return [
        cleanText(r.name),
        role?.headcount !== undefined ? String(role.headcount) : '—',
        time(r.workPerCase),
        pct(r.utilisation),
        workloadMeaning(r.utilisation, r.queueGrowthPerPeriod, settings.demand?.per),
      ];
    }),
  );
  if (m.roles.every((r) => r.utilisation === null)) {
    flow.text(
      'Utilisation needs the demand (cases per period) in the map settings and each role’s headcount.',
      { color: INK_MUTED },
    );
  }
}

/** A role's utilisation in words: whether it keeps up, and how fast its queue grows if not. */
function workloadMeaning(
  utilisation: number | null,
  growth: number | null,
  per: string | undefined,
): string {
  if (utilisation === null) return 'Not known (needs demand and headcount)';
  if (utilisation >= 1) {
    const g =
      growth === null
        ? ''
        : `: about ${formatNumber(growth)} more cases waiting each ${per ?? 'period'}`;
    return `Cannot keep up${g}`;
  }
  if (utilisation >= 0.85) return 'Near its limit: queues build at busy times';
  return 'Has room';
}
