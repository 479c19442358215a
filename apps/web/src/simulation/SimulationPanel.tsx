import { type MapIndex, resolveSettings, type StepId } from '@procmap/model';
import { useReactFlow } from '@xyflow/react';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAnalysis } from '../analysis/analysis-store';
import { downloadText, fileStem } from '../app/download';
import { scrollToTop } from '../analysis/scroll';
import { motionMs } from '../editor/motion';
import { useSession } from '../store/session-store';
import { mapVersion } from './map-version';
import { progressText } from './progress-news';
import {
  type InputField,
  inputsSentence,
  inputTexts,
  mapInputs,
  readInputs,
  sameInputs,
} from './run-inputs';
import { SimulationInputs } from './SimulationInputs';
import { SimulationProblems } from './SimulationProblems';
import { SimulationResults } from './SimulationResults';
import { cancelSimulation, startSimulation } from './simulation-runner';
import { useSimulation } from './simulation-store';
import './simulation.css';

const clock = (at: number) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * The Simulate tab: the inputs of a run, Run and Cancel with a progress bar, and the last run's
 * answer, which says when it ran and offers a re-run once the map has changed since. The run
 * itself is in a worker (simulation-runner): the map stays live meanwhile. It edits nothing, so
 * everyone on the link can run it, view-only visitors too.
 */
