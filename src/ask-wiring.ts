// Builds the question answerer the edge uses (src/ask over the Prisma plan reader), and the plan's
// examples for welcomes and refusals.
import { answerQuestion } from './ask/answer-question.js';
import { indexDirectory } from './ask/directory.js';
import { findActions } from './ask/find-actions.js';
import { warmDateParser } from './ask/when/chrono-dates.js';
import type { Config } from './config.js';
import { pickPlanExamples } from './domain/phrasing/welcome.js';
import { londonDate } from './domain/time/london.js';
import { isUnavailable } from './store/errors.js';
import { PrismaPlanReader } from './store/cached-plan-reader.js';
import { GlossaryStore } from './store/glossary.js';
import { MeasureStore } from './store/measures.js';
import type { Services } from './teams/services.js';

export const UNAVAILABLE_TEXT = "I can't reach the plan right now. Please try again shortly.";

/** The plan reader questions and message extension searches share (one directory cache for both). */
export function createQuestionReader(services: Services): PrismaPlanReader {
  return new PrismaPlanReader(services.store.db);
}

export async function createAsk(services: Services, _config: Config, reader = createQuestionReader(services)): Promise<Services['ask']> {
  const measures = new MeasureStore(services.store.db);
  const glossary = new GlossaryStore(services.store.db);
  warmDateParser(londonDate(services.clock.now()));
  // In the background from the start, so the first question after a restart does not pay for it:
  // the title statistics, and the directory (everyone in the plan, and a scan of the actions for
  // their reference prefixes) with its index. A failure here is met again, and reported, by the
  // first question.
  void reader.warm().then(() => reader.directory()).then(indexDirectory).catch(() => undefined);
  return async (text, asker) => {
    let failure: unknown;
    const answer = await answerQuestion(text, asker, {
      reader,
      clock: services.clock,
      measures: () => measures.all(),
      glossary: () => glossary.all(),
      chatScope: async (conversationId) => {
        const chat = await services.conversations.byConversationId(conversationId);
        return chat ? { workstreamId: chat.workstreamId, clusterId: chat.clusterId } : null;
      },
      onError: (err) => {
        failure = err;
        services.log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'question answering failed');
      },
    });
    // A database outage deserves its own kind sentence: it is not the person's fault and will pass.
    return failure !== undefined && isUnavailable(failure) ? { text: UNAVAILABLE_TEXT, cards: [] } : answer;
  };
}

/** Examples from the plan for welcomes and refusals, over a reader of their own (its directory cache). */
export function createPlanExamples(services: Services): Services['examples'] {
  const reader = new PrismaPlanReader(services.store.db);
  return () => pickPlanExamples(reader, londonDate(services.clock.now()));
}

/** The message extension's search and link previews, over the questions' reader. */
export function createFindActions(services: Services, reader: PrismaPlanReader): Services['findActions'] {
  return (text, asker, window) => findActions(text, asker, { reader, clock: services.clock }, window);
}
