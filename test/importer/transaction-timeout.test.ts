import { expect, it } from 'vitest';
import { transactionTimeout } from '../../src/importer/import-folder.js';
import type { FolderInput } from '../../src/importer/read-folder.js';

const folderOf = (actions: number, people: number): FolderInput => ({
  files: {
    'actions.csv': Array.from({ length: actions }, () => ({ line: 2, row: {} })) as never,
    'people.csv': Array.from({ length: people }, () => ({ line: 2, row: {} })) as never,
  },
  issues: [], fatal: false,
});

it('gives a small import two minutes and a big one time in proportion to its rows', () => {
  expect(transactionTimeout(folderOf(46, 20))).toBe(120_000);
  expect(transactionTimeout(folderOf(100_000, 5_000))).toBe(120_000);
  expect(transactionTimeout(folderOf(1_000_000, 5_000))).toBe(311_250);
});
