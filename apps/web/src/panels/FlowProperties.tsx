import type { FlowPatch, ProcessDoc } from '@procmap/doc';
import { type Flow, isHandoff, type MapIndex, MAX_LABEL_LENGTH } from '@procmap/model';
import { TextField } from './fields';
import { parseNumber, showNumber } from './parse-number';
import { runCommand } from './run-command';

const LABEL_FIELD = 'flow-label';

/** Moves focus to the selected flow's label field (F2 on a flow). */
export function focusFlowLabel(): void {
  document.querySelector<HTMLInputElement>(`[data-testid="${LABEL_FIELD}"]`)?.focus();
}

/**
 * The selected flow: its label ("Yes", "Urgent"), and on a decision's branches the share of
 * cases that take it, which the waste analysis needs. Every change is one undoable edit.
 */
export function FlowProperties({
  doc,
  index,
  flow,
  readOnly,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  flow: Flow;
  readOnly: boolean;
}) {
  const from = index.step(flow.from);
  const to = index.step(flow.to);
  const update = (patch: FlowPatch) => runCommand(() => doc.updateFlow(flow.id, patch));
  const fromDecision = from?.kind === 'decision';
  const siblings = index.outgoing(flow.from);
  const others = siblings.filter((f) => f.id !== flow.id);
  const othersTotal = others.reduce((sum, f) => sum + (f.probability ?? 0), 0);
  const total = siblings.reduce((sum, f) => sum + (f.probability ?? 0), 0);
  const set = siblings.every((f) => f.probability !== undefined);
  const percent = (text: string) => {
    const parsed = parseNumber(text.replace(/%\s*$/, ''), {
      min: 0,
      max: 100,
      what: 'Share of cases',
    });
    if (!parsed.ok) return parsed.message;
    return update({ probability: parsed.value === undefined ? undefined : parsed.value / 100 });
  };
  const name = (label: string | undefined) => label || 'Unnamed step';

  return (
    <section aria-label="Flow properties" data-testid="flow-properties">
      <h2 className="panel__title">Flow</h2>
      <p className="panel__summary">
        From <strong>{name(from?.label)}</strong> to <strong>{name(to?.label)}</strong>
        {isHandoff(index, flow) && (
          <span className="panel__tag" title="The work changes hands between roles">
            Handoff
          </span>
        )}
      </p>
      <TextField
        label="Label"
        maxLength={MAX_LABEL_LENGTH}
        value={flow.label ?? ''}
        disabled={readOnly}
        testId={LABEL_FIELD}
        hint={fromDecision ? 'The answer this branch stands for, e.g. Yes or Urgent' : undefined}
        onCommit={(v) => update({ label: v === '' ? undefined : v })}
      />
      <TextField
        label="Share of cases"
        value={flow.probability === undefined ? '' : showNumber(flow.probability * 100)}
        disabled={readOnly}
        inputMode="decimal"
        testId="flow-probability"
        hint={
          fromDecision
            ? set && Math.abs(total - 1) > 1e-6
              ? `The branches of this decision add up to ${showNumber(total * 100)}%, not 100%.`
              : `Percent of cases taking this branch (the others: ${showNumber(othersTotal * 100)}%).`
            : 'Only needed on the branches of a decision.'
        }
        onCommit={percent}
      />
      {!readOnly && (
        <button
          type="button"
          className="button"
          onClick={() => runCommand(() => doc.disconnect(flow.id))}
        >
          Delete flow
        </button>
      )}
    </section>
  );
}
