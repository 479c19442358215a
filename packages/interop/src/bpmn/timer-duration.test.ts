import { describe, expect, it } from 'vitest';
import { durationMinutes } from './timer-duration';

describe('durationMinutes', () => {
  it('reads hours, minutes and seconds', () => {
    expect(durationMinutes('PT30M')).toBe(30);
    expect(durationMinutes('PT1H30M')).toBe(90);
    expect(durationMinutes(' pt90s ')).toBe(1.5);
    expect(durationMinutes('PT0,5H')).toBe(30);
  });

  it('reads days and weeks as working days and weeks', () => {
    expect(durationMinutes('P2D')).toBe(900); // 2 × 7.5 h
    expect(durationMinutes('P1W')).toBe(2250); // 5 × 7.5 h
    expect(durationMinutes('P1DT4H', { hoursPerDay: 8, daysPerWeek: 5 })).toBe(720);
  });

  it('gives nothing for what is not a duration procmap can read', () => {
    for (const text of [
      'P1M',
      'P1Y',
      'P',
      'PT',
      'R3/PT10M',
      '2026-12-07T10:00:00Z',
      '#{delay}',
      '',
    ])
      expect(durationMinutes(text), text).toBeUndefined();
  });
});

describe('a timer in a BPMN file', () => {
  it('becomes a delay whose wait is its duration, its words kept in the notes', async () => {
    const { importBpmn } = await import('./import-bpmn');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p">
    <startEvent id="a"/><sequenceFlow id="f1" sourceRef="a" targetRef="t"/>
    <intermediateCatchEvent id="t" name="Wait for results">
      <timerEventDefinition><timeDuration>PT45M</timeDuration></timerEventDefinition>
    </intermediateCatchEvent>
    <sequenceFlow id="f2" sourceRef="t" targetRef="z"/><endEvent id="z"/>
  </process>
</definitions>`;
    const result = await importBpmn(xml);
    if (!result.ok) throw new Error(result.message);
    const timer = result.map.steps.find((s) => s.label === 'Wait for results');
    expect(timer).toMatchObject({ kind: 'delay', waitTime: 45 });
    expect(timer?.notes).toContain('PT45M');
  });
});
