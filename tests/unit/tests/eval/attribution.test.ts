import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../../lib/data/input-error.ts';
import type { Statement } from '../../../../lib/data/types.ts';
import {
  type EvalReport,
  judge,
  judgeNarration,
  type Label,
  locate,
  nameKey,
  occurrences,
  overlap,
  rates,
  readLabels,
  ROOT,
  runEval,
  speakerMatches,
  WRITER,
} from '../../../eval/attribution.ts';

/**
 * The attribution eval: its matching rules (so its figures can be trusted)
 * and floors under its totals (so no change can quietly make attribution
 * worse). The floors are today's measured figures, not the targets; whoever
 * raises the figures raises the floors.
 */

// Measured 2026-12-01 on 39 dev articles / 279 party labels + 4 writer labels and 73 + 1 seed
// labels (dev 258/279 found, 241/258 speaker, 240/258 kind, writer 4/4; seeds 70/73, 69/70, 69/70, 1/1).
// The dev rates fell from 0.937/0.958/0.950 when articles 35-39 were added unseen (their 24
// labels: 19 found, 12 speaker, 13 kind): the first 255 labels still score 239/229/227.
// Targets (issue #13): found >= 0.90, speaker >= 0.95 of found, kind >= 0.90 of found.
const FLOORS = {
  dev: { found: 0.924, speaker: 0.934, kind: 0.930, narration: 1 },
  seeds: { found: 0.958, speaker: 0.985, kind: 0.985, narration: 1 },
} as const;

function statement(span: [number, number], name: string, kind: Statement['kind'] = 'primary', side: Statement['speaker']['side'] = 'huawei'): Statement {
  return {
    id: `x#${span[0]}`,
    text: '',
    file: 'a.txt',
    span,
    speaker: { id: name.toLowerCase(), name, role: '', side },
    kind,
    voice: 'quote',
    via: 'quote-tag',
    topics: [],
    answers: [],
    duplicates: [],
  };
}

function label(text: string, speaker = 'Huawei', kind: Label['kind'] = 'primary', speakerAlso?: string[]): Label {
  return { file: 'a.txt', text, speaker, kind, line: 1, ...(speakerAlso ? { speakerAlso } : {}) };
}

describe('locating a label in its article', () => {
  it('finds the words across curly/straight quotes and re-wrapped whitespace, as a span of the original', () => {
    const source = 'Intro.\n\n“We oppose\nthe decision,” Huawei said.';
    const span = locate(source, '"We oppose the decision,"');
    expect(span).not.toBeNull();
    expect(source.slice(...span!)).toBe('“We oppose\nthe decision,”');
  });

  it('takes the first occurrence and returns null for words that are not there', () => {
    expect(locate('a b. a b.', 'a b')).toEqual([0, 3]);
    expect(locate('a b.', 'a c')).toBeNull();
  });
});

describe('overlap', () => {
  it('counts shared characters of half-open spans', () => {
    expect(overlap([0, 10], [5, 20])).toBe(5);
    expect(overlap([0, 10], [10, 20])).toBe(0);
    expect(overlap([3, 4], [0, 10])).toBe(1);
  });
});

describe('name matching', () => {
  it('ignores case, punctuation, diacritics and "the"', () => {
    expect(nameKey('The U.S. Commerce Department')).toBe(nameKey('US Commerce Department'));
    expect(nameKey("China's Ministry of Commerce")).toBe(nameKey('Chinas ministry of commerce'));
    expect(nameKey('Wilbur L. Ross')).not.toBe(nameKey('Wilbur Ross'));
    expect(nameKey('Wang Wenbin')).not.toBe(nameKey('Wang Yi'));
  });

  it('accepts the label speaker or a listed variant, nothing else', () => {
    const l = label('x', 'Hua Chunying', 'primary', ['Chinese Foreign Ministry']);
    expect(speakerMatches(l, statement([0, 1], 'Hua Chunying').speaker)).toBe(true);
    expect(speakerMatches(l, statement([0, 1], 'Chinese foreign ministry').speaker)).toBe(true);
    expect(speakerMatches(l, statement([0, 1], 'Chinese government').speaker)).toBe(false);
  });

  it('"(unnamed)" matches any speaker the pipeline marks unnamed, and a named one only when listed', () => {
    const l = label('x', '(unnamed)', 'context', ['U.S. government']);
    expect(speakerMatches(l, statement([0, 1], 'Unnamed officials', 'context', 'unnamed').speaker)).toBe(true);
    expect(speakerMatches(l, statement([0, 1], 'U.S. government', 'context', 'us-government').speaker)).toBe(true);
    expect(speakerMatches(l, statement([0, 1], 'Reuters', 'context', 'press').speaker)).toBe(false);
    expect(speakerMatches(label('x', '(unnamed)'), statement([0, 1], '(unnamed)', 'context', 'press').speaker)).toBe(false);
  });
});

