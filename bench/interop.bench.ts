import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSvgBytes } from '@procmap/export';
import { exportBpmn, importBpmn } from '@procmap/interop';
import { generateMap } from '@procmap/test-kit';
import { BpmnModdle } from 'bpmn-moddle';
import { alternate, type BenchResult, entry, median, round3 } from './harness';

/*
 * Maps in and out of BPMN (see "Interchange" in docs/benchmarks.md):
 *
 * - interop.import-complex: importing bpmn.io's `complex.bpmn` (every check, the lanes, the
 *   steps, the flows, the diagram, the report and the validation of the map made) against
 *   parsing the same text with bpmn-moddle alone, the parser under it. Goal: at most 2×.
 * - interop.export-bpmn-1000: writing a generated 1,000-step map as BPMN with its whole diagram
 *   against our SVG export of the same map. Goal: at most 2×. Its details give the floor: what
 *   bpmn-moddle alone needs to create the same element tree (moddleCreateMs) and to write it
 *   (moddleToXmlMs), measured in the same rounds, and what is left for our own work (oursMs).
 *
 *   BENCH_SUITE=interop BENCH_OUT=bench/results/issue-20-interop.json npm run bench
 */

const ROUNDS = 31;
const WARM_UP = 15;

const complex = readFileSync(
  join(import.meta.dirname, '../packages/interop/fixtures/bpmn/bpmnjs-complex.bpmn'),
  'utf8',
);

/** Times an asynchronous run: milliseconds from call to settle. */
function timed(run: () => Promise<unknown>): () => Promise<number> {
  return async () => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
}

async function side(label: string, runs: number[]) {
  return { label, medianMs: round3(median(runs)) };
}

async function importComplex(): Promise<BenchResult> {
  const moddle = new BpmnModdle();
  const imported = await importBpmn(complex);
  if (!imported.ok) throw new Error(`complex.bpmn did not import: ${imported.message}`);
  const [ours, parse] = await alternate(
    [
      { label: 'importBpmn', run: timed(() => importBpmn(complex)) },
      { label: 'moddle.fromXML', run: timed(() => moddle.fromXML(complex)) },
    ],
    { rounds: ROUNDS, warmup: WARM_UP },
  );
  return entry({
    name: 'interop.import-complex',
    measured: `importBpmn of bpmn.io's complex.bpmn (${(complex.length / 1024).toFixed(0)} KB; ${imported.map.steps.length} steps, ${imported.map.roles.length} roles, ${imported.map.flows.length} flows made) against bpmn-moddle's fromXML of the same text`,
    subject: await side('importBpmn(complex.bpmn)', ours as number[]),
    reference: await side('new BpmnModdle().fromXML(complex.bpmn)', parse as number[]),
    rounds: ROUNDS,
    goal: 2,
  });
}

/** What the bench needs of bpmn-moddle's writing side (the package ships no types for it). */
interface Element {
  readonly $type: string;
  readonly $attrs: Record<string, string>;
  readonly $descriptor: {
    readonly properties: readonly { name: string; isReference?: boolean; isMany?: boolean }[];
  };
  [property: string]: unknown;
}
interface Writer {
  create(type: string, properties?: Record<string, unknown>): Element;
  toXML(element: Element, options: { format: boolean }): Promise<{ xml: string }>;
}

/** Indices of elements (one or a list), standing for them in a recorded property. */
type Link = readonly [name: string, at: number | readonly number[]];

/** One `create` of the tree: its type and properties, the elements among them as indices. */
interface Creation {
  readonly type: string;
  readonly values: Record<string, unknown>;
  readonly children: readonly Link[];
  readonly references: readonly Link[];
  readonly attrs: Readonly<Record<string, string>>;
}

const isElement = (v: unknown): v is Element => typeof v === 'object' && v !== null && '$type' in v;

/**
 * The element tree of `root` as the creations that make it again: children before their parent,
 * every property the writer writes (the meta-model's, as its serializer picks them), and the
 * attributes outside it.
 */
function recordTree(root: Element): Creation[] {
  const order: Element[] = [];
  const index = new Map<Element, number>();
  const visit = (el: Element) => {
    for (const p of el.$descriptor.properties) {
      if (p.isReference || !Object.hasOwn(el, p.name)) continue;
      const v = el[p.name];
      for (const child of Array.isArray(v) ? v : [v]) if (isElement(child)) visit(child);
    }
    index.set(el, order.length);
    order.push(el);
  };
  visit(root);
  const at = (el: Element) => index.get(el) as number;
  return order.map((el) => {
    const values: Record<string, unknown> = {};
    const children: Link[] = [];
    const references: Link[] = [];
    for (const p of el.$descriptor.properties) {
      const v = el[p.name];
      if (!Object.hasOwn(el, p.name) || v === undefined || v === null) continue;
      const links = p.isReference ? references : children;
      if (isElement(v)) links.push([p.name, at(v)]);
      else if (Array.isArray(v) && v.some(isElement)) links.push([p.name, v.map(at)]);
      else values[p.name] = v;
    }
    return { type: el.$type, values, children, references, attrs: { ...el.$attrs } };
  });
}

