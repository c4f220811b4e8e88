import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources, so they never depend on a stale build.
    alias: {
      '@jepa-dynamics/core': src('core'),
      '@jepa-dynamics/ode': src('ode'),
      // before the package itself: an alias also matches the paths below its name
      '@jepa-dynamics/symbolic/evaluators': fileURLToPath(new URL('./packages/symbolic/src/evaluators.ts', import.meta.url)),
      '@jepa-dynamics/symbolic': src('symbolic'),
      '@jepa-dynamics/sim': src('sim'),
      '@jepa-dynamics/experiments': src('experiments'),
      '@jepa-dynamics/cli': src('cli'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core. vitest's default keeps a core for its main process (one file at a
    // time on a two-core machine), which sits mostly idle while the files run.
    maxWorkers: availableParallelism(),
  },
});
