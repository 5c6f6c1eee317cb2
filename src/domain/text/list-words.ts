// Lists in prose: "A, B and C", as every sentence the bot writes them.

/** "A, B and C" (or "A, B or C"); one item alone; nothing for none. */
export function listWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}
