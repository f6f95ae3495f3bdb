import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, type Seed } from '../../../../lib/corpus/build.ts';
import { KNOWN_ENTITIES } from '../../../../lib/vocabulary/known-entities.ts';
import { decodeSeed } from '../../../../lib/corpus/seeds.ts';
import { ROOT, run, snapshot, source, tempSeeds } from './helpers.ts';

const META = { file: 'x.txt', title: null, publisher: null, url: null, date: null, author: null };

/** Ways a maintainer's pasted page goes wrong. */
const mangled = fc.oneof(
  // A real seed cut anywhere.
  fc.tuple(fc.constantFrom('001_cf337998d25e89a1.txt', '002_6c67cefa4da1482a.txt', '003_076bccee9a179dba.txt'), fc.nat()).map(
    ([file, at]) => {
      const text = source(file);
      return text.slice(0, at % (text.length + 1));
    },
  ),
  // Unbalanced quotes, no punctuation, transcript-looking lines, mixed scripts.
  fc.array(
    fc.oneof(
      fc.constantFrom('“', '"', '‘', "'", '”', ':', 'LIANG HUA:', 'said Ren.', '\n\n', ' ', 'U.S.', 'Huawei', '华为', 'no-spy', 'e\u0301'),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 200 },
  ).map((parts) => parts.join('')),
  // One huge line with no punctuation.
  fc.nat({ max: 200_000 }).map((n) => 'Huawei said '.concat('word '.repeat(Math.max(1, n / 5)))),
);

describe('the corpus pipeline on mangled documents', () => {
  it('builds, with every statement a verbatim span of its source, or stops with a documented error', () => {
    fc.assert(
      fc.property(mangled, (text) => {
        const seed: Seed = { meta: { ...META }, text };
        let result;
        try {
          result = buildCorpus([seed], [], KNOWN_ENTITIES);
        } catch (error) {
          // The only documented failure of buildCorpus itself is an InputError
          // naming the file; anything else is a bug.
          expect(String(error)).toMatch(/x\.txt/);
          return;
        }
        for (const s of result.statements) expect(text.slice(s.span[0], s.span[1])).toBe(s.text);
        for (const d of result.documents) for (const p of d.paragraphs) expect(text.slice(p.span[0], p.span[1])).toContain(p.text.slice(0, 20));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses binary files with the byte, line and column, as UTF-8 decoding is strict', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 500 }), (bytes) => {
        const out = decodeSeed('x.txt', bytes);
        if ('problem' in out) expect(out.problem).toMatch(/^x\.txt(:\d+:\d+)?: /);
        else expect(typeof out.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('npm run index killed mid-way', () => {
  it('leaves data/ either as it was or fully written, never half-written', async () => {
    const { seeds, out } = tempSeeds();
    expect(run('index.ts', ['--seeds', seeds, '--out', out]).status).toBe(0);
    const before = snapshot(out);
    // A change to a seed so that a complete run writes different bytes.
    const file = readdirSync(seeds).find((f) => f.startsWith('003_'))!;
    writeFileSync(join(seeds, file), `${source(file)}\n\n“We will sign,” Zhao said.`);
    let sawOld = 0;
    let sawNew = 0;
    for (const delay of [5, 20, 40, 60, 80, 100, 130, 160, 200, 260, 320, 400]) {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'index.ts'), '--seeds', seeds, '--out', out], { stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await closed;
      const now = snapshot(out);
      if (JSON.stringify([...now]) === JSON.stringify([...before])) sawOld++;
      else {
        // Whatever was written is a complete, consistent set: --check agrees with it.
        expect(run('index.ts', ['--seeds', seeds, '--out', out, '--check']).status).toBe(0);
        sawNew++;
      }
    }
    expect(sawOld + sawNew).toBe(12);
    // The next run cleans up after the killed ones.
    expect(run('index.ts', ['--seeds', seeds, '--out', out]).status).toBe(0);
    expect(readdirSync(join(out, '..')).filter((e) => e.startsWith('.data.'))).toEqual([]);
  }, 60_000);
});
