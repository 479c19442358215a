import type { ProcessDoc } from '@procmap/doc';
import { DEFAULT_THRESHOLDS, type Thresholds } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';
import { TextField } from './fields';
import { parseNumber, showNumber } from './parse-number';
import { BackToMap } from './BackToMap';
import { runCommand } from './run-command';
import { overrides, type ScenarioSettings } from './scenario-settings';

/** How each threshold is typed and shown: shares as percentages, the rest as plain numbers. */
const FIELDS: readonly {
  readonly key: keyof Thresholds;
  readonly label: string;
  readonly unit: '%' | 'min' | 'd' | '×';
}[] = [
  { key: 'longWaitShare', label: 'Long wait: share of all waiting', unit: '%' },
  { key: 'longWaitEfficiency', label: 'Long wait: own efficiency at most', unit: '%' },
  { key: 'longWaitMinutes', label: 'Long wait: with a wait of at least', unit: 'min' },
  { key: 'longWaitDays', label: 'Long wait: always from', unit: 'd' },
  { key: 'bottleneckUtilisation', label: 'Bottleneck: role utilisation from', unit: '%' },
  { key: 'bottleneckCritical', label: 'Bottleneck: critical from', unit: '%' },
  { key: 'handoffShare', label: 'Handoffs: share of flows above', unit: '%' },
  { key: 'completeAccurate', label: '% complete and accurate below', unit: '%' },
  { key: 'rolledCompleteAccurate', label: 'Rolled % complete and accurate below', unit: '%' },
  { key: 'approvalWaitRatio', label: 'Approval waits longer than it takes by', unit: '×' },
  { key: 'unusedSkillsCostRatio', label: 'Unused skills: hourly cost vs median', unit: '×' },
];

const shown = (value: number, unit: string) =>
  unit === '%' ? showNumber(Math.round(value * 1000) / 10) : showNumber(value);

/**
 * The levels at which the waste analysis raises a finding, per map (settings.analysis); an
 * empty field takes the documented default, shown as its hint.
 */
export function AnalysisThresholds({
  doc,
  map,
  readOnly,
  owner = null,
}: {
  doc: ProcessDoc;
  map: ProcessMap;
  readOnly: boolean;
  /** The scenario shown, whose settings these are; null on the as-is. */
  owner?: ScenarioSettings | null;
}) {
  const changed = overrides(owner, 'analysis');
  const stored = ((map.settings as { analysis?: Partial<Thresholds> } | undefined)?.analysis ??
    {}) as Partial<Thresholds>;
  const write = (key: keyof Thresholds, value: number | undefined) => {
    const next: Record<string, number> = { ...stored };
    if (value === undefined) delete next[key];
    else next[key] = value;
    return runCommand(() =>
      doc.updateSettings({ analysis: Object.keys(next).length > 0 ? next : undefined }),
    );
  };
  return (
    <details className="panel-group panel-details" data-testid="analysis-thresholds">
      <summary>Analysis thresholds{changed ? ' (changed in this scenario)' : ''}</summary>
      {changed && (
        <BackToMap
          what="analysis thresholds"
          disabled={readOnly}
          onClick={() => runCommand(() => doc.updateSettings({ analysis: undefined }))}
        />
      )}
      {FIELDS.map(({ key, label, unit }) => (
        <TextField
          key={key}
          label={`${label} (${unit})`}
          value={stored[key] === undefined ? '' : shown(stored[key] as number, unit)}
          hint={`Empty = ${shown(DEFAULT_THRESHOLDS[key], unit)} ${unit}`}
          disabled={readOnly}
          inputMode="decimal"
          onCommit={(text) => {
            const parsed = parseNumber(text.replace(/%\s*$/, ''), {
              min: 0,
              ...(unit === '%' && key !== 'bottleneckCritical' && key !== 'bottleneckUtilisation'
                ? { max: 100 }
                : {}),
              what: label,
            });
            if (!parsed.ok) return parsed.message;
            if (parsed.value === undefined) return write(key, undefined);
            return write(key, unit === '%' ? parsed.value / 100 : parsed.value);
          }}
        />
      ))}
    </details>
  );
}
