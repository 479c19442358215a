import type { CompiledGraph } from '@procmap/model';

/** The strongly connected components of the flow graph: each loop of the map is one of them. */
export interface Components {
  /** How many components; ids run sinks first (reverse topological order). */
  readonly count: number;
  /** Component id of each step. */
  readonly of: Int32Array;
  /** The step of a one-step component; -1 for a component of several steps. */
  readonly single: Int32Array;
  /** The steps of each component of several, in map order (most components have one step). */
  readonly members: readonly (readonly number[] | undefined)[];
  /** Whether a component is a loop: more than one step, or one step flowing to itself. */
  readonly cyclic: Uint8Array;
}

/** The steps of component c, in map order. */
export function membersOf(comps: Components, c: number): readonly number[] {
  const one = comps.single[c] as number;
  return one >= 0 ? [one] : (comps.members[c] as readonly number[]);
}

/** A module-level comparator: an arrow function in the loop would be a new closure per loop. */
const ascending = (a: number, b: number) => a - b;

/**
 * Tarjan's algorithm, iterative (an explicit stack instead of recursion, so a 100,000-step chain
 * costs no call stack). Linear in steps + flows.
 */
export function components(g: CompiledGraph): Components {
  const n = g.steps.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const of = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const members: (number[] | undefined)[] = [];
  const single: number[] = [];
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let depth = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callNode[0] = root;
    callEdge[0] = g.outStart[root] as number;
    depth = 1;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth > 0) {
      const v = callNode[depth - 1] as number;
      const k = callEdge[depth - 1] as number;
      if (k < (g.outStart[v + 1] as number)) {
        callEdge[depth - 1] = k + 1;
        const w = g.edgeTo[g.outEdges[k] as number] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode[depth] = w;
          callEdge[depth] = g.outStart[w] as number;
          depth++;
        } else if (onStack[w] && (index[w] as number) < (low[v] as number)) {
          low[v] = index[w] as number;
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callNode[depth - 1] as number;
        if ((low[v] as number) < (low[parent] as number)) low[parent] = low[v] as number;
      }
      if (low[v] === index[v]) {
        const id = single.length;
        if (stack[stack.length - 1] === v) {
          stack.pop();
          onStack[v] = 0;
          of[v] = id;
          single.push(v);
          members.push(undefined);
          continue;
        }
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          of[w] = id;
          comp.push(w);
        } while (w !== v);
        comp.sort(ascending);
        single.push(-1);
        members.push(comp);
      }
    }
  }

  const count = single.length;
  const cyclic = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    const v = single[c] as number;
    if (v < 0) cyclic[c] = 1;
    else {
      for (let k = g.outStart[v] as number; k < (g.outStart[v + 1] as number); k++) {
        if (g.edgeTo[g.outEdges[k] as number] === v) cyclic[c] = 1;
      }
    }
  }
  return { count, of, single: Int32Array.from(single), members, cyclic };
}
