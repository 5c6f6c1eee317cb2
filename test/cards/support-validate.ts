// Adaptive Card validation with the official renderer library (UMD bundle, no DOM needed to parse).
import { createRequire } from 'node:module';

interface ValidationEvent { phase: number; event: number; message: string }
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: ValidationEvent[] } };
  SerializationContext: new (version?: unknown) => { eventCount: number; getEventAt(i: number): ValidationEvent };
  Version: { parse(s: string, context: unknown): unknown };
  Versions: { v1_5: unknown };
}

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Problems the library reports when parsing the card as version 1.5 (empty when valid). */
export function cardProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, not 1.5`);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const size = Buffer.byteLength(JSON.stringify(json));
  if (size > 28 * 1024) problems.push(`card is ${size} bytes, over 28 KB`);
  return problems;
}
