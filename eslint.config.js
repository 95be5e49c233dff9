import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through parseConfig (src/config.ts) only.',
        },
      ],
    },
  },
  {
    files: [
      'src/config.ts',
      'test/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      'bin/**',
      'bench/**',
      'vitest.config.ts',
      'web/vite.config.ts',
      'e2e/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'kysely',
                'pg',
                'fastify',
                '@electric-sql/*',
                'node:fs',
                'fs',
                'react',
                '**/store/**',
                '**/server/**',
              ],
              message: 'src/domain stays pure: no I/O or framework imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layers point down: the server and the auth wiring use the store, never the other way round. Shared rules
    // (session lifetimes, throttles, access) live in src/domain/access/.
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/auth/**', '**/server/**'],
              message:
                'src/store must not import src/auth or src/server: move the shared rule to src/domain.',
            },
          ],
        },
      ],
    },
  },
);
