import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEntityFile } from '../../../../lib/corpus/entity-file.ts';
import { ROOT, SEEDS } from './helpers.ts';

/** seeds/entities.json: the table of speakers is data, checked with file and line on every problem. */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function read(raw: string): { problems: string[]; ok: boolean; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'entities-'));
  dirs.push(dir);
  const path = join(dir, 'entities.json');
  writeFileSync(path, raw);
  const problems: string[] = [];
  const table = readEntityFile(path, problems);
  return { problems, ok: table !== null, path };
}

const PERSON = `  {
    "id": "jane-roe",
    "name": "Jane Roe",
    "type": "person",
    "role": "Minister of Examples",
    "side": "independent",
    "pronoun": "she",
    "aliases": ["Jane Roe", "Roe"]
  }`;

describe('seeds/entities.json', () => {
  it('the repository table reads without a problem', () => {
    const problems: string[] = [];
    const table = readEntityFile(join(SEEDS, 'entities.json'), problems);
    expect(problems).toEqual([]);
    expect(table!.entities.length).toBeGreaterThan(5);
  });

  it('a valid entry gives a table that finds its names, longest alias first', () => {
    const { problems, ok } = read(`[\n${PERSON}\n]\n`);
    expect(problems).toEqual([]);
    expect(ok).toBe(true);
  });

  it('an unknown field is named with its line', () => {
    const raw = `[\n${PERSON.replace('"pronoun": "she",', '"pronoun": "she",\n    "party": "x",')}\n]\n`;
    const { problems, path } = read(raw);
    const line = raw.split('\n').findIndex((l) => l.includes('"party"')) + 1;
    expect(problems).toEqual([expect.stringContaining(`${path}:${line}: entity (jane-roe): unknown field "party"`)]);
  });

  it('a bad side names the side line and the allowed sides', () => {
    const raw = `[\n${PERSON.replace('"independent"', '"neutral"')}\n]\n`;
    const { problems, path } = read(raw);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${path}:7: entity \\(jane-roe\\): "side" must be one of huawei, .*got "neutral"`))]);
  });

  it('a duplicate id is refused, naming both lines', () => {
    const raw = `[\n${PERSON},\n${PERSON.replace('"Jane Roe", "Roe"', '"J. Roe"')}\n]\n`;
    const { problems, path, ok } = read(raw);
    expect(ok).toBe(false);
    expect(problems).toEqual([`${path}:12: entity (jane-roe): duplicate id (first at line 2)`]);
  });

  it('an alias of another party is refused with both lines', () => {
    const other = PERSON.replace('"jane-roe"', '"john-roe"').replace('"Jane Roe", "Roe"', '"John Roe", "Roe"');
    const raw = `[\n${PERSON},\n${other}\n]\n`;
    const { problems, path } = read(raw);
    expect(problems).toEqual([`${path}:18: entity (john-roe): alias "Roe" is also jane-roe's (line 2); a name must name one party`]);
  });

  it('missing fields, a pronoun on an organization and lower-case labels are refused', () => {
    const raw = `[\n  { "id": "acme", "name": "Acme", "type": "organization", "side": "huawei", "pronoun": "he", "aliases": ["Acme"], "labels": ["Acme"] }\n]\n`;
    const { problems, path } = read(raw);
    expect(problems).toEqual([
      `${path}:2: entity (acme): "role" must be a non-empty string`,
      `${path}:2: entity (acme): "pronoun" is for persons only`,
      `${path}:2: entity (acme): "labels" are upper-case transcript labels ("REN:")`,
    ]);
  });

  it('malformed JSON names line and column; a missing file says what it is for', () => {
    const { problems, path } = read('[\n  { "id": "x", }\n]\n');
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${path}:2:\\d+: malformed JSON`))]);
    const none: string[] = [];
    expect(readEntityFile(join(tmpdir(), 'no-such-dir-xyz', 'entities.json'), none)).toBeNull();
    expect(none[0]).toMatch(/entities\.json: missing/);
  });

  it('no person is named in lib/corpus code (comments aside): the names live in the table', () => {
    const table = JSON.parse(readFileSync(join(SEEDS, 'entities.json'), 'utf8')) as { type: string; aliases: string[] }[];
    const names = table.filter((e) => e.type === 'person').flatMap((e) => e.aliases);
    expect(names.length).toBeGreaterThan(0);
    const dir = join(ROOT, 'lib', 'corpus');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const code = readFileSync(join(dir, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const n of names) expect(new RegExp(`\\b${n}\\b`).test(code), `${f} names ${n}`).toBe(false);
    }
  });
});
