// npm run package: the Teams app package from the manifest template, the environment and the icons.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { colorIcon, encode, outlineIcon } from '../../src/cli/make-icons.js';
import { buildAppPackage, checkIcon, checkManifest, fillTemplate, MANIFEST_DIR, templateValues, zip } from '../../src/cli/package.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENV = { BOT_ID: '3F6B2C1E-5A4D-4E8F-9B7A-1C2D3E4F5A6B', BOT_DOMAIN: 'send-bot.example.org', BOT_NAME: 'SEND Plan Helper' };
const BOT_ID = ENV.BOT_ID.toLowerCase();

/** Reads a zip with nothing but node:zlib: names and contents, checking every CRC. */
function unzip(buffer: Buffer): Map<string, Buffer> {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (buffer.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + size);
    const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
    if ((zlib.crc32(data) >>> 0) !== crc) throw new Error(`CRC mismatch in ${name}`);
    files.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

interface Command { title: string; description: string }
interface Manifest {
  $schema: string; manifestVersion: string; version: string; id: string;
  name: { short: string; full: string }; description: { short: string; full: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Command[] }> }>;
  validDomains: string[];
  staticTabs?: Array<{ entityId: string; name?: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }>;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
}

describe('the app package', () => {
  let outDir: string;
  let zipPath: string;
  let files: Map<string, Buffer>;
  let manifest: Manifest;

  beforeAll(async () => {
    outDir = tempDir();
    const result = await buildAppPackage({ env: ENV, outDir });
    expect(result.problems).toEqual([]);
    zipPath = result.zipPath!;
    files = unzip(fs.readFileSync(zipPath));
    manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
  });
  afterAll(() => { fs.rmSync(outDir, { recursive: true, force: true }); });

  it('is a zip with the manifest and both icons at its root, named after the app and version', () => {
    expect(path.basename(zipPath)).toBe(`send-plan-helper-${manifest.version}.zip`);
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(files.get('color.png')!.equals(fs.readFileSync(path.join(MANIFEST_DIR, 'color.png')))).toBe(true);
  });

  it('opens with the system unzip too, when there is one', () => {
    let hasUnzip = true;
    try { execFileSync('unzip', ['-v'], { stdio: 'ignore' }); } catch { hasUnzip = false; }
    if (!hasUnzip) { console.warn('[package] unzip is not installed: skipping the cross-check'); return; }
    const out = execFileSync('unzip', ['-t', zipPath], { encoding: 'utf8' });
    expect(out).toMatch(/No errors detected/);
  });

  it('fills ids, names and the domain from the environment', () => {
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    expect(manifest.name.short).toBe('SEND Plan Helper');
    expect(manifest.name.full).toMatch(/^SEND Plan Helper: /);
    expect(manifest.validDomains).toEqual(['send-bot.example.org']);
    expect(manifest.version).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
  });

  it('names the partnership from PARTNERSHIP_NAME, neutrally by default, and no plan of its own', async () => {
    expect(manifest.name.full).toBe('SEND Plan Helper: SEND partnership improvement plan');
    expect(manifest.description.full).toMatch(/^A chat helper for the SEND partnership and its improvement plan/);
    // Nothing from the demo plan: the package is built before, and apart from, any plan.
    expect(JSON.stringify(manifest)).not.toMatch(/Kirklees|Big Plan|COM-06|WS5|Batley/);

    const dir = tempDir();
    try {
      const named = await buildAppPackage({ env: { ...ENV, PARTNERSHIP_NAME: 'Calderdale SEND Partnership' }, outDir: dir });
      expect(named.problems).toEqual([]);
      const m = named.manifest as unknown as Manifest & { developer: { name: string } };
      expect(m.name.full).toBe('SEND Plan Helper: Calderdale SEND Partnership improvement plan');
      expect(m.description.full).toContain('for the Calderdale SEND Partnership and its improvement plan');
      expect(m.developer.name).toBe('Calderdale SEND Partnership');
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('is valid against its schema, offline, on a current manifest version', async () => {
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(await checkManifest(manifest as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('adds the public plan page and the reports as tabs beside the chat, on the bot\'s own domain', () => {
    const tabs = manifest.staticTabs ?? [];
    expect(tabs[0]).toEqual({ entityId: 'conversations', scopes: ['personal'] });
    expect(tabs.map((t) => t.contentUrl)).toEqual([undefined, 'https://send-bot.example.org/plan', 'https://send-bot.example.org/reports']);
    for (const t of tabs.slice(1)) expect(t.websiteUrl).toBe(t.contentUrl);
  });

  it('puts the bot in personal, team and group chat scopes with a command list for each', () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const scope of ['personal', 'team', 'groupChat']) {
      const lists = bot.commandLists.filter((l) => l.scopes.includes(scope));
      expect(lists).toHaveLength(1);
      const titles = lists[0]!.commands.map((c) => c.title);
      expect(titles).toEqual(expect.arrayContaining(["What's overdue?", 'update my actions', 'new Experts at Hand request', 'help']));
      expect(titles.filter((t) => t.endsWith('?')).length).toBeGreaterThanOrEqual(3); // questions people can ask
    }
  });

  it('describes itself in plain British English', () => {
    const words = [manifest.description.short, manifest.description.full,
      ...manifest.bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.description))].join('\n');
    expect(words).not.toMatch(/\b(color|organization|organize|center|program|prioritize|utilize|leverage)\b/i);
    // Short sentences: nothing a screen reader user has to wade through.
    for (const sentence of words.split(/(?<=[.?!])\s+/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(40);
  });

  it('writes the same bytes for the same input', async () => {
    const again = await buildAppPackage({ env: ENV, outDir: tempDir() });
    expect(fs.readFileSync(again.zipPath!).equals(fs.readFileSync(zipPath))).toBe(true);
  });
});

describe('problems are reported one line each, and no package is written', () => {
  it('needs BOT_ID and BOT_DOMAIN', async () => {
    const outDir = tempDir();
    const result = await buildAppPackage({ env: {}, outDir });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(/^BOT_ID is not set: .*GUID/),
      expect.stringMatching(/^BOT_DOMAIN is not set: /),
    ]);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('checks each value', () => {
    const { problems } = templateValues({ BOT_ID: 'partnership-bot', BOT_DOMAIN: 'https://bot.example.org/api', BOT_NAME: 'A name that is far too long for Teams', APP_VERSION: 'one', APP_PRIVACY_URL: 'http://example.org/privacy' }, '0.1.0');
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/BOT_ID="partnership-bot" is not valid: expected .*GUID/);
    expect(problems.join('\n')).toMatch(/BOT_DOMAIN=.* without https:\/\//);
    expect(problems.join('\n')).toMatch(/BOT_NAME=.* at most 30 characters/);
    expect(problems.join('\n')).toMatch(/APP_VERSION="one"/);
    expect(problems.join('\n')).toMatch(/APP_PRIVACY_URL=.*https:\/\//);
    for (const p of problems) expect(p).not.toMatch(/\n/);
  });

  it('checks the partnership name, and a developer name that defaults to it', () => {
    const long = 'The Very Long Name of a Local Area SEND Partnership Board';
    expect(templateValues({ ...ENV, PARTNERSHIP_NAME: long }, '0.1.0').problems.join('\n')).toMatch(/PARTNERSHIP_NAME=.* at most 50 characters/);
    expect(templateValues({ ...ENV, PARTNERSHIP_NAME: 'A SEND partnership of thirty-three' }, '0.1.0').problems.join('\n')).toMatch(/DEVELOPER_NAME=.*PARTNERSHIP_NAME is used/);
    expect(templateValues({ ...ENV, PARTNERSHIP_NAME: 'A SEND partnership of thirty-three', DEVELOPER_NAME: 'SEND team' }, '0.1.0').problems).toEqual([]);
  });

  it('escapes values and reports placeholders it cannot fill', () => {
    const { text, unknown } = fillTemplate('{"a": "${{BOT_NAME}}", "b": "${{NOPE}}"}', { BOT_NAME: 'Say "hi"\\' });
    expect(JSON.parse(text.replace('${{NOPE}}', '')).a).toBe('Say "hi"\\');
    expect(unknown).toEqual(['NOPE']);
  });

  it('reports schema errors from a broken template', async () => {
    const dir = tempDir();
    const template = JSON.parse(fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'));
    delete template.description;
    template.accentColor = 'teal';
    template.bots[0].scopes.push('everywhere');
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(template));
    for (const icon of ['color.png', 'outline.png']) fs.copyFileSync(path.join(MANIFEST_DIR, icon), path.join(dir, icon));
    const result = await buildAppPackage({ env: ENV, manifestDir: dir, outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(false);
    const all = result.problems.join('\n');
    expect(all).toMatch(/description/);
    expect(all).toMatch(/accentColor/);
    expect(all).toMatch(/scopes/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('applies Teams limits the schema does not: command titles and a command list per scope', async () => {
    const template = JSON.parse(fillTemplate(fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'), templateValues(ENV, '1.0.0').values).text);
    template.bots[0].commandLists[0].commands[0].title = 'What is overdue across every workstream?';
    template.bots[0].commandLists = template.bots[0].commandLists.slice(0, 2);
    const problems = await checkManifest(template);
    expect(problems).toEqual([
      expect.stringMatching(/no command list for the groupChat scope/),
      expect.stringMatching(/title is over 32 characters/),
    ]);
  });

  it('refuses a schema version it cannot check offline', async () => {
    const problems = await checkManifest({ $schema: 'https://example.org/schema.json' });
    expect(problems).toEqual([expect.stringMatching(/not a Teams schema .* offline/)]);
  });
});

describe('icon checks', () => {
  const png = (width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]) => {
    const image = new PNG({ width, height });
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data.set(pixel(x, y), (y * width + x) * 4);
    return PNG.sync.write(image);
  };

  it('accepts the committed icons, which the generator reproduces byte for byte', () => {
    const color = fs.readFileSync(path.join(MANIFEST_DIR, 'color.png'));
    const outline = fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png'));
    expect(checkIcon('color', 'color.png', color)).toEqual([]);
    expect(checkIcon('outline', 'outline.png', outline)).toEqual([]);
    expect(encode(colorIcon()).equals(color)).toBe(true);
    expect(encode(outlineIcon()).equals(outline)).toBe(true);
  });

  it('rejects wrong sizes, missing files and files that are not PNGs', () => {
    expect(checkIcon('color', 'color.png', png(96, 96, () => [0, 0, 0, 255]))).toEqual([expect.stringMatching(/96×96 pixels; Teams needs exactly 192×192/)]);
    expect(checkIcon('outline', 'outline.png', undefined)).toEqual([expect.stringMatching(/missing/)]);
    expect(checkIcon('color', 'color.png', Buffer.from('not a png'))).toEqual([expect.stringMatching(/not a readable PNG/)]);
  });

  it('rejects an outline icon with colour or without a transparent background', () => {
    const coloured = png(32, 32, (x) => (x < 4 ? [255, 0, 0, 255] : x < 8 ? [255, 255, 255, 200] : [0, 0, 0, 0]));
    expect(checkIcon('outline', 'outline.png', coloured)).toEqual([expect.stringMatching(/128 pixels that are neither white nor transparent/)]);
    const opaque = png(32, 32, () => [255, 255, 255, 255]);
    expect(checkIcon('outline', 'outline.png', opaque)).toEqual([expect.stringMatching(/no transparent pixels/)]);
    const empty = png(32, 32, () => [0, 0, 0, 0]);
    expect(checkIcon('outline', 'outline.png', empty)).toEqual([expect.stringMatching(/no white pixels/)]);
  });
});

describe('the zip writer', () => {
  it('round-trips names (UTF-8 too) and contents, empty files included', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('hello '.repeat(1000)) }, { name: 'ünïcode/é.json', data: Buffer.from('{}') }, { name: 'empty', data: Buffer.alloc(0) }];
    const files = unzip(zip(entries));
    expect([...files.keys()]).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(files.get(e.name)!.equals(e.data)).toBe(true);
  });

  it('gives the same bytes for the same input, whatever the time', () => {
    const entries = [{ name: 'manifest.json', data: Buffer.from('{"a":1}') }];
    const first = zip(entries);
    vi.useFakeTimers({ now: new Date('2031-06-15T12:00:00Z') });
    try { expect(zip(entries).equals(first)).toBe(true); } finally { vi.useRealTimers(); }
  });
});

describe('npm run package', () => {
  const run = promisify(execFile);
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const script = path.join(ROOT, 'src', 'cli', 'package.ts');
  const clean = (extra: Record<string, string>) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(BOT_|APP_|DEVELOPER_|PARTNERSHIP_)/.test(k)) env[k] = v;
    return { ...env, ...extra };
  };

  it('prints the zip path on its last line', async () => {
    const { stdout } = await run(tsx, [script], { env: clean({ ...ENV, BOT_NAME: 'Partnership Bot' }), cwd: ROOT });
    const last = stdout.trim().split('\n').at(-1)!;
    expect(last).toMatch(/dist\/appPackage\/partnership-bot-[\d.]+\.zip$/);
    expect(fs.existsSync(last)).toBe(true);
  }, 60_000);

  it('exits 1 with one line per problem when the environment is incomplete', async () => {
    const failed = await run(tsx, [script], { env: clean({ BOT_DOMAIN: 'https://x' }), cwd: ROOT }).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).toBe(1);
    const lines = failed!.stderr.trim().split('\n').filter((l) => l.startsWith('package: '));
    expect(lines).toEqual([
      expect.stringMatching(/^package: BOT_ID is not set/),
      expect.stringMatching(/^package: BOT_DOMAIN="https:\/\/x" is not valid/),
      'package: no package written (2 problems).',
    ]);
  }, 60_000);
});
