import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    typecheck: { enabled: false },
    testTimeout: 60_000,
  },
});
