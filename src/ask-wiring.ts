// Builds the question answerer the edge uses: src/ask over the Prisma plan reader.
import { answerQuestion } from './ask/answer-question.js';
import type { Config } from './config.js';
import { isUnavailable } from './store/errors.js';
import { PrismaPlanReader } from './store/plan-reader.js';
import type { Services } from './teams/services.js';

export const UNAVAILABLE_TEXT = "I can't reach the plan right now. Please try again shortly.";

export async function createAsk(services: Services, _config: Config): Promise<Services['ask']> {
  const reader = new PrismaPlanReader(services.store.db);
  return async (text, asker) => {
    let failure: unknown;
    const answer = await answerQuestion(text, asker, {
      reader,
      clock: services.clock,
      onError: (err) => {
        failure = err;
        services.log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'question answering failed');
      },
    });
    // A database outage deserves its own kind sentence: it is not the person's fault and will pass.
    return failure !== undefined && isUnavailable(failure) ? { text: UNAVAILABLE_TEXT, cards: [] } : answer;
  };
}