describe('judging a label', () => {
  const source = '0123456789abcdefghij';
  const l = label('23456789'); // span [2, 10], 8 characters

  it('is found when one statement covers at least half of it, judged on the best-overlapping one', () => {
    const inFile = occurrences([statement([0, 5], 'Huawei'), statement([5, 20], 'Reuters', 'context', 'press')]);
    const v = judge(l, source, inFile.get('a.txt')!);
    expect(v.found).toBe(true);
    if (v.found) {
      expect(v.got.speaker).toBe('Reuters');
      expect(v.speakerRight).toBe(false);
      expect(v.kindRight).toBe(false);
    }
  });

  it('is not found when the best statement covers less than half, even if several together cover it all', () => {
    const inFile = occurrences([statement([0, 5], 'Huawei'), statement([5, 8], 'Huawei'), statement([8, 20], 'Huawei')]);
    const v = judge(l, source, inFile.get('a.txt')!);
    expect(v.found).toBe(false);
    if (!v.found) expect(v.partial?.speaker).toBe('Huawei');
  });

  it('a "(writer)" label holds while no statement covering half of it names a party; the press may have it', () => {
    const writer = label('23456789', WRITER, 'context');
    expect(judgeNarration(writer, source, occurrences([statement([0, 20], 'Reuters', 'context', 'press')]).get('a.txt')!).held).toBe(true);
    expect(judgeNarration(writer, source, []).held).toBe(true);
    const given = judgeNarration(writer, source, occurrences([statement([0, 20], 'Reuters', 'context', 'press'), statement([3, 9], 'U.S. government', 'context', 'us-government')]).get('a.txt')!);
    expect(given.held).toBe(false);
    expect(given.got?.speaker).toBe('U.S. government');
    expect(judgeNarration(writer, source, occurrences([statement([8, 20], 'U.S. government', 'context', 'us-government')]).get('a.txt')!).held).toBe(true);
  });

  it('counts a merged duplicate where it stands in its own file', () => {
    const record = { ...statement([0, 4], 'Ren Zhengfei'), file: 'b.txt', duplicates: [{ file: 'a.txt', span: [2, 10] as [number, number] }] };
    const inFile = occurrences([record]).get('a.txt')!;
    const v = judge(label('23456789', 'Ren Zhengfei'), source, inFile);
    expect(v.found && v.speakerRight && v.kindRight).toBe(true);
  });
});

describe('reading labels', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attr-labels-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and line of every bad entry, including a label whose words are not in its article', () => {
    const path = join(dir, 'labels.json');
    writeFileSync(
      path,
      [
        '[',
        ' { "file": "a.txt", "text": "We oppose", "speaker": "Huawei", "kind": "primary" },',
        ' { "file": "a.txt", "text": "not in the text", "speaker": "Huawei", "kind": "primary" },',
        ' { "file": "a.txt", "text": "We oppose", "speaker": "Huawei", "kind": "quote", "who": 1 }',
        ']',
      ].join('\n'),
    );
    const texts = new Map([['a.txt', '"We oppose it," Huawei said.']]);
    let error: unknown;
    try {
      readLabels(path, texts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems).toContainEqual(expect.stringMatching(/labels\.json:3: text not found in a\.txt/));
    expect(problems).toContainEqual(expect.stringMatching(/labels\.json:4: unknown field "who"/));
    expect(problems).toContainEqual(expect.stringMatching(/labels\.json:4: "kind" must be one of/));
    expect(problems).toHaveLength(3);
  });
});

describe('npm run eval:attribution on broken fixtures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attr-fixtures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 naming the labels file and line of a label whose words are not in its article', () => {
    cpSync(join(ROOT, 'tests/fixtures/attribution'), dir, { recursive: true });
    const labels = join(dir, 'labels.json');
    const raw = readFileSync(labels, 'utf8');
    writeFileSync(labels, raw.replace('"text": "This is a good thing."', '"text": "This is a fine thing."'));
    const line = raw.slice(0, raw.indexOf('"text": "This is a good thing."')).split('\n').length;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/eval-attribution.ts'), '--fixtures', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${labels}:${line}: text not found in 05_huawei-ren-interview-associated-press.txt`);
    expect(r.stdout).toBe('');
  }, 60_000);
});

describe('attribution on the development set and the seeds (npm run eval:attribution)', () => {
  let report: EvalReport;
  // About 2 s on an idle machine; the margin is for a loaded shared CI runner, not for slowness.
  beforeAll(() => {
    report = runEval();
  }, 60_000);

  it('labels every document it evaluates: at least 12 real articles and 120 statements besides the seeds', () => {
    for (const set of [report.dev, report.seeds]) {
      for (const d of set.documents) expect(d.labels, d.file).toBeGreaterThan(0);
    }
    expect(report.dev.documents.length).toBeGreaterThanOrEqual(12);
    expect(report.dev.total.labels).toBeGreaterThanOrEqual(120);
    expect(report.seeds.documents).toHaveLength(5);
  });

  for (const name of ['dev', 'seeds'] as const) {
    it(`${name}: found, speaker right, kind right and the writer's words held stay at or above the measured floors`, () => {
      const r = rates(report[name].total);
      for (const k of ['found', 'speaker', 'kind', 'narration'] as const) {
        expect(r[k] >= FLOORS[name][k] - 1e-9, `${name} ${k}: ${r[k].toFixed(3)} is below the floor ${FLOORS[name][k]}`).toBe(true);
      }
    });
  }
});
