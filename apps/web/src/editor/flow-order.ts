import type { MapIndex, StepId } from '@procmap/model';

/**
 * Each step's column along the flow: the longest path from an entry step, with flows back to an
 * earlier step (rework) ignored. Iterative, so a 5,000-step chain cannot overflow the stack.
 */
export function flowColumns(index: MapIndex): Map<StepId, number> {
  const steps = index.map.steps;
  const state = new Map<StepId, 1 | 2>(); // 1 = on the DFS stack, 2 = done
  const back = new Set<string>();
  const starts = [
    ...steps.filter((s) => s.kind === 'start' || index.incoming(s.id).length === 0),
    ...steps,
  ];
  for (const root of starts) {
    if (state.has(root.id)) continue;
    const stack: { id: StepId; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = index.outgoing(top.id);
      if (top.next >= out.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const flow = out[top.next++]!;
      if (!index.step(flow.to)) continue;
      const seen = state.get(flow.to);
      if (seen === 1) back.add(flow.id);
      else if (seen === undefined) {
        state.set(flow.to, 1);
        stack.push({ id: flow.to, next: 0 });
      }
    }
  }
  // Longest path over the forward flows, in topological order (Kahn).
  const column = new Map<StepId, number>();
  const waiting = new Map<StepId, number>();
  for (const step of steps) {
    const forward = index.incoming(step.id).filter((f) => !back.has(f.id) && index.step(f.from));
    waiting.set(step.id, forward.length);
    column.set(step.id, 0);
  }
  const ready = steps.filter((s) => waiting.get(s.id) === 0).map((s) => s.id);
  while (ready.length > 0) {
    const id = ready.pop()!;
    for (const flow of index.outgoing(id)) {
      if (back.has(flow.id) || !index.step(flow.to)) continue;
      column.set(flow.to, Math.max(column.get(flow.to) ?? 0, (column.get(id) ?? 0) + 1));
      const left = (waiting.get(flow.to) ?? 0) - 1;
      waiting.set(flow.to, left);
      if (left === 0) ready.push(flow.to);
    }
  }
  return column;
}
