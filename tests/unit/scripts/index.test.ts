import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../../lib/corpus/build.ts';
import { writeDirAtomically } from '../../../lib/corpus/write.ts';
import { ROOT, run, snapshot, useTempSeeds } from '../lib/corpus/helpers.ts';

/** `npm run index` end to end, on temp copies of seeds/ (the real seeds are never touched). */

const setup = useTempSeeds();

const PROVENANCE = 'provenance.json';
const FIRST = '000_a551dc9bee7d4d0b.txt';

describe('npm run index', () => {
  it('writes the four data files, byte-identical on every run and equal to the committed data/', () => {
    const t = setup();
    const a = run('index.ts', ['--seeds', t.seeds, '--out', join(t.dir, 'a')]);
    const b = run('index.ts', ['--seeds', t.seeds, '--out', join(t.dir, 'b')]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(readdirSync(join(t.dir, 'a')).sort()).toEqual([...DATA_FILES].sort());
    expect(snapshot(join(t.dir, 'a'))).toEqual(snapshot(join(t.dir, 'b')));
    for (const f of DATA_FILES) {
      expect(readFileSync(join(t.dir, 'a', f), 'utf8'), f).toBe(readFileSync(join(ROOT, 'data', f), 'utf8'));
    }
  });

  it('--check passes when data/ is current and fails, naming the file, when a seed changed', () => {
    const t = setup();
    expect(run('index.ts', ['--seeds', t.seeds, '--out', t.out]).status).toBe(0);
    const ok = run('index.ts', ['--check', '--seeds', t.seeds, '--out', t.out]);
    expect(ok.status, ok.stderr).toBe(0);
    appendFileSync(join(t.seeds, FIRST), '\nWe will never install a backdoor in any product.\n');
    const before = snapshot(t.out);
    const stale = run('index.ts', ['--check', '--seeds', t.seeds, '--out', t.out]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/stale/);
    expect(stale.stderr).toMatch(/statements\.json \(differs\)/);
    expect(snapshot(t.out)).toEqual(before);
  });

  it('--check fails when data/ is missing a file', () => {
    const t = setup();
    run('index.ts', ['--seeds', t.seeds, '--out', t.out]);
    unlinkSync(join(t.out, 'sources.json'));
    const r = run('index.ts', ['--check', '--seeds', t.seeds, '--out', t.out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/sources\.json \(missing\)/);
  });

  it('--report prints the statements table and counts per speaker and kind, and writes nothing', () => {
    const t = setup();
    const r = run('index.ts', ['--report', '--seeds', t.seeds, '--out', t.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^where\s+speaker\s+kind\s+via\s+topics/m);
    expect(r.stdout).toMatch(/seeds\/001_cf337998d25e89a1\.txt:\d+\s+Liang Hua\s+primary\s+quote-tag\s+no-spy\s+\S+\s+We are willing to sign no-spy/);
    expect(r.stdout).toMatch(/Statements per speaker and kind:/);
    expect(r.stdout).toMatch(/TOTAL\s+\d+\s+\d+\s+\d+/);
    expect(existsSync(t.out)).toBe(false);
  });

  it('--report on a new document: new speakers, dropped quotes with file:line, and what changed since data/', () => {
    const t = setup();
    run('index.ts', ['--seeds', t.seeds, '--out', t.out]);
    writeFileSync(
      join(t.seeds, '005_new.txt'),
      'Harbour Commissioner Ilse Vark said on Monday that the port would stay open to Huawei ships.\n\n' +
        'The weather was fine all week.\n\n"Nobody will be turned away from this harbour."\n',
    );
    const entries = JSON.parse(readFileSync(join(t.seeds, PROVENANCE), 'utf8')) as unknown[];
    entries.push({ file: '005_new.txt', title: null, publisher: 'Harbour Gazette', url: null, date: null, author: null });
    writeFileSync(join(t.seeds, PROVENANCE), JSON.stringify(entries, null, 1));
    const r = run('index.ts', ['--report', '--seeds', t.seeds, '--out', t.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/New speakers[^\n]*\n(?:  .*\n)*\s+\S*005_new\.txt:1 Ilse Vark \(person; Harbour Commissioner; side unnamed; found by title/);
    expect(r.stdout).toMatch(/Not attributed[^\n]*\n(?:  .*\n)*\s+\S*005_new\.txt:5: quote not attributed, dropped .*Nobody will be turned away/);
    expect(r.stdout).toMatch(/Changed since the committed data\/statements\.json[^\n]*\n(?:  .*\n)*\s+\+ \S*005_new\.txt:1 Ilse Vark, context: Harbour Commissioner/);
  });

  it('keeps files in data/ that it does not own', () => {
    const t = setup();
    mkdirSync(t.out);
    writeFileSync(join(t.out, 'other-tool.json'), '{"keep":true}');
    expect(run('index.ts', ['--seeds', t.seeds, '--out', t.out]).status).toBe(0);
    expect(readFileSync(join(t.out, 'other-tool.json'), 'utf8')).toBe('{"keep":true}');
  });
});

describe('bad input: a clear error naming file and line, exit 1, data/ untouched', () => {
  /** Builds a good data/ first, breaks the seeds, runs again, checks message and bytes. */
  function expectFailure(breakSeeds: (seeds: string) => void, ...patterns: RegExp[]): string {
    const t = setup();
    expect(run('index.ts', ['--seeds', t.seeds, '--out', t.out]).status).toBe(0);
    const before = snapshot(t.out);
    breakSeeds(t.seeds);
    const r = run('index.ts', ['--seeds', t.seeds, '--out', t.out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nothing written/);
    for (const p of patterns) expect(r.stderr).toMatch(p);
    expect(snapshot(t.out)).toEqual(before);
    expect(readdirSync(t.dir).filter((f) => f.startsWith('.data.'))).toEqual([]);
    return r.stderr;
  }

  it('an empty document', () => {
    expectFailure((s) => writeFileSync(join(s, FIRST), ''), /000_a551dc9bee7d4d0b\.txt: file is empty/);
  });

  it('a whitespace-only document', () => {
    expectFailure((s) => writeFileSync(join(s, FIRST), ' \n\u00a0\n'), /000_a551dc9bee7d4d0b\.txt: file is empty/);
  });

  it('a non-UTF-8 document: byte offset, line and column', () => {
    expectFailure(
      (s) => writeFileSync(join(s, FIRST), Buffer.concat([Buffer.from('line one\nline two\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from(' here\n')])),
      /000_a551dc9bee7d4d0b\.txt:3:5: not valid UTF-8 \(byte 0xff at byte offset 22\)/,
    );
  });

  it('a truncated UTF-8 sequence (Latin-1 "é" as 0xe9)', () => {
    expectFailure(
      (s) => writeFileSync(join(s, FIRST), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' ok\n')])),
      /000_a551dc9bee7d4d0b\.txt:1:4: not valid UTF-8 \(byte 0xe9/,
    );
  });

  it('a seed .txt with no metadata entry', () => {
    expectFailure(
      (s) => writeFileSync(join(s, '005_new.txt'), 'Huawei said it would never spy.\n'),
      /005_new\.txt: no entry in .*provenance\.json/,
    );
  });

  it('a metadata entry whose file does not exist', () => {
    expectFailure((s) => unlinkSync(join(s, '004_36b3ccdd15a1845b.txt')), /provenance\.json:\d+: entry for 004_36b3ccdd15a1845b\.txt, but .* does not exist/);
  });

  it('malformed metadata JSON: line and column, reported once', () => {
    const stderr = expectFailure((s) => {
      const path = join(s, PROVENANCE);
      const lines = readFileSync(path, 'utf8').split('\n');
      // Line 4 is `  "title": ...,`: drop its comma.
      lines[3] = lines[3]!.replace(/,$/, '');
      writeFileSync(path, lines.join('\n'));
    }, /provenance\.json:5:\d+: malformed JSON/);
    expect(stderr).not.toMatch(/no entry/);
  });

  it('a metadata entry missing a field', () => {
    expectFailure((s) => {
      const path = join(s, PROVENANCE);
      const meta = JSON.parse(readFileSync(path, 'utf8'));
      delete meta[2].date;
      writeFileSync(path, JSON.stringify(meta, null, 1));
    }, /provenance\.json:\d+: entry \(002_6c67cefa4da1482a\.txt\): "date" is missing \(use null when unknown\)/);
  });

  it('a metadata field of the wrong type, and a bad date', () => {
    expectFailure(
      (s) => {
        const path = join(s, PROVENANCE);
        const meta = JSON.parse(readFileSync(path, 'utf8'));
        meta[1].title = 42;
        meta[3].date = '18/08/2020';
        writeFileSync(path, JSON.stringify(meta, null, 1));
      },
      /entry \(001_cf337998d25e89a1\.txt\): "title" must be a string or null, got number/,
      /entry \(003_076bccee9a179dba\.txt\): "date" must be YYYY, YYYY-MM or YYYY-MM-DD/,
    );
  });

  it('a malformed date is one error at the entry\'s line, not also a false "no entry" for its file', () => {
    let entryLine = 0;
    const stderr = expectFailure((s) => {
      const path = join(s, PROVENANCE);
      const meta = JSON.parse(readFileSync(path, 'utf8'));
      meta[3].date = '2020-13-45';
      const raw = JSON.stringify(meta, null, 1);
      entryLine = raw.split('\n').findIndex((l) => l.includes('"003_076bccee9a179dba.txt"'));
      writeFileSync(path, raw);
    });
    const about003 = stderr.split('\n').filter((l) => l.includes('003_076bccee9a179dba'));
    expect(about003).toHaveLength(1);
    expect(about003[0]).toMatch(new RegExp(`provenance\\.json:${entryLine}: entry \\(003_076bccee9a179dba\\.txt\\): "date" must be YYYY, YYYY-MM or YYYY-MM-DD, got "2020-13-45"`));
    expect(stderr).not.toMatch(/no entry/);
  });

  it('a duplicate metadata entry: both lines named', () => {
    expectFailure((s) => {
      const path = join(s, PROVENANCE);
      const meta = JSON.parse(readFileSync(path, 'utf8'));
      meta.push({ ...meta[0] });
      writeFileSync(path, JSON.stringify(meta, null, 1));
    }, /provenance\.json:\d+: duplicate entry for 000_a551dc9bee7d4d0b\.txt \(first at line 2\)/);
  });

  it('metadata that is not an array', () => {
    expectFailure((s) => writeFileSync(join(s, PROVENANCE), '{"file": "x.txt"}'), /provenance\.json:1:1: expected a JSON array/);
  });

  it('an override that matches no statement', () => {
    expectFailure(
      (s) => writeFileSync(join(s, 'overrides.json'), JSON.stringify([{ file: FIRST, quote: 'No such sentence in the file', speaker: 'huawei' }])),
      /override #1 .* matches 0 statements, expected 1/,
    );
  });

  it('an override naming an unknown speaker', () => {
    expectFailure(
      (s) => writeFileSync(join(s, 'overrides.json'), JSON.stringify([{ file: FIRST, quote: 'This is simply not true', speaker: 'nobody' }])),
      /overrides\.json:1: override: "speaker" must be an entity id/,
    );
  });
});

describe('overrides', () => {
  it('a matching override changes the record and is marked as such', () => {
    const t = setup();
    writeFileSync(
      join(t.seeds, 'overrides.json'),
      JSON.stringify([{ file: '001_cf337998d25e89a1.txt', quote: 'A top Huawei executive said', speaker: 'liang-hua', note: 'the executive is Liang Hua' }]),
    );
    expect(run('index.ts', ['--seeds', t.seeds, '--out', t.out]).status).toBe(0);
    const statements = JSON.parse(readFileSync(join(t.out, 'statements.json'), 'utf8')) as { text: string; speaker: { id: string }; via: string }[];
    const s = statements.find((x) => x.text.startsWith('A top Huawei executive said'))!;
    expect(s.speaker.id).toBe('liang-hua');
    expect(s.via).toBe('override');
  });
});

describe('atomic write', () => {
  it('a failure while writing leaves the target exactly as it was and no temp directory', () => {
    const t = setup();
    mkdirSync(t.out);
    writeFileSync(join(t.out, 'statements.json'), 'old');
    const before = snapshot(t.out);
    const files = new Map([
      ['statements.json', 'new'],
      ['missing-dir/index.json', 'cannot be written'],
    ]);
    expect(() => writeDirAtomically(t.out, files)).toThrow();
    expect(snapshot(t.out)).toEqual(before);
    expect(readdirSync(t.dir).sort()).toEqual(['data', 'seeds']);
  });

  it('a successful write replaces the whole set', () => {
    const t = setup();
    writeDirAtomically(t.out, new Map([['a.json', '1']]));
    writeDirAtomically(t.out, new Map([['a.json', '2']]));
    expect(readFileSync(join(t.out, 'a.json'), 'utf8')).toBe('2');
    expect(readdirSync(t.dir).sort()).toEqual(['data', 'seeds']);
  });
});
