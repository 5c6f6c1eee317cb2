// npm run package: builds the Teams app package (manifest.json, color.png, outline.png in a zip).
//
// The manifest template (manifest/manifest.json) takes its ids and names from the environment:
//   BOT_ID      the Azure Bot's Microsoft App ID (a GUID): the app id and the bot id   (required)
//   BOT_DOMAIN  the host name the bot is served from, e.g. send-bot.example.org       (required)
//   BOT_NAME    the name people see and @mention (default "Partnership Bot", at most 30 characters)
//   PARTNERSHIP_NAME  the partnership, in the app's full name and description (default "SEND partnership")
//   APP_VERSION the app's version (default: package.json's); raise it for every upload
//   DEVELOPER_NAME (default PARTNERSHIP_NAME), APP_WEBSITE_URL, APP_PRIVACY_URL, APP_TERMS_URL  shown on the app's details page
// It validates the manifest against its JSON schema offline (the copy inside
// @microsoft/app-manifest), checks Teams' own limits and the icons, and writes
// dist/appPackage/<name>-<version>.zip. Every problem is one line; the zip's path is the last line.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import appManifest from '@microsoft/app-manifest';
import { zipSync, type Zippable } from 'fflate';
import { PNG } from 'pngjs';
import { DEFAULT_PARTNERSHIP_NAME, PARTNERSHIP_NAME_MAX } from '../config.js';
import { PACKAGE_ROOT } from '../paths/package-root.js';

const ROOT = PACKAGE_ROOT;
export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const OUT_DIR = path.join(ROOT, 'dist', 'appPackage');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/i;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

// Teams' client limits for bot commands, stricter than the schema's.
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

export const ICONS = {
  color: { width: 192, height: 192 },
  outline: { width: 32, height: 32 },
} as const;

export interface TemplateValues { values: Record<string, string>; problems: string[]; warnings: string[] }

/** The template's values from the environment, each checked, with one line per problem. */
export function templateValues(env: Record<string, string | undefined>, defaultVersion: string): TemplateValues {
  const problems: string[] = [];
  const warnings: string[] = [];
  const get = (name: string) => (env[name] ?? '').trim();
  const bad = (name: string, expected: string) => problems.push(`${name}=${JSON.stringify(env[name] ?? '')} is not valid: expected ${expected}.`);

  const botId = get('BOT_ID');
  if (!botId) problems.push('BOT_ID is not set: set it to the Azure Bot\'s Microsoft App ID (a GUID such as 3f6b2c1e-5a4d-4e8f-9b7a-1c2d3e4f5a6b).');
  else if (!GUID.test(botId)) bad('BOT_ID', 'the Azure Bot\'s Microsoft App ID, a GUID such as 3f6b2c1e-5a4d-4e8f-9b7a-1c2d3e4f5a6b');

  const domain = get('BOT_DOMAIN');
  if (!domain) problems.push('BOT_DOMAIN is not set: set it to the host name the bot is served from, such as send-bot.example.org.');
  else if (!HOST.test(domain)) bad('BOT_DOMAIN', 'a host name such as send-bot.example.org, without https:// or a path');

  const name = get('BOT_NAME') || 'Partnership Bot';
  if (name.length > 30) bad('BOT_NAME', 'a name of at most 30 characters (Teams shows and @mentions it)');

  const version = get('APP_VERSION') || defaultVersion;
  if (!SEMVER.test(version)) bad('APP_VERSION', 'a version such as 1.0.3');

  const partnership = get('PARTNERSHIP_NAME') || DEFAULT_PARTNERSHIP_NAME;
  if (partnership.length > PARTNERSHIP_NAME_MAX) bad('PARTNERSHIP_NAME', `a name of at most ${PARTNERSHIP_NAME_MAX} characters`);

  const developer = get('DEVELOPER_NAME') || partnership;
  if (developer.length > 32) bad('DEVELOPER_NAME', 'a name of at most 32 characters (without it, PARTNERSHIP_NAME is used)');

  const urls: Record<string, string> = {};
  const defaulted: string[] = [];
  for (const [key, fallback] of [['APP_WEBSITE_URL', '/'], ['APP_PRIVACY_URL', '/privacy'], ['APP_TERMS_URL', '/terms']] as const) {
    const value = get(key);
    if (value) {
      if (!/^https:\/\/[^\s/$.?#].[^\s]*$/i.test(value)) bad(key, 'an https:// address');
      urls[key] = value;
    } else {
      urls[key] = `https://${domain || 'bot.example.org'}${fallback}`;
      defaulted.push(key);
    }
  }
  if (defaulted.length > 0 && domain && HOST.test(domain)) {
    warnings.push(`${defaulted.join(', ')} not set: using ${defaulted.map((k) => urls[k]).join(', ')}. Point them at real pages before the app is published to everyone.`);
  }

  return {
    values: { BOT_ID: botId.toLowerCase(), BOT_DOMAIN: domain.toLowerCase(), BOT_NAME: name, PARTNERSHIP_NAME: partnership, APP_VERSION: version, DEVELOPER_NAME: developer, ...urls },
    problems,
    warnings,
  };
}

/** Replaces ${{NAME}} placeholders with JSON-escaped values; names without a value are reported. */
export function fillTemplate(template: string, values: Record<string, string>): { text: string; unknown: string[] } {
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) { unknown.add(key); return whole; }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, unknown: [...unknown] };
}

