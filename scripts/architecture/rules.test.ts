import { describe, expect, it } from 'vitest';
import { checkArchitecture, findCycles, importsOf, type WorkspacePackage } from './rules';

const pkg = (
  name: string,
  files: Record<string, string>,
  dependencies: string[] = [],
  dir = `packages/${name.replace('@procmap/', '')}`,
): WorkspacePackage => ({
  name,
  dir,
  dependencies,
  files: Object.entries(files).map(([path, text]) => ({ path, text })),
});

const rules = (packages: WorkspacePackage[]) => checkArchitecture(packages).map((v) => v.rule);

describe('architecture rules', () => {
  it('accepts a clean workspace', () => {
    const model = pkg('@procmap/model', {
      'src/index.ts': "export { a } from './a';",
      'src/a.ts': 'export const a = 1;',
    });
    const doc = pkg(
      '@procmap/doc',
      { 'src/index.ts': "import { a } from '@procmap/model';\nimport * as Y from 'yjs';" },
      ['@procmap/model', 'yjs'],
    );
    expect(checkArchitecture([model, doc])).toEqual([]);
  });

  it('refuses Yjs, React, node:* and Math.random in a pure package', () => {
    const model = pkg('@procmap/model', {
      'src/a.ts':
        "import * as Y from 'yjs';\nimport { readFileSync } from 'node:fs';\nimport React from 'react';\nconst r = Math.random();\nconst t = Date.now();",
    });
    expect(rules([model])).toEqual(['purity', 'purity', 'purity', 'purity', 'purity']);
  });

  it('allows node:* in a pure package test file', () => {
    const model = pkg('@procmap/model', {
      'src/a.test.ts': "import { readFileSync } from 'node:fs';",
    });
    expect(rules([model])).toEqual([]);
  });

  it('refuses a pure package that depends on yjs', () => {
    expect(rules([pkg('@procmap/analysis', {}, ['yjs'])])).toEqual(['pure-deps']);
  });

  it('refuses deep imports, imports of apps, undeclared and dev-only packages', () => {
    const model = pkg('@procmap/model', { 'src/index.ts': '' });
    const cli = pkg('@procmap/cli', { 'src/main.ts': '' }, [], 'apps/cli');
    const kit = pkg('@procmap/test-kit', { 'src/index.ts': '' });
    const doc = pkg(
      '@procmap/doc',
      {
        'src/a.ts':
          "import { x } from '@procmap/model/src/ids';\nimport { y } from '@procmap/cli';\nimport { z } from '@procmap/test-kit';",
      },
      ['@procmap/model', '@procmap/cli'],
    );
    expect(rules([model, cli, kit, doc]).sort()).toEqual([
      'app-import',
      'deep-import',
      'dev-only',
      'undeclared',
    ]);
  });

  it("allows a package's asset files (fonts, images) by path, never its code", () => {
    const exporter = pkg('@procmap/export', { 'src/index.ts': '' });
    const web = pkg(
      '@procmap/web',
      {
        'src/w.ts':
          "import a from '@procmap/export/fonts/Sans.ttf?url';\nimport b from '@procmap/export/src/svg.ts';",
      },
      ['@procmap/export'],
      'apps/web',
    );
    expect(rules([exporter, web])).toEqual(['deep-import']);
  });

  it('allows a stylesheet imported by path, not a missing module', () => {
    const web = pkg(
      '@procmap/web',
      { 'src/w.tsx': "import './w.css';\nimport { x } from './missing';" },
      [],
      'apps/web',
    );
    expect(rules([web])).toEqual(['relative-import']);
  });

  it('refuses React outside the web app and export *', () => {
    const doc = pkg('@procmap/doc', {
      'src/a.ts': "import { create } from 'zustand';\nexport * from './b';",
      'src/b.ts': '',
    });
    expect(rules([doc]).sort()).toEqual(['export-star', 'react']);
  });

  it('finds module cycles, ignoring type-only imports', () => {
    const doc = pkg('@procmap/doc', {
      'src/a.ts': "import { b } from './b';",
      'src/b.ts': "import { c } from './c';",
      'src/c.ts': "import { a } from './a';\nimport type { T } from './d';",
      'src/d.ts': "import type { A } from './c';",
    });
    const found = checkArchitecture([doc]).filter((v) => v.rule === 'cycle');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('src/a.ts -> src/b.ts -> src/c.ts -> src/a.ts');
  });

  it('finds package cycles', () => {
    const a = pkg('@procmap/a', { 'src/index.ts': "import { b } from '@procmap/b';" }, [
      '@procmap/b',
    ]);
    const b = pkg('@procmap/b', { 'src/index.ts': "import { a } from '@procmap/a';" }, [
      '@procmap/a',
    ]);
    expect(rules([a, b])).toEqual(['cycle']);
  });

  it('ignores imports inside comments', () => {
    const model = pkg('@procmap/model', {
      'src/a.ts': "// import * as Y from 'yjs';\n/* Math.random() */",
    });
    expect(rules([model])).toEqual([]);
  });
});

describe('importsOf', () => {
  it('reads static, side-effect, re-export and dynamic imports with their lines', () => {
    const refs = importsOf(
      "import a from 'a';\nimport 'b';\nexport { c } from 'c';\nconst d = await import('d');\nimport type { E } from 'e';",
    );
    expect(refs.map((r) => [r.specifier, r.line, r.typeOnly])).toEqual([
      ['a', 1, false],
      ['c', 3, false],
      ['e', 5, true],
      ['b', 2, false],
      ['d', 4, false],
    ]);
  });
});

describe('findCycles', () => {
  it('reports none for a DAG and one for a self-loop', () => {
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
    expect(findCycles(new Map([['a', ['a']]]))).toEqual([['a', 'a']]);
  });
});
