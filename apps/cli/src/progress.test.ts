import { describe, expect, it } from 'vitest';
import { terminalProgress } from './progress';
import { captureIo } from './test-support/capture-io';

/** An Io whose stderr is (or is not) a terminal, and a clock the test moves by hand. */
function setup(stderrIsTerminal: boolean) {
  const out = captureIo();
  const io = { ...out.io, stderrIsTerminal };
  const clock = { ms: 0 };
  const progress = terminalProgress(io, 'Simulating', () => clock.ms);
  return { out, clock, progress };
}

describe('the progress line of a long run', () => {
  it('given a terminal and a run that goes on, then it shows the share done in place and erases it at the end', () => {
    // given
    const { out, clock, progress } = setup(true);
    // when
    clock.ms = 600;
    progress.update(0.25);
    clock.ms = 800;
    progress.update(0.5);
    progress.finish();
    // then
    expect(out.stderr()).toBe('\rSimulating… 25%\u001b[K\rSimulating… 50%\u001b[K\r\u001b[K');
    expect(out.stdout()).toBe('');
  });

  it('given a terminal and a run that ends within half a second, then nothing is shown', () => {
    // given
    const { out, clock, progress } = setup(true);
    // when
    clock.ms = 100;
    progress.update(0.5);
    clock.ms = 400;
    progress.update(1);
    progress.finish();
    // then
    expect(out.stderr()).toBe('');
  });

  it('given updates closer than a tenth of a second, then the line is redrawn at most that often', () => {
    // given
    const { out, clock, progress } = setup(true);
    // when
    clock.ms = 600;
    progress.update(0.1);
    clock.ms = 650;
    progress.update(0.2);
    clock.ms = 700;
    progress.update(0.3);
    // then
    expect(out.stderr()).toBe('\rSimulating… 10%\u001b[K\rSimulating… 30%\u001b[K');
  });

  it('given stderr is not a terminal (a pipe, a CI log), then nothing is written at all', () => {
    // given
    const { out, clock, progress } = setup(false);
    // when
    clock.ms = 5000;
    progress.update(0.5);
    progress.finish();
    // then
    expect(out.stderr()).toBe('');
  });
});
