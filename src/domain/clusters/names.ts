// Finding the cluster someone means: "Batley", "the Batley cluster", "BS1", "Holme Valley".
export interface NamedCluster { id: number; code: string; name: string }

export type ClusterMatch<C extends NamedCluster> = { kind: 'one'; cluster: C } | { kind: 'many'; clusters: C[] } | { kind: 'none' };

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

/** Strips the words around a cluster's name: "the Batley cluster community" → "batley". */
export function clusterPhrase(text: string): string {
  return norm(text).replace(/^(?:the )/, '').replace(/ ?\b(?:cluster|community|communities|senco|sencos)\b/g, '').trim();
}

export function matchCluster<C extends NamedCluster>(text: string, clusters: C[]): ClusterMatch<C> {
  const phrase = clusterPhrase(text);
  if (!phrase) return { kind: 'none' };
  const exact = clusters.filter((c) => norm(c.name) === phrase || norm(c.code) === phrase);
  if (exact.length === 1) return { kind: 'one', cluster: exact[0]! };
  // "Dewsbury" names two clusters; "Birstall" names one.
  const partial = clusters.filter((c) => ` ${norm(c.name)} `.includes(` ${phrase} `));
  if (partial.length === 1) return { kind: 'one', cluster: partial[0]! };
  if (partial.length > 1) return { kind: 'many', clusters: partial };
  return { kind: 'none' };
}