/** Where @microsoft/app-manifest keeps its copy of a schema; undefined when it has none. */
export function localSchemaPath(schemaUrl: string): string | undefined {
  const prefix = 'https://developer.microsoft.com/json-schemas/teams/';
  if (!schemaUrl.startsWith(prefix)) return undefined;
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', 'teams', schemaUrl.slice(prefix.length));
  return fs.existsSync(file) ? file : undefined;
}

/** "/bots/0/scopes/3 must be equal to one of the allowed values. Details: {...}" as one readable line. */
function schemaProblem(error: string): string {
  const [head = '', details = ''] = error.split('. Details: ');
  const space = head.indexOf(' ');
  const where = head.slice(0, space) || '(top level)';
  let message = head.slice(space + 1).replace(/\s+/g, ' ').trim();
  try {
    const params = JSON.parse(details) as { allowedValues?: unknown[]; additionalProperty?: string };
    if (params.allowedValues) message += ` (${params.allowedValues.join(', ')})`;
    if (params.additionalProperty) message += ` (${params.additionalProperty})`;
  } catch { /* no details */ }
  return `manifest.json ${where}: ${message}.`;
}

/** Schema errors (offline), then the limits Teams applies beyond the schema. One line each. */
export async function checkManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = typeof manifest.$schema === 'string' ? manifest.$schema : '';
  const schemaFile = localSchemaPath(schemaUrl);
  if (!schemaFile) return [`manifest.json: $schema ${JSON.stringify(schemaUrl)} is not a Teams schema that @microsoft/app-manifest has offline; use one of its versions, e.g. v1.22.`];
  // The published schemas contain \a and \v escapes that JSON does not allow.
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Parameters<typeof appManifest.AppManifestUtils.validateAgainstSchema>[1];
  const errors = await appManifest.AppManifestUtils.validateAgainstSchema(manifest as unknown as Parameters<typeof appManifest.AppManifestUtils.validateAgainstSchema>[0], schema);
  const problems = errors.map(schemaProblem);

  const bots = Array.isArray(manifest.bots) ? manifest.bots as Array<Record<string, unknown>> : [];
  if (bots.length !== 1) problems.push('manifest.json: expected exactly one bot.');
  for (const bot of bots) {
    if (bot.botId !== manifest.id) problems.push('manifest.json: bots[0].botId must be the app id (both come from BOT_ID).');
    const lists = Array.isArray(bot.commandLists) ? bot.commandLists as Array<{ scopes?: string[]; commands?: Array<{ title?: string; description?: string }> }> : [];
    const scopes = Array.isArray(bot.scopes) ? bot.scopes as string[] : [];
    for (const scope of scopes) {
      if (!lists.some((l) => l.scopes?.includes(scope))) problems.push(`manifest.json: the bot has no command list for the ${scope} scope.`);
    }
    for (const list of lists) {
      for (const command of list.commands ?? []) {
        const where = `command "${command.title ?? ''}" (${(list.scopes ?? []).join(', ')})`;
        if ((command.title ?? '').length > COMMAND_TITLE_MAX) problems.push(`manifest.json: ${where}: the title is over ${COMMAND_TITLE_MAX} characters, which Teams does not accept.`);
        if ((command.description ?? '').length > COMMAND_DESCRIPTION_MAX) problems.push(`manifest.json: ${where}: the description is over ${COMMAND_DESCRIPTION_MAX} characters, which Teams does not accept.`);
      }
    }
  }
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains as string[] : [];
  for (const d of domains) if (!HOST.test(d)) problems.push(`manifest.json: validDomains entry ${JSON.stringify(d)} is not a host name.`);
  return problems;
}

