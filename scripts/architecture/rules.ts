/*
 * The layering rules of docs/architecture.md, checked over source text so they hold whatever
 * the linter supports: pure packages stay pure, only the right packages import Yjs or React,
 * nothing imports an app, no deep imports, every internal import is a declared dependency, and
 * no import cycles between modules or between packages.
 */

export interface SourceFile {
  /** Path relative to the package root, e.g. `src/graph.ts`. */
  readonly path: string;
  readonly text: string;
}

export interface WorkspacePackage {
  /** npm name, e.g. `@procmap/model`. */
  readonly name: string;
  /** Folder relative to the repo root, e.g. `packages/model`. */
  readonly dir: string;
  readonly dependencies: readonly string[];
  readonly files: readonly SourceFile[];
}

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

/** Packages that must run anywhere: browser, worker, server, CLI. */
export const PURE = new Set([
  '@procmap/model',
  '@procmap/analysis',
  '@procmap/simulation',
  '@procmap/compare',
  '@procmap/interop',
  '@procmap/layout',
  '@procmap/export',
  '@procmap/protocol',
]);
const YJS_ALLOWED = new Set([
  '@procmap/doc',
  '@procmap/server',
  '@procmap/test-kit',
  '@procmap/web',
]);
const REACT_ALLOWED = new Set(['@procmap/web']);
/** Files that are assets, not code: fonts and images, optionally with a bundler query. */
const ASSET = /\.(ttf|otf|woff2?|png|jpe?g|svg)(\?[a-z]+)?$/;

const DEV_ONLY = '@procmap/test-kit';

const YJS = /^(yjs|y-[a-z-]+|@y\/.+|lib0(\/.*)?)$/;
const REACT = /^(react|react-dom(\/.*)?|zustand(\/.*)?|@xyflow\/.+)$/;
const NODE_BUILTIN =
  /^(node:.+|fs|path|os|child_process|http|https|net|crypto|url|util|stream|events|worker_threads)(\/.*)?$/;
const IMPURE_CALLS: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bnew Date\s*\(\s*\)/, 'new Date()'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
];

export const isTestFile = (path: string) =>
  /\.(test|spec|bench)\.tsx?$/.test(path) || /(^|\/)(test-helpers\.ts|test-support\/)/.test(path);

interface ImportRef {
  readonly specifier: string;
  readonly line: number;
  readonly typeOnly: boolean;
}

/** Every module specifier a file imports or re-exports, with its line. */
export function importsOf(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  const patterns = [
    /\b(import|export)\s+(type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const [i, re] of patterns.entries()) {
    for (const m of text.matchAll(re)) {
      const specifier = (i === 0 ? m[3] : m[1]) as string;
      const line = text.slice(0, m.index).split('\n').length;
      out.push({ specifier, line, typeOnly: i === 0 && m[2] !== undefined });
    }
  }
  return out;
}

const stripComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');

function resolveRelative(
  from: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const seg of specifier.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  const base = parts.join('/');
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

/** Finds one cycle per strongly connected group in a directed graph, as a path of nodes. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Checks every rule over the workspace; an empty list means the layering holds. */
export function checkArchitecture(packages: readonly WorkspacePackage[]): Violation[] {
  const violations: Violation[] = [];
  const names = new Set(packages.map((p) => p.name));
  const apps = new Set(packages.filter((p) => p.dir.startsWith('apps/')).map((p) => p.name));
  const packageGraph = new Map<string, string[]>();

  for (const pkg of packages) {
    const report = (file: string, line: number, rule: string, message: string) =>
      violations.push({ file: `${pkg.dir}/${file}`, line, rule, message });
    const paths = new Set(pkg.files.map((f) => f.path));
    const moduleGraph = new Map<string, string[]>();
    const uses = new Set<string>();

    if (PURE.has(pkg.name)) {
      for (const dep of pkg.dependencies) {
        if (YJS.test(dep) || REACT.test(dep)) {
          report('package.json', 1, 'pure-deps', `a pure package must not depend on ${dep}`);
        }
      }
    }

    for (const file of pkg.files) {
      const test = isTestFile(file.path);
      const code = stripComments(file.text);
      const edges: string[] = [];
      for (const ref of importsOf(code)) {
        const s = ref.specifier;
        const at = (rule: string, message: string) => report(file.path, ref.line, rule, message);
        if (s.startsWith('.')) {
          const target = resolveRelative(file.path, s, paths);
          if (target === undefined) {
            // Data and stylesheets are not read here (a stylesheet belongs to the component that
            // imports it).
            if (!/\.(json|css)$/.test(s)) {
              at('relative-import', `"${s}" is not a file of this package`);
            }
          } else if (!ref.typeOnly) edges.push(target);
          continue;
        }
        const internal = s.match(/^(@procmap\/[^/]+)(\/.*)?$/);
        if (internal) {
          const [, name, deep] = internal as unknown as [string, string, string | undefined];
          // Code goes through the entry file; a package's asset files (fonts, images) are not code
          // and may be imported by path, e.g. as a URL for the browser to fetch.
          if (deep && !ASSET.test(deep)) {
            at('deep-import', `import "${name}" through its entry file, not "${s}"`);
          }
          if (apps.has(name)) at('app-import', `nothing may import the app ${name}`);
          if (!names.has(name)) at('unknown-package', `${name} is not a workspace package`);
          if (name === DEV_ONLY && !test && pkg.name !== DEV_ONLY) {
            at('dev-only', `${DEV_ONLY} is for tests and benchmarks only`);
          }
          if (name !== pkg.name && !test && !pkg.dependencies.includes(name)) {
            at('undeclared', `${name} is imported but not in ${pkg.dir}/package.json dependencies`);
          }
          if (name !== pkg.name && !test) uses.add(name);
          continue;
        }
        if (test) continue;
        if (PURE.has(pkg.name) && (NODE_BUILTIN.test(s) || YJS.test(s) || REACT.test(s))) {
          at('purity', `a pure package must not import "${s}"`);
        } else if (YJS.test(s) && !YJS_ALLOWED.has(pkg.name)) {
          at('yjs', `only the doc package and the apps may import "${s}"`);
        } else if (REACT.test(s) && !REACT_ALLOWED.has(pkg.name)) {
          at('react', `only the web app may import "${s}"`);
        }
      }
      if (!test) {
        if (/^\s*export\s+\*/m.test(code)) {
          report(file.path, 1, 'export-star', 'use named exports, not export *');
        }
        if (PURE.has(pkg.name)) {
          code.split('\n').forEach((text, i) => {
            for (const [re, what] of IMPURE_CALLS) {
              if (re.test(text))
                report(
                  file.path,
                  i + 1,
                  'purity',
                  `${what} in a pure package: inject a clock or seed`,
                );
            }
          });
        }
        moduleGraph.set(
          file.path,
          edges.filter((e) => !isTestFile(e)),
        );
      }
    }
    for (const cycle of findCycles(moduleGraph)) {
      report(cycle[0] as string, 1, 'cycle', `import cycle: ${cycle.join(' -> ')}`);
    }
    packageGraph.set(pkg.name, [...uses]);
  }
  for (const cycle of findCycles(packageGraph)) {
    violations.push({
      file: 'package.json',
      line: 1,
      rule: 'cycle',
      message: `package cycle: ${cycle.join(' -> ')}`,
    });
  }
  return violations;
}
