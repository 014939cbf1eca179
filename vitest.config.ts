import { defineConfig } from 'vitest/config';

// vitest runs the engine and cross-cutting fixture tests; browser tests (widgets, extension)
// have runners of their own (see scripts/test.mjs).
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default'],
  },
});
