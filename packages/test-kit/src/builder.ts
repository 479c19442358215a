import type {
  Comment,
  CommentKind,
  Flow,
  ProcessMap,
  Reply,
  Role,
  Settings,
  Step,
  StepKind,
  Votes,
  Waste,
} from '@procmap/model';
import { commentId, flowId, roleId, stepId } from '@procmap/model';

/*
 * Builds maps in tests so they read like the story of the process. The builder checks nothing:
 * tests of the validator and normalize() need maps with dangling flows or missing roles too.
 * Run validateMap on the result when validity matters.
 */

/** Fields this format version does not know, kept untouched by every layer: prefix them `x-`. */
export type Extensions = { readonly [key: `x-${string}`]: unknown };

export type MapOptions = {
  readonly id?: string;
  readonly description?: string;
  readonly settings?: Settings;
} & Extensions;
/** `order` defaults to the call order of role(): 0, 1, 2... */
export type RoleOptions = Partial<Omit<Role, 'id' | 'name'>> & Extensions;
export type StepOptions = Partial<Omit<Step, 'id' | 'roleId' | 'kind' | 'label'>> & Extensions;
export type FlowOptions = {
  readonly id?: string;
  readonly label?: string;
  readonly probability?: number;
} & Extensions;
export type CommentOptions = {
  readonly id?: string;
  readonly waste?: Waste;
  readonly author?: string;
  readonly createdAt?: string;
  readonly resolved?: boolean;
  readonly replies?: readonly Reply[];
  /** Dot votes: voter id -> votes that voter placed on this comment. */
  readonly votes?: Votes;
} & Extensions;

/** The fixed instant used when a comment gives none, so built maps never depend on the clock. */
export const DEFAULT_CREATED_AT = '2026-11-20T10:00:00Z';

/** Drops keys whose value is undefined: JSON would drop them anyway, and round-trip tests compare. */
function defined<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** A fluent builder of one map; every method returns the builder, build() returns the map. */
export class MapBuilder {
  private readonly roles: Role[] = [];
  private readonly steps: Step[] = [];
  private readonly flows: Flow[] = [];
  private readonly comments: Comment[] = [];
  private readonly flowIds = new Set<string>();
  private nextFlow = 1;
  private nextComment = 1;

  constructor(
    private readonly title: string,
    private readonly options: MapOptions = {},
  ) {}

  /** Adds a swimlane. */
  role(id: string, name: string, options: RoleOptions = {}): this {
    const { order, ...rest } = options;
    this.roles.push(defined({ id: roleId(id), name, order: order ?? this.roles.length, ...rest }));
    return this;
  }

  /** Adds a step of any kind; start/task/decision/delay/end below read better. */
  step(kind: StepKind, id: string, role: string, label: string, options: StepOptions = {}): this {
    this.steps.push(defined({ id: stepId(id), roleId: roleId(role), kind, label, ...options }));
    return this;
  }

  /** Adds a step where cases begin. */
  start(id: string, role: string, label: string, options?: StepOptions): this {
    return this.step('start', id, role, label, options);
  }

  /** Adds a piece of work. */
  task(id: string, role: string, label: string, options?: StepOptions): this {
    return this.step('task', id, role, label, options);
  }

  /** Adds a choice; give its branches probabilities with branch(). */
  decision(id: string, role: string, label: string, options?: StepOptions): this {
    return this.step('decision', id, role, label, options);
  }

  /** Adds a pause (a queue, a wait for post...). */
  delay(id: string, role: string, label: string, options?: StepOptions): this {
    return this.step('delay', id, role, label, options);
  }

  /** Adds a step where cases end. */
  end(id: string, role: string, label: string, options?: StepOptions): this {
    return this.step('end', id, role, label, options);
  }

  /** Adds a flow; its id is the next free f1, f2... unless given. */
  flow(from: string, to: string, options: FlowOptions = {}): this {
    const { id, ...rest } = options;
    const chosen = id ?? this.freeFlowId();
    this.flowIds.add(chosen);
    this.flows.push(defined({ id: flowId(chosen), from: stepId(from), to: stepId(to), ...rest }));
    return this;
  }

  /** Adds flows between each consecutive pair: chain(a, b, c) is a→b, b→c. */
  chain(...ids: readonly string[]): this {
    for (let i = 1; i < ids.length; i++) this.flow(ids[i - 1] as string, ids[i] as string);
    return this;
  }

  /** Adds a flow leaving a decision, taken by the given share of cases. */
  branch(decision: string, to: string, probability: number, label?: string): this {
    return this.flow(decision, to, { probability, label });
  }

  /** Adds an analyst's comment on a step or flow, or on the map when target is null. */
  comment(
    target: string | null,
    kind: CommentKind,
    text: string,
    options: CommentOptions = {},
  ): this {
    const { id, author, createdAt, ...rest } = options;
    this.comments.push(
      defined({
        id: commentId(id ?? `c${this.nextComment++}`),
        targetId: target ?? undefined,
        kind,
        author: author ?? 'Analyst',
        text,
        createdAt: createdAt ?? DEFAULT_CREATED_AT,
        ...rest,
      }),
    );
    return this;
  }

  /** The map so far, as a fresh plain object: later calls or edits to it do not interfere. */
  build(): ProcessMap {
    const { id, description, settings, ...extensions } = this.options;
    const map: ProcessMap = defined({
      format: 'procmap',
      version: 1,
      id,
      title: this.title,
      description,
      settings,
      roles: this.roles,
      steps: this.steps,
      flows: this.flows,
      comments: this.comments.length > 0 ? this.comments : undefined,
      ...extensions,
    });
    return structuredClone(map);
  }

  private freeFlowId(): string {
    while (this.flowIds.has(`f${this.nextFlow}`)) this.nextFlow++;
    return `f${this.nextFlow++}`;
  }
}

/** Starts a map with the given title; see MapBuilder for the story-like methods. */
export function mapBuilder(title: string, options?: MapOptions): MapBuilder {
  return new MapBuilder(title, options);
}
