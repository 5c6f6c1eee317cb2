// Builds the question answerer the edge uses (src/ask), and loads demo data on request.
import type { Config } from './config.js';
import { personalWelcome } from './domain/phrasing/welcome.js';
import type { Services } from './teams/services.js';

export async function createAsk(services: Services, _config: Config): Promise<Services['ask']> {
  return async (_text, asker) => ({ text: personalWelcome(asker.person?.name ?? null), cards: [] });
}