/** Makes the recorded tree again with `moddle.create` (references set once all exist). */
function replay(moddle: Writer, tree: readonly Creation[]): Element {
  const made: Element[] = [];
  const of = (at: number | readonly number[]) =>
    typeof at === 'number' ? made[at] : at.map((i) => made[i]);
  for (const c of tree) {
    const properties: Record<string, unknown> = { ...c.values };
    for (const [name, at] of c.children) properties[name] = of(at);
    const el = moddle.create(c.type, properties);
    Object.assign(el.$attrs, c.attrs);
    made.push(el);
  }
  tree.forEach((c, i) => {
    for (const [name, at] of c.references)
      (made[i] as Element & { set(n: string, v: unknown): void }).set(name, of(at));
  });
  return made[made.length - 1] as Element;
}

async function exportThousand(): Promise<BenchResult> {
  const map = generateMap({ steps: 1000, seed: 20 });
  const xml = await exportBpmn(map);
  const svg = toSvgBytes(map);
  // The floor: the export's own element tree, made again and written by bpmn-moddle alone. The
  // tree is caught on its way into toXML (on the prototype, for one export), recorded, and the
  // file the replay writes is checked to be the export's, byte for byte.
  const moddle = new BpmnModdle() as unknown as Writer;
  const proto = Object.getPrototypeOf(moddle) as Writer;
  const write = proto.toXML;
  let caught: Element | undefined;
  proto.toXML = function (this: Writer, root, options) {
    caught = root;
    return write.call(this, root, options);
  };
  await exportBpmn(map).finally(() => {
    proto.toXML = write;
  });
  if (!caught) throw new Error('the export did not write through bpmn-moddle');
  const tree = recordTree(caught);
  caught = undefined;
  const again = (await moddle.toXML(replay(moddle, tree), { format: true })).xml;
  if (again !== xml) throw new Error('the replayed tree does not write the exported file');
  const createMs: number[] = [];
  const toXmlMs: number[] = [];
  const floor = async () => {
    const start = performance.now();
    const root = replay(moddle, tree);
    const made = performance.now();
    await moddle.toXML(root, { format: true });
    const end = performance.now();
    createMs.push(made - start);
    toXmlMs.push(end - made);
    return end - start;
  };
  const [ours, drawn, alone] = await alternate(
    [
      { label: 'exportBpmn', run: timed(() => exportBpmn(map)) },
      { label: 'toSvgBytes', run: timed(async () => toSvgBytes(map)) },
      { label: 'bpmn-moddle alone', run: floor },
    ],
    { rounds: ROUNDS, warmup: WARM_UP },
  );
  // The floor's own rounds come last in each list (the warm-up rounds are recorded too).
  const kept = (xs: number[]) => xs.slice(-ROUNDS);
  const floorMs = median(alone as number[]);
  const svgMs = median(drawn as number[]);
  return entry({
    name: 'interop.export-bpmn-1000',
    measured: `exportBpmn of a generated 1,000-step map (${(xml.length / 1e6).toFixed(2)} MB of BPMN with its diagram, ${xmlElements(xml)} XML elements) against toSvgBytes of the same map (${(svg.length / 1e6).toFixed(2)} MB)`,
    subject: await side('exportBpmn(map), 1,000 steps', ours as number[]),
    reference: await side('toSvgBytes(map), 1,000 steps', drawn as number[]),
    rounds: ROUNDS,
    goal: 2,
    details: {
      moddleElements: tree.length,
      xmlElements: xmlElements(xml),
      moddleCreateMs: round3(median(kept(createMs))),
      moddleToXmlMs: round3(median(kept(toXmlMs))),
      floorMs: round3(floorMs),
      floorRatio: round3(floorMs / svgMs),
      // Round by round (the sides take turns), so a slow moment of the machine hits both.
      oursMs: round3(
        median((ours as number[]).map((ms, i) => ms - ((alone as number[])[i] ?? ms))),
      ),
    },
  });
}

/** How many elements the XML text has (start tags and empty-element tags). */
function xmlElements(xml: string): number {
  return xml.match(/<[A-Za-z]/g)?.length ?? 0;
}

export default async function interopBenchmarks(): Promise<BenchResult[]> {
  return [await importComplex(), await exportThousand()];
}
