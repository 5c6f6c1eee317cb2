// The welcome's words, apart from Teams: every example is something the plan holds.
import { describe, expect, it } from 'vitest';
import {
  groupWelcome, personalWelcome, pickPlanExamples, questionsToTry, type PlanExamples,
} from '../../../src/domain/phrasing/welcome.js';
import type { ActionQuery, PlanDirectory, PlanReader } from '../../../src/domain/plan/reader.js';
import type { Action, Cluster, Workstream } from '../../../src/domain/plan/types.js';

const settings = (examples: PlanExamples) => ({ partnershipName: 'Calderdale SEND partnership', botName: 'Plan Helper', examples });

function readerOf(actions: Pick<Action, 'ref' | 'status' | 'dueDate'>[], workstreams: Partial<Workstream>[], clusters: Partial<Cluster>[]) {
  const queries: ActionQuery[] = [];
  const reader: Pick<PlanReader, 'directory' | 'listActions'> = {
    directory: async () => ({ people: [], workstreams, clusters, settings: [], actionPrefixes: [], sources: [], loadedAt: new Date() }) as unknown as PlanDirectory,
    listActions: async (query) => {
      queries.push(query);
      const items = actions
        .filter((a) => !query.statuses || query.statuses.includes(a.status))
        .filter((a) => !query.dueFrom || (a.dueDate ?? '') >= query.dueFrom)
        .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
      return { total: items.length, items: items.slice(0, 1) as Action[] };
    },
  };
  return { reader, queries };
}

describe('examples from the plan', () => {
  it('picks the open action due soonest, a workstream, and a cluster with a chair', async () => {
    const { reader } = readerOf(
      [{ ref: 'ABC-1', status: 'complete', dueDate: '2026-12-01' }, { ref: 'ABC-7', status: 'on_track', dueDate: '2027-01-10' }, { ref: 'ABC-3', status: 'at_risk', dueDate: '2026-12-20' }],
      [{ code: 'P2' }], [{ name: 'Halifax North', chairId: null }, { name: 'Brighouse', chairId: 4 }],
    );
    expect(await pickPlanExamples(reader, '2026-12-05')).toEqual({ actionRef: 'ABC-3', workstreamCode: 'P2', clusterName: 'Brighouse' });
  });

  it('falls back to any action when none is open and due, and finds nothing in an empty plan', async () => {
    const closed = readerOf([{ ref: 'ABC-1', status: 'complete', dueDate: '2026-01-01' }], [], []);
    expect(await pickPlanExamples(closed.reader, '2026-12-05')).toEqual({ actionRef: 'ABC-1', workstreamCode: undefined, clusterName: undefined });
    const empty = readerOf([], [], []);
    expect(await pickPlanExamples(empty.reader, '2026-12-05')).toEqual({ actionRef: undefined, workstreamCode: undefined, clusterName: undefined });
  });
});

describe('the welcome', () => {
  it('asks only about things that exist', () => {
    expect(questionsToTry({ actionRef: 'ABC-3', workstreamCode: 'P2' })).toEqual(["What's overdue?", 'Who owns ABC-3?', 'What are my actions?']);
    expect(questionsToTry({ workstreamCode: 'P2' })).toEqual(["What's overdue?", 'What are my actions?', 'How is P2 doing?']);
  });

  it('names the configured partnership and bot, and links by real names', () => {
    const text = groupWelcome(settings({ actionRef: 'ABC-3', workstreamCode: 'P2', clusterName: 'Brighouse' }));
    expect(text).toContain('I help the Calderdale SEND partnership keep track of its improvement plan.');
    expect(text).toContain('"@Plan Helper what\'s overdue?"');
    expect(text).toContain('say "link this chat to the Brighouse cluster" or "link this chat to P2".');
    expect(text).not.toMatch(/no plan here yet/);
  });

  it('on an empty plan: no examples, and how to import one', () => {
    for (const text of [personalWelcome('Sam', settings({})), groupWelcome(settings({}))]) {
      expect(text).toMatch(/no plan here yet/);
      expect(text).toMatch(/npm run import/);
      expect(text).not.toMatch(/Who owns|How is|link this chat to the|[A-Z]{2,}-?\d/);
    }
    expect(groupWelcome(settings({}))).toContain('say "link this chat to" and the name of a cluster or workstream.');
  });
});
