// The folder that holds package.json. Files the app reads at run time (prisma/migrations, the demo
// data, the manifest) are found from here, so the same code works from src/ under tsx and from the
// compiled dist/app/ under node, whatever the depth of the calling module.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot(import.meta.dirname);

/** A path inside the package, e.g. fromRoot('prisma', 'migrations'). */
export function fromRoot(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
