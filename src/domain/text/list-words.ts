// Lists in prose: "A, B and C", as every sentence the bot writes them.

/** "A, B and C"; one item alone; nothing for none. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
