import type { StepPatch } from '@procmap/doc';
import {
  DISTRIBUTIONS,
  type Distribution,
  type DurationSettings,
  formatDuration,
  type Step,
} from '@procmap/model';
import { type FocusEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { SelectField, TextField } from './fields';
import { showNumber } from './parse-number';
import {
  type Culprit,
  cvVariation,
  DISTRIBUTION_LABELS,
  describeVariation,
  distributionOf,
  fitProblem,
  pickedVariation,
  rangeOf,
  rangeVariation,
  TIME_NOUNS,
  type TimeField,
  VARIATION_OF,
} from './time-variation';

interface Props {
  readonly field: TimeField;
  readonly step: Step;
  readonly settings: DurationSettings;
  readonly disabled: boolean;
  /** Writes a step patch (one undo step); an error message when refused. */
  readonly update: (patch: StepPatch) => string | null;
}

type Range = { readonly min: string; readonly max: string };

/**
 * How one of a step's times varies from case to case, under that time's own field: a
 * "varies between … and …" pair for the workshop, and the distribution for an analyst behind a
 * disclosure. The pair is one edit, written when focus leaves it or on Enter, so typing the
 * first end and tabbing to the second is not refused as half a range.
 */
export function TimeVariationField({ field, step, settings, disabled, update }: Props) {
  const id = useId();
  const key = VARIATION_OF[field];
  const noun = TIME_NOUNS[field];
  const what = noun.charAt(0).toUpperCase() + noun.slice(1);
  const variation = step[key];
  const time = step[field];
  const stored = rangeOf(variation);
  const storedRange: Range = {
    min: stored ? formatDuration(stored.min, settings) : '',
    max: stored ? formatDuration(stored.max, settings) : '',
  };
  // A distribution picked that still needs its range or cv: shown, not yet written.
  const [pending, setPending] = useState<Distribution | null>(null);
  const [draft, setDraftState] = useState<Range | null>(null);
  const [error, setError] = useState<{ at: Culprit; message: string } | null>(null);
  // The draft as of now, not as of the last render (see useDraft in fields.tsx): Esc drops it
  // and the blur that follows must not write it.
  const current = useRef<Range | null>(null);
  const setDraft = (next: Range | null) => {
    current.current = next;
    setDraftState(next);
  };
  const reset = () => {
    setDraft(null);
    setError(null);
  };

  const shownDistribution = pending ?? distributionOf(variation);
  const write = (next: Step[typeof key]) => {
    const message = update({ [key]: next });
    if (message) return message;
    setPending(null);
    return null;
  };

  const commitRange = () => {
    const typed = current.current;
    if (typed === null) return;
    if (typed.min === storedRange.min && typed.max === storedRange.max) return reset();
    const result = rangeVariation({
      field,
      ...typed,
      time,
      distribution: shownDistribution,
      settings,
    });
    if (!result.ok) return setError(result);
    const message = write(result.variation);
    if (message) return setError({ at: 'range', message });
    reset();
  };
  const pair = useRef<HTMLDivElement>(null);
  const onRangeBlur = (e: FocusEvent<HTMLInputElement>) => {
    if (!pair.current?.contains(e.relatedTarget as Node | null)) commitRange();
  };
  const onRangeKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commitRange();
    } else if (e.key === 'Escape') reset();
  };

  // A stored time outside its range (a colleague changed one while you changed the other, or a
  // file said so) is named, though nobody here just typed it.
  const stale = error ? undefined : fitProblem(field, time, variation, settings);
  const message = error?.message ?? stale;
  const msgId = `${id}-msg`;
  const invalid = (which: 'min' | 'max') =>
    error && (error.at === which || error.at === 'range') ? true : undefined;
  const shown = draft ?? storedRange;
  // Until the pick is written, say what it waits for: the file still holds the old choice.
  const waiting =
    pending === 'triangular' || pending === 'uniform'
      ? `Give the range it varies between above to use ${DISTRIBUTION_LABELS[pending].toLowerCase()}.`
      : pending === 'lognormal'
        ? 'Give the coefficient of variation below to use lognormal.'
        : undefined;

  return (
    <div className="variation" data-testid={`${field}-variation`}>
      <div className={`variation__range${message ? ' panel-field--error' : ''}`} ref={pair}>
        <label htmlFor={`${id}-min`}>Varies between</label>
        {/* Each name starts with the words shown (label in name), then says which time and
            which end: the panel holds two such pairs. */}
        <input
          id={`${id}-min`}
          type="text"
          value={shown.min}
          disabled={disabled}
          aria-label={`Varies between, shortest ${noun}`}
          aria-invalid={invalid('min')}
          aria-describedby={msgId}
          data-testid={`${field}-min`}
          onChange={(e) => setDraft({ ...shown, min: e.target.value })}
          onKeyDown={onRangeKey}
          onBlur={onRangeBlur}
        />
        <label htmlFor={`${id}-max`}>and</label>
        <input
          id={`${id}-max`}
          type="text"
          value={shown.max}
          disabled={disabled}
          aria-label={`and, longest ${noun}`}
          aria-invalid={invalid('max')}
          aria-describedby={msgId}
          data-testid={`${field}-max`}
          onChange={(e) => setDraft({ ...shown, max: e.target.value })}
          onKeyDown={onRangeKey}
          onBlur={onRangeBlur}
        />
      </div>
      {message ? (
        <p className="panel-field__error" id={msgId} role={error ? 'alert' : undefined}>
          {message}
        </p>
      ) : (
        <p className="panel-field__hint" id={msgId}>
          {describeVariation(field, time, variation, settings)}
        </p>
      )}
      <details className="variation__details">
        <summary>
          <span className="visually-hidden">{`${what} `}</span>
          {`Distribution: ${DISTRIBUTION_LABELS[shownDistribution]}`}
        </summary>
        <SelectField
          label={`Distribution of the ${noun}`}
          value={shownDistribution}
          disabled={disabled}
          hint={waiting}
          testId={`${field}-distribution`}
          options={DISTRIBUTIONS.map((d) => ({ value: d, label: DISTRIBUTION_LABELS[d] }))}
          onCommit={(value) => {
            const picked = pickedVariation({
              field,
              distribution: value as Distribution,
              current: variation,
              time,
              settings,
            });
            if (picked.ok === 'pending') {
              setPending(value as Distribution);
              return null;
            }
            if (!picked.ok) return picked.message;
            setError(null);
            return write(picked.variation);
          }}
        />
        {shownDistribution === 'lognormal' ? (
          <TextField
            label={`Coefficient of variation of the ${noun}`}
            value={variation?.distribution === 'lognormal' ? showNumber(variation.cv) : ''}
            disabled={disabled}
            inputMode="decimal"
            hint="Spread around the mean: 0.5 is moderate, 1 as spread as exponential. Empty: fixed."
            testId={`${field}-cv`}
            onCommit={(text) => {
              const result = cvVariation({ field, text, time, settings });
              return result.ok ? write(result.variation) : result.message;
            }}
          />
        ) : null}
      </details>
    </div>
  );
}
