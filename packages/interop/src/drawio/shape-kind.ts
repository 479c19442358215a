import type { StepKind } from '@procmap/model';
import { type CellStyle, shapeOf } from './style';

/*
 * What a shape means in a process, from its draw.io style: a diamond is a decision, an
 * hourglass a delay, a circle or a terminator where a case begins or ends (which of the two
 * follows from its connectors), anything else a task. BPMN shapes say more in their style
 * (`background=gateway;symbol=parallelGw`, `outline=end`, `symbol=timer`).
 */

/** A shape's kind before its connectors are known: `terminal` is a start or an end. */
export type ShapeKind = 'task' | 'decision' | 'delay' | 'terminal' | 'start' | 'end' | 'parallel';

const DELAY = /delay|hourglass|timer/;
const DECISION = /rhombus|decision|gateway/;
const TERMINAL = /^(ellipse|doubleellipse)$|start_1|start_2|terminator|^mxgraph\.bpmn\.event/;

/** The kind a shape's style says. */
export function shapeKind(style: CellStyle): ShapeKind {
  const shape = shapeOf(style);
  const symbol = style.values.get('symbol')?.toLowerCase() ?? '';
  const words = [...style.names].map((n) => n.toLowerCase());
  if (DELAY.test(shape) || symbol === 'timer' || words.some((w) => DELAY.test(w))) return 'delay';
  const gateway =
    style.values.get('background') === 'gateway' ||
    DECISION.test(shape) ||
    words.includes('rhombus');
  if (gateway) {
    const parallel = symbol === 'parallelgw' || style.values.get('gwType') === 'parallel';
    return parallel ? 'parallel' : 'decision';
  }
  if (shape === 'mxgraph.bpmn.shape') {
    const outline = style.values.get('outline')?.toLowerCase();
    if (outline === 'end') return 'end';
    if (outline === 'standard') return 'start';
    return 'task';
  }
  if (TERMINAL.test(shape) || words.includes('ellipse')) return 'terminal';
  return 'task';
}

const ENDING = /\b(end|ends|stop|finish|finished|done|complete|completed|close|closed)\b/i;

/**
 * A step's kind, given its shape and its connectors. A circle with flows only out is a start,
 * with flows only in an end; with both it is kept as a task (a connector circle, or an event
 * in the middle of a process); with none, its label decides ("End" is an end).
 */
export function stepKind(
  shape: ShapeKind,
  incoming: number,
  outgoing: number,
  label: string,
): StepKind {
  switch (shape) {
    case 'parallel':
      return 'task';
    case 'terminal':
      if (incoming === 0 && outgoing > 0) return 'start';
      if (outgoing === 0 && incoming > 0) return 'end';
      if (incoming === 0 && outgoing === 0) return ENDING.test(label) ? 'end' : 'start';
      return 'task';
    default:
      return shape;
  }
}