export function SimulationPanel({ index, readOnly }: { index: MapIndex; readOnly: boolean }) {
  const running = useSimulation((s) => s.running);
  const outcome = useSimulation((s) => s.outcome);
  const cancelled = useSimulation((s) => s.cancelled);
  const typed = useSimulation((s) => s.typed);
  const overlay = useSimulation((s) => s.overlay);
  const [errors, setErrors] = useState<Partial<Record<InputField, string>>>({});
  // The inputs fold away under their sentence once a run starts: its results come next.
  const inputsOpen = useSimulation((s) => s.inputsOpen);
  const setInputsOpen = (open: boolean) => useSimulation.setState({ inputsOpen: open });
  const flow = useReactFlow();
  const titleId = useId();
  const settings = resolveSettings(index.map);
  const defaults = inputTexts(mapInputs(index.map));
  const texts = typed ?? defaults;
  const read = readInputs(texts);
  const version = useMemo(() => mapVersion(index.map), [index.map]);
  const top = useRef<HTMLElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  // The tab opens at its own top, not where another tab was scrolled to.
  useLayoutEffect(() => {
    if (top.current) scrollToTop(top.current);
  }, []);

  // A run that ends by itself takes its Cancel button away: the keyboard, if it was there, goes
  // to Run (never taken from elsewhere, the map say).
  const wasRunning = useRef(running !== null);
  useLayoutEffect(() => {
    const ended = wasRunning.current && running === null;
    wasRunning.current = running !== null;
    if (ended && (document.activeElement === null || document.activeElement === document.body)) {
      runButton.current?.focus();
    }
  }, [running]);

  const run = () => {
    if (!read.ok) {
      flushSync(() => {
        setErrors(read.errors);
        setInputsOpen(true);
      });
      const first = Object.keys(read.errors)[0];
      top.current?.querySelector<HTMLInputElement>(`[data-testid="sim-input-${first}"]`)?.focus();
      return;
    }
    setErrors({});
    flushSync(() => {
      // The run says its inputs beside its progress, and then above its results.
      setInputsOpen(false);
      startSimulation(index.map, read.inputs);
    });
    cancelButton.current?.focus();
  };

  const cancel = (event: React.MouseEvent) => {
    // Run takes Cancel's place at once: this click must not go on to submit the form.
    event.preventDefault();
    flushSync(() => cancelSimulation());
    runButton.current?.focus();
  };

  const showStep = (id: string) => {
    if (!index.step(id as StepId)) return;
    useSession.getState().selectSteps([id as StepId]);
    void flow.fitView({ nodes: [{ id }], duration: motionMs(300), padding: 0.35, maxZoom: 1 });
  };
  const exists = (id: string) => index.step(id as StepId) !== undefined;

  const setOverlay = (on: boolean) => {
    if (on) useAnalysis.getState().setHeatMode('off');
    useSimulation.setState({ overlay: on });
  };

  const stale = outcome !== null && outcome.kind !== 'error' && outcome.version !== version;
  const edited = (Object.keys(texts) as InputField[]).some((f) => texts[f] !== defaults[f]);

  return (
    <section ref={top} aria-labelledby={titleId} data-testid="simulation-panel">
      <h2 className="panel__title" id={titleId}>
        Simulation
      </h2>
      {!outcome && (
        <p className="panel__empty sim-intro">
          Runs cases through the map: arrivals from the demand, queues for each role's people, times
          that vary, branches and rework. The map itself does not change.
        </p>
      )}
      {outcome && outcome.kind !== 'error' && stale && (
        <div className="notice sim-stale" data-testid="sim-stale">
          <p>
            <strong>The map has changed since this run</strong>
            {outcome.kind === 'result' && ` at ${clock(outcome.at)}`}: what follows is for the map
            as it was then.
          </p>
          <button
            type="button"
            className="button button--primary"
            disabled={running !== null}
            onClick={run}
          >
            Re-run
          </button>
        </div>
      )}
      {outcome?.kind === 'result' && !stale && (
        <p className="sim-version muted" data-testid="sim-version">
          Run at {clock(outcome.at)} on the map as it is now.
        </p>
      )}

      <form
        className="sim-form"
        aria-label="Run the simulation"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!running) run();
        }}
      >
        <details
          className="sim-inputs-box"
          open={inputsOpen}
          onToggle={(event) => setInputsOpen(event.currentTarget.open)}
        >
          <summary data-testid="sim-next-inputs">
            <span className="sim-inputs-box__title">Inputs</span>{' '}
            <span className="muted">
              {read.ok ? inputsSentence(read.inputs) : 'to correct'}
              {edited ? ' (this run only)' : ''}
            </span>
          </summary>
          <SimulationInputs
            texts={texts}
            errors={errors}
            locked={running !== null}
            onChange={(field, text) => {
              useSimulation.setState({ typed: { ...texts, [field]: text } });
              if (errors[field]) setErrors({ ...errors, [field]: undefined });
            }}
          />
          <p className="sim-defaults muted">
            {edited ? (
              <>
                For this run only: the map keeps its own settings.{' '}
                <button
                  type="button"
                  className="button button--quiet sim-defaults__reset"
                  disabled={running !== null}
                  onClick={() => {
                    useSimulation.setState({ typed: null });
                    setErrors({});
                  }}
                >
                  Use the map's
                </button>
              </>
            ) : (
              'From the map’s settings, else the defaults. A change here is for this run only.'
            )}
          </p>
        </details>
        <div className="sim-actions">
          {running ? (
            // Keyed apart: one button reused for both would turn this click into a submit.
            <button
              key="cancel"
              ref={cancelButton}
              type="button"
              className="button"
              onClick={cancel}
              data-testid="sim-cancel"
            >
              Cancel
            </button>
          ) : (
            <button
              key="run"
              ref={runButton}
              type="submit"
              className="button button--primary"
              data-testid="sim-run"
            >
              {outcome?.kind === 'result' ? 'Run again' : 'Run simulation'}
            </button>
          )}
        </div>
      </form>

      {running && (
        <div className="sim-progress" data-testid="sim-progress">
          <div
            className="sim-progress__bar"
            role="progressbar"
            aria-label="Simulation progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.floor(running.done * 100)}
            aria-valuetext={progressText(running.done)}
          >
            <div
              className="sim-progress__fill"
              style={{ width: `${(running.done * 100).toFixed(1)}%` }}
            />
          </div>
          <p className="sim-progress__text">
            Simulating {inputsSentence(running.inputs)}: {progressText(running.done)}.
          </p>
        </div>
      )}
      {!running && cancelled && (
        <p className="panel__note" data-testid="sim-cancelled">
          Cancelled.
          {outcome?.kind === 'result' ? ' The results below are from the run before.' : ''}
        </p>
      )}

      {outcome?.kind === 'error' && (
        <p className="notice notice--error" data-testid="sim-error">
          {outcome.message} The map is unchanged; Run tries again.
        </p>
      )}
      {outcome?.kind === 'problems' && (
        <SimulationProblems
          problems={outcome.problems}
          index={index}
          readOnly={readOnly}
          onShowStep={showStep}
        />
      )}
      {outcome?.kind === 'result' && (
        <section
          className="sim-run"
          aria-label="Results of the last run"
          aria-busy={running !== null}
        >
          <SimulationResults
            result={outcome.result}
            summary={outcome.summary}
            hoursPerDay={settings.hoursPerDay}
            currency={settings.currency}
            onShowStep={showStep}
            exists={exists}
            inputs={
              // Said when the fields now ask for another run, or the run chose the warm-up.
              read.ok && sameInputs(read.inputs, outcome.inputs) && outcome.inputs.warmup !== null
                ? null
                : inputsSentence(outcome.inputs, outcome.result.warmup)
            }
            download={
              <button
                type="button"
                className="button"
                data-testid="sim-download"
                onClick={() =>
                  downloadText(
                    `${JSON.stringify(outcome.result, null, 2)}\n`,
                    `${fileStem(index.map.title)}-simulation.json`,
                  )
                }
              >
                Download the results (JSON)
              </button>
            }
            overlay={
              <label className="sim-overlay">
                <input
                  type="checkbox"
                  checked={overlay}
                  onChange={(event) => setOverlay(event.target.checked)}
                  data-testid="sim-overlay"
                />
                Colour the steps by their queue
              </label>
            }
          />
        </section>
      )}
      {!outcome && !running && (
        <p className="panel__empty">
          Run the simulation to see the spread of lead times, how busy each role is and where cases
          queue.
        </p>
      )}
    </section>
  );
}
