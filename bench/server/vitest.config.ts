import { defineConfig } from 'vitest/config';

// The bench's own checks (real server processes), outside the workspace's Vitest projects:
// `npx vitest run --config bench/server/vitest.config.ts`.
export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.test.ts'], testTimeout: 60_000 },
});
