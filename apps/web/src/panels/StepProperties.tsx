import type { ProcessDoc, StepPatch } from '@procmap/doc';
import {
  ACTIVITIES,
  formatDuration,
  type MapIndex,
  resolveSettings,
  STEP_KINDS,
  type Step,
  VALUE_CLASSES,
  MAX_LABEL_LENGTH,
} from '@procmap/model';
import { mapGeometry } from '@procmap/layout';
import { useMemo } from 'react';
import { ConnectPicker } from './ConnectPicker';
import { SelectField, TextAreaField, TextField } from './fields';
import { parseNumber, showNumber } from './parse-number';
import { runCommand } from './run-command';
import { TagField } from './TagField';
import { TimeVariationField } from './TimeVariationField';
import { type TimeField, timePatch } from './time-variation';

const KIND_LABELS: Record<Step['kind'], string> = {
  start: 'Start',
  task: 'Task',
  decision: 'Decision',
  delay: 'Delay',
  end: 'End',
};

const VALUE_LABELS: Record<NonNullable<Step['valueClass']>, string> = {
  'value-adding': 'Value-adding',
  necessary: 'Necessary',
  waste: 'Waste',
};

const ACTIVITY_LABELS: Record<NonNullable<Step['activity']>, string> = {
  work: 'Work',
  approval: 'Approval',
  inspection: 'Inspection',
  transport: 'Transport',
};

/** Every distinct value of a list field across the map's steps, sorted. */
function used(index: MapIndex, field: 'dataEntered' | 'systems'): string[] {
  const all = new Set<string>();
  for (const s of index.map.steps) for (const v of s[field] ?? []) all.add(v);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** The selected step's fields; every change is one ProcessDoc command (one undo step). */
export function StepProperties({
  doc,
  index,
  step,
  readOnly,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  step: Step;
  readOnly: boolean;
}) {
  const settings = resolveSettings(index.map);
  const dataSuggestions = useMemo(() => used(index, 'dataEntered'), [index]);
  const systemSuggestions = useMemo(() => used(index, 'systems'), [index]);
  // The picker lists the other steps in the order they are drawn along the flow.
  const geometry = useMemo(() => mapGeometry(index.map), [index]);
  const leadsTo = index
    .outgoing(step.id)
    .map((f) => index.step(f.to))
    .filter((s): s is Step => s !== undefined)
    .map((s) => s.label.trim() || 'Unnamed step');
  const update = (patch: StepPatch) => runCommand(() => doc.updateStep(step.id, patch));

  // A time must stay inside its own range; clearing a time clears how it varies.
  const duration = (field: TimeField) => (text: string) => {
    const typed = timePatch({ field, text, step, settings });
    return typed.ok ? update(typed.patch) : typed.message;
  };
  const percent = (text: string) => {
    const parsed = parseNumber(text.replace(/%\s*$/, ''), {
      min: 0,
      max: 100,
      what: '% complete and accurate',
    });
    if (!parsed.ok) return parsed.message;
    return update({
      completeAccurate: parsed.value === undefined ? undefined : parsed.value / 100,
    });
  };
  const batch = (text: string) => {
    const parsed = parseNumber(text, { above: 0, what: 'Batch size' });
    return parsed.ok ? update({ batchSize: parsed.value }) : parsed.message;
  };
  const shown = (minutes: number | undefined) =>
    minutes === undefined ? '' : formatDuration(minutes, settings);

  return (
    <section aria-label="Step properties" data-testid="step-properties">
      <h2 className="panel__title">Step</h2>
      <SelectField
        label="Kind"
        value={step.kind}
        disabled={readOnly}
        options={STEP_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        onCommit={(v) => update({ kind: v as Step['kind'] })}
      />
      <TextField
        label="Label"
        maxLength={MAX_LABEL_LENGTH}
        value={step.label}
        disabled={readOnly}
        onCommit={(v) => update({ label: v })}
      />
      <SelectField
        label="Role"
        value={step.roleId}
        disabled={readOnly}
        options={index.lanes.map((r) => ({ value: r.id, label: r.name }))}
        onCommit={(v) => {
          const role = index.lanes.find((r) => r.id === v);
          return role ? runCommand(() => doc.moveStepToRole(step.id, role.id)) : 'Unknown lane.';
        }}
      />
      <div className="panel-field">
        <ConnectPicker
          doc={doc}
          index={index}
          geometry={geometry}
          from={step.id}
          disabled={readOnly}
        />
        <p className="panel-field__hint" data-testid="leads-to">
          {leadsTo.length === 0 ? 'Leads to no step yet.' : `Leads to: ${leadsTo.join(', ')}`}
        </p>
      </div>
      <TextField
        label="Process time"
        value={shown(step.processTime)}
        disabled={readOnly}
        hint="Hands-on time per case: 10, 10m, 0:45, 2h, 1,5 h, 1.5d"
        testId="process-time"
        onCommit={duration('processTime')}
      />
      <TimeVariationField
        field="processTime"
        step={step}
        settings={settings}
        disabled={readOnly}
        update={update}
      />
      <TextField
        label="Wait before"
        value={shown(step.waitTime)}
        disabled={readOnly}
        hint={`Waiting before this step starts (1 d = ${settings.hoursPerDay} h)`}
        testId="wait-time"
        onCommit={duration('waitTime')}
      />
      <TimeVariationField
        field="waitTime"
        step={step}
        settings={settings}
        disabled={readOnly}
        update={update}
      />
      <SelectField
        label="Value class"
        value={step.valueClass ?? ''}
        disabled={readOnly}
        options={[
          { value: '', label: 'Not classified' },
          ...VALUE_CLASSES.map((v) => ({ value: v, label: VALUE_LABELS[v] })),
        ]}
        onCommit={(v) => update({ valueClass: v === '' ? undefined : (v as Step['valueClass']) })}
      />
      <SelectField
        label="Activity"
        value={step.activity ?? 'work'}
        disabled={readOnly}
        options={ACTIVITIES.map((a) => ({ value: a, label: ACTIVITY_LABELS[a] }))}
        onCommit={(v) => update({ activity: v as Step['activity'] })}
      />
      <TextField
        label="% complete and accurate"
        value={step.completeAccurate === undefined ? '' : showNumber(step.completeAccurate * 100)}
        disabled={readOnly}
        inputMode="decimal"
        hint="Share of cases arriving right first time, 0–100"
        onCommit={percent}
      />
      <TagField
        label="Data entered"
        tags={step.dataEntered ?? []}
        suggestions={dataSuggestions}
        disabled={readOnly}
        testId="data-entered"
        onChange={(tags) => update({ dataEntered: tags.length ? [...tags] : undefined })}
      />
      <TagField
        label="Systems"
        tags={step.systems ?? []}
        suggestions={systemSuggestions}
        disabled={readOnly}
        testId="systems"
        onChange={(tags) => update({ systems: tags.length ? [...tags] : undefined })}
      />
      <TextField
        label="Batch size"
        value={showNumber(step.batchSize)}
        disabled={readOnly}
        inputMode="numeric"
        onCommit={batch}
      />
      <TextAreaField
        label="Notes"
        value={step.notes ?? ''}
        disabled={readOnly}
        onCommit={(v) => update({ notes: v === '' ? undefined : v })}
      />
    </section>
  );
}
