import { useId } from 'react';
import { INPUT_FIELDS, type InputField } from './run-inputs';

/**
 * The inputs of the next run, each with what it means and, when it does not read, why. Editing
 * them changes this run only, never the map, so anyone on the link may.
 */
export function SimulationInputs({
  texts,
  errors,
  locked,
  onChange,
}: {
  texts: Readonly<Record<InputField, string>>;
  errors: Readonly<Partial<Record<InputField, string>>>;
  /** A run is using them: shown, not editable, until it ends. */
  locked: boolean;
  onChange: (field: InputField, text: string) => void;
}) {
  const base = useId();
  return (
    <div className="sim-inputs">
      {INPUT_FIELDS.map(({ field, label, hint }) => {
        const id = `${base}-${field}`;
        const error = errors[field];
        return (
          <div key={field} className={`panel-field${error ? ' panel-field--error' : ''}`}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              name={field}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={field === 'warmup' ? 'Auto' : undefined}
              value={texts[field]}
              readOnly={locked}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-msg`}
              onChange={(event) => onChange(field, event.target.value)}
              data-testid={`sim-input-${field}`}
            />
            {error ? (
              <p className="panel-field__error" id={`${id}-msg`}>
                {error}
              </p>
            ) : (
              <p className="panel-field__hint" id={`${id}-msg`}>
                {hint}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
