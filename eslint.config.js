// Lint rules: the recommended sets plus a guard that keeps Teams code in src/teams.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'src/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/teams/**', 'src/main.ts', 'src/server/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['botbuilder*', '@microsoft/teams-ai', 'botframework-*'], message: 'Teams code lives in src/teams only.' }],
      }],
    },
  },
  {
    // The domain, question understanding and card builders never import Teams or Prisma.
    files: ['src/domain/**/*.ts', 'src/ask/**/*.ts', 'src/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['botbuilder*', '@microsoft/teams-ai', 'botframework-*'], message: 'Teams code lives in src/teams only.' },
          { group: ['@prisma/*', '../store/*', '../../store/*', 'pglite*', '@electric-sql/*'], message: 'The domain is fed by repositories, never the database.' },
        ],
      }],
    },
  },
  {
    // The use cases run over repositories and a clock: no Teams, no Prisma client, no raw database.
    files: ['src/flows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['botbuilder*', '@microsoft/teams-ai', 'botframework-*'], message: 'Teams code lives in src/teams only.' },
          { group: ['@prisma/*', '**/generated/**', '**/store/database.js', 'pglite*', '@electric-sql/*'], message: 'Flows take repositories, never the database.' },
        ],
      }],
    },
  },
);
