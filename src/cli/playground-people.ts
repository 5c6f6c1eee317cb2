// The mock people of `npm run playground` and the e2e journeys, and the Playground's config file
// written from them (.m365agentsplayground.yml is playgroundConfig('oprice'), committed).
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths/package-root.js';

export const PLAYGROUND_CONFIG = path.join(PACKAGE_ROOT, '.m365agentsplayground.yml');

// Demo people (prisma/demo/kirklees/people.csv), recognised by their aadObjectId; a test keeps the
// committed file and playgroundConfig('oprice') the same.

export const PLAYGROUND_TENANT_ID = '9b3c6d2e-0000-4000-8000-00000000c0de';

export interface MockPerson { key: string; name: string; givenName: string; surname: string; email: string; aadObjectId: string; note: string }

export const PLAYGROUND_PEOPLE: readonly MockPerson[] = [
  { key: 'oprice', name: 'Owen Price', givenName: 'Owen', surname: 'Price', email: 'owen.price@example.org', aadObjectId: '6f1c2a10-0010-4a6e-9c1a-000000000010', note: 'Action owner (COM-02, COM-03, COM-06 and more in WS1 Communication).' },
  { key: 'pshah', name: 'Priya Shah', givenName: 'Priya', surname: 'Shah', email: 'priya.shah@example.org', aadObjectId: '6f1c2a10-0002-4a6e-9c1a-000000000002', note: 'Workstream lead for WS1 (Communication).' },
  { key: 'amorgan', name: 'Alex Morgan', givenName: 'Alex', surname: 'Morgan', email: 'alex.morgan@example.org', aadObjectId: '6f1c2a10-0001-4a6e-9c1a-000000000001', note: "Service director and the bot's admin." },
  { key: 'eclarke', name: 'Emma Clarke', givenName: 'Emma', surname: 'Clarke', email: 'emma.clarke@example.org', aadObjectId: '6f1c2a10-0014-4a6e-9c1a-000000000014', note: 'SENCO at Oakfield Primary School, chair of the Batley cluster.' },
  { key: 'jwalker', name: 'James Walker', givenName: 'James', surname: 'Walker', email: 'james.walker@example.org', aadObjectId: '6f1c2a10-0015-4a6e-9c1a-000000000015', note: 'SENCO at Hillside Junior and Infant School.' },
  { key: 'cbarnes', name: 'Chloe Barnes', givenName: 'Chloe', surname: 'Barnes', email: 'chloe.barnes@example.org', aadObjectId: '6f1c2a10-0011-4a6e-9c1a-000000000011', note: 'Educational psychologist in the Experts at Hand pool.' },
];

/** The Playground's project config (schema 0.1.1) with `as` as the current user and the other five as users. */
export function playgroundConfig(as = 'oprice'): string {
  const me = PLAYGROUND_PEOPLE.find((p) => p.key === as);
  if (!me) throw new Error(`No mock person "${as}"; choose one of ${PLAYGROUND_PEOPLE.map((p) => p.key).join(', ')}.`);
  const user = (p: MockPerson, indent: string, first: string) => [
    `${indent}# ${p.note}`,
    `${indent}${first}id: 29:${p.key}`,
    ...[['name', p.name], ['userPrincipleName', p.email], ['aadObjectId', p.aadObjectId], ['givenName', p.givenName], ['surname', p.surname], ['email', p.email]]
      .map(([k, v]) => `${indent}${' '.repeat(first.length)}${k}: ${v}`),
  ];
  return [
    '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json',
    '# Mock Teams for `npm run playground` and `npm run test:e2e` (Microsoft 365 Agents Playground 0.2.28).',
    '# Written by src/cli/playground.ts (playgroundConfig); change the people there. They are demo people',
    "# (prisma/demo/kirklees/people.csv) with the demo data's aadObjectIds, so the bot recognises them.",
    '# Everything here is invented. The Playground needs exactly five `users` besides the current user.',
    'version: "0.1.1"',
    `tenantId: ${PLAYGROUND_TENANT_ID}`,
    'bot:',
    '  id: 28:partnership-bot-playground',
    '  name: Partnership Bot',
    'currentUser:',
    ...user(me, '  ', ''),
    'users:',
    ...PLAYGROUND_PEOPLE.filter((p) => p !== me).flatMap((p) => user(p, '  ', '- ')),
    'personalChat:',
    `  id: a:playground-personal-${me.key}`,
    'groupChat:',
    '  id: 19:playground-batley-senco@thread.v2',
    '  name: Batley cluster SENCOs',
    'team:',
    '  id: 19:playground-partnership@thread.tacv2',
    '  name: SEND Partnership',
    '  aadGroupId: 7c1e0d55-0000-4000-8000-00000000a11e',
    '  channels:',
    '    - id: 19:playground-ws1@thread.tacv2',
    '      name: WS1 Communication',
    '',
  ].join('\n');
}
