import type { Position, RoleId, StepId } from '@procmap/model';

/*
 * The shapes this package talks in: the options a caller may give, the result it gets back, and
 * the slice of elkjs it needs. ELK is passed in, never imported, so the browser can hand over an
 * `elk-api.js` instance backed by a Web Worker and Node the synchronous `elk.bundled.js`.
 */

/** One node of the graph handed to ELK: a step, by an id of our own making. */
export interface ElkGraphNode {
  id: string;
  width: number;
  height: number;
}

/** One edge of the graph handed to ELK: a flow, oriented forward. */
export interface ElkGraphEdge {
  id: string;
  sources: string[];
  targets: string[];
}

/** The graph handed to ELK: a flat root holding steps and flows, lanes left out. */
export interface ElkGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkGraphNode[];
  edges: ElkGraphEdge[];
}

/** What this package reads back from ELK: each node's top-left corner. */
export interface ElkLaidOut {
  readonly children?: readonly { readonly id: string; readonly x?: number; readonly y?: number }[];
}

/** The one method of an elkjs `ELK` instance this package uses (any build: worker or bundled). */
export interface ElkLike {
  layout(graph: ElkGraph): Promise<ElkLaidOut>;
}

/** Sizes and knobs of a layout; every field has a default (see DEFAULT_LAYOUT_OPTIONS). */
export interface LayoutOptions {
  /** Width of every step box. */
  readonly nodeWidth?: number;
  /** Height of every step box. */
  readonly nodeHeight?: number;
  /** Horizontal space between two columns. */
  readonly columnGap?: number;
  /** Vertical space between two rows of one lane. */
  readonly rowGap?: number;
  /** Space inside a lane above its first row, below its last row and after its last column. */
  readonly lanePadding?: number;
  /** Space kept at the left of every lane for its header, before the lane padding. */
  readonly laneHeaderWidth?: number;
  /** Most steps laid out by one ELK call; bigger graphs are cut into segments (see README). */
  readonly maxElkSteps?: number;
  /** Extra ELK layout options, merged over ours (e.g. `elk.layered.thoroughness`). */
  readonly elkOptions?: Readonly<Record<string, string>>;
  /** Called after each ELK call with segments done and segments in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Options with every default filled in. */
export type ResolvedLayoutOptions = Required<Omit<LayoutOptions, 'elkOptions' | 'onProgress'>> &
  Pick<LayoutOptions, 'elkOptions' | 'onProgress'>;

/** The defaults: 160×56 boxes on a grid that reads well on a projector. */
export const DEFAULT_LAYOUT_OPTIONS: Readonly<
  Required<Omit<LayoutOptions, 'elkOptions' | 'onProgress'>>
> = Object.freeze({
  nodeWidth: 160,
  nodeHeight: 56,
  columnGap: 64,
  rowGap: 24,
  lanePadding: 24,
  laneHeaderWidth: 0,
  maxElkSteps: 500,
});

/** Fills in defaults (an absent or undefined field takes its default); refuses bad sizes. */
export function resolveLayoutOptions(options: LayoutOptions = {}): ResolvedLayoutOptions {
  const sizes = { ...DEFAULT_LAYOUT_OPTIONS };
  for (const key of Object.keys(sizes) as (keyof typeof sizes)[]) {
    const value = options[key] ?? sizes[key];
    const positive = key === 'nodeWidth' || key === 'nodeHeight' || key === 'maxElkSteps';
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      (positive && value <= 0)
    ) {
      throw new RangeError(`layout option ${key} must be a finite number >= 0, got ${value}`);
    }
    sizes[key] = value;
  }
  if (!Number.isInteger(sizes.maxElkSteps)) {
    throw new RangeError(
      `layout option maxElkSteps must be a whole number, got ${sizes.maxElkSteps}`,
    );
  }
  return { ...sizes, elkOptions: options.elkOptions, onProgress: options.onProgress };
}

/** One lane's band: the role it draws (or the unassigned band) and its vertical extent. */
export interface LaneBand {
  readonly roleId: RoleId;
  readonly y: number;
  readonly height: number;
}

/** A finished layout: top-left position of every step, lane bands top to bottom, total size. */
export interface LayoutResult {
  readonly positions: ReadonlyMap<StepId, Position>;
  readonly lanes: readonly LaneBand[];
  readonly width: number;
  readonly height: number;
}

/** Where phase 1 put a step along the flow: its column, and its place within that column. */
export interface FlowSlot {
  readonly column: number;
  /** Smaller is higher; only compared between steps of the same column. */
  readonly order: number;
}
