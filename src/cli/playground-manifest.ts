// What the Playground would need from the app manifest. It reads none (0.2.28 has no option for a
// manifest or an app package), so its message extension asks for the search command's id and its
// parameter's name by hand; these are the values to give it, read from manifest/manifest.json.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../paths/package-root.js';

const manifestShape = z.object({
  composeExtensions: z.array(z.object({
    commands: z.array(z.object({ id: z.string(), type: z.string(), parameters: z.array(z.object({ name: z.string() })).default([]) })),
  })).default([]),
});

export interface SearchCommand { id: string; parameter: string }

/** The manifest's compose-box search command (type "query") and its first parameter. */
export function manifestSearchCommand(manifestPath = path.join(PACKAGE_ROOT, 'manifest', 'manifest.json')): SearchCommand {
  const manifest = manifestShape.parse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  const command = manifest.composeExtensions.flatMap((e) => e.commands).find((c) => c.type === 'query');
  const parameter = command?.parameters[0]?.name;
  if (!command || !parameter) throw new Error(`${manifestPath} declares no search command with a parameter.`);
  return { id: command.id, parameter };
}
