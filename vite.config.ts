import { defineConfig } from 'vitest/config';

// One Vitest project per workspace package, so `vitest run --project doc` runs just that one.
const project = (name: string, root: string) => ({
  test: { name, root, include: ['src/**/*.test.ts'] },
});

export default defineConfig({
  test: {
    projects: [
      project('model', './packages/model'),
      project('doc', './packages/doc'),
      project('layout', './packages/layout'),
      project('protocol', './packages/protocol'),
      project('export', './packages/export'),
      project('analysis', './packages/analysis'),
      project('simulation', './packages/simulation'),
      project('compare', './packages/compare'),
      project('interop', './packages/interop'),
      project('test-kit', './packages/test-kit'),
      project('cli', './apps/cli'),
      project('server', './apps/server'),
      project('web', './apps/web'), // pure modules only: no DOM in these tests
      { test: { name: 'scripts', root: './scripts', include: ['**/*.test.ts'] } },
    ],
  },
});