/** Size, format and (for the outline icon) colour checks. One line per problem. */
export function checkIcon(kind: keyof typeof ICONS, file: string, data: Buffer | undefined): string[] {
  const name = path.basename(file);
  if (!data) return [`${name}: the ${kind} icon is missing (manifest/${name}); run npm run icons to draw it.`];
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (err) {
    return [`${name}: the ${kind} icon is not a readable PNG (${err instanceof Error ? err.message : String(err)}).`];
  }
  const { width, height } = ICONS[kind];
  if (png.width !== width || png.height !== height) return [`${name}: the ${kind} icon is ${png.width}×${png.height} pixels; Teams needs exactly ${width}×${height}.`];
  if (kind === 'outline') {
    let coloured = 0, transparent = 0, white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else coloured++;
    }
    const problems: string[] = [];
    if (coloured > 0) problems.push(`${name}: the outline icon has ${coloured} pixels that are neither white nor transparent; Teams needs white on a transparent background.`);
    if (transparent === 0) problems.push(`${name}: the outline icon has no transparent pixels; its background must be transparent.`);
    if (white === 0) problems.push(`${name}: the outline icon has no white pixels, so it would be invisible.`);
    return problems;
  }
  return [];
}

// ---- The zip (fflate): deflate, UTF-8 names, a fixed timestamp so the same input gives the same bytes.

export interface ZipEntry { name: string; data: Buffer }

// DOS time has no zone: a local-time date gives the same fields on every machine.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export function zip(entries: ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [new Uint8Array(entry.data), { level: 9, mtime: FIXED_MTIME }];
  return Buffer.from(zipSync(files));
}

// ---- The whole build.

export interface BuildOptions {
  env?: Record<string, string | undefined>;
  manifestDir?: string;
  outDir?: string;
  defaultVersion?: string;
}

export interface BuildResult { ok: boolean; problems: string[]; warnings: string[]; zipPath?: string; manifest?: Record<string, unknown> }

function readIfExists(file: string): Buffer | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function buildAppPackage(options: BuildOptions = {}): Promise<BuildResult> {
  const manifestDir = options.manifestDir ?? MANIFEST_DIR;
  const outDir = options.outDir ?? OUT_DIR;
  const { values, problems, warnings } = templateValues(options.env ?? process.env, options.defaultVersion ?? packageVersion());

  const templateFile = path.join(manifestDir, 'manifest.json');
  const template = readIfExists(templateFile);
  if (!template) return { ok: false, problems: [...problems, `manifest.json: the template ${templateFile} is missing.`], warnings };
  const { text, unknown } = fillTemplate(template.toString('utf8'), values);
  for (const key of unknown) problems.push(`manifest.json: the placeholder \${{${key}}} has no value; known ones are ${Object.keys(values).join(', ')}.`);

  let manifest: Record<string, unknown> | undefined;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    problems.push(`manifest.json: not valid JSON after filling the template (${err instanceof Error ? err.message : String(err)}).`);
  }
  // Schema errors only mean something once the environment is right (an unset BOT_ID is not a GUID).
  if (manifest && problems.length === 0) problems.push(...await checkManifest(manifest));

  const icons = (manifest?.icons ?? { color: 'color.png', outline: 'outline.png' }) as { color?: string; outline?: string };
  const files: ZipEntry[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const relative = icons[kind];
    if (!relative) continue; // the schema check reports it
    const file = path.join(manifestDir, relative);
    const data = readIfExists(file);
    problems.push(...checkIcon(kind, file, data));
    if (data) files.push({ name: relative, data });
  }

  if (problems.length > 0 || !manifest) return { ok: false, problems, warnings, manifest };

  const body = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  fs.mkdirSync(outDir, { recursive: true });
  const slug = values.BOT_NAME!.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'teams-app';
  const zipPath = path.join(outDir, `${slug}-${values.APP_VERSION}.zip`);
  fs.writeFileSync(path.join(outDir, 'manifest.json'), body); // the filled manifest, for reading
  fs.writeFileSync(zipPath, zip([{ name: 'manifest.json', data: body }, ...files]));
  return { ok: true, problems, warnings, zipPath, manifest };
}

async function main(): Promise<void> {
  const result = await buildAppPackage();
  for (const w of result.warnings) console.error(`package: warning: ${w}`);
  if (!result.ok || !result.zipPath) {
    for (const p of result.problems) console.error(`package: ${p}`);
    console.error(`package: no package written (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}).`);
    process.exit(1);
  }
  const m = result.manifest as { id: string; version: string; name: { short: string }; validDomains: string[] };
  console.log(`package: "${m.name.short}" ${m.version}, app and bot id ${m.id}, domain ${m.validDomains.join(', ')}; manifest valid against its schema, icons checked.`);
  console.log(result.zipPath);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(`package: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
