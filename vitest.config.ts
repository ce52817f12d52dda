import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    // Vitest's default is one fewer than the cores: a single worker on a 2-core CI machine, while
    // many files mostly wait (RT, child hosts, fsync). Two: 622 s -> 427 s here, all passing.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
