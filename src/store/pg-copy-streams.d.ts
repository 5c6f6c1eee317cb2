// The part of pg-copy-streams (which ships no types) that the import's staging uses.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';

  interface CopyFromStream extends Writable, Submittable {}
  const copyStreams: { from(text: string): CopyFromStream };
  export = copyStreams;
}
