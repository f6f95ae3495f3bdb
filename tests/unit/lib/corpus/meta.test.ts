import { describe, expect, it } from 'vitest';
import { KNOWN_ENTITIES } from '../../../../lib/vocabulary/known-entities.ts';
import { normalizeForCompare } from '../../../../lib/corpus/text.ts';
import { TOPICS } from '../../../../lib/vocabulary/topics.ts';
import type { Side } from '../../../../lib/vocabulary/entities.ts';
import { built, source } from './helpers.ts';

/**
 * The meta-test: invariants every record must hold, checked over the whole
 * corpus built from seeds/, so a rule change that breaks one record fails.
 */
const SIDES: Side[] = ['huawei', 'chinese-government', 'us-government', 'independent', 'press', 'unnamed'];

describe('every statement', () => {
  const { statements, sources, dropped } = built();

  it('there is a corpus to check', () => {
    expect(statements.length).toBeGreaterThan(50);
    expect(new Set(statements.map((s) => s.file)).size).toBe(5);
  });

  it('is a verbatim span of its source file, and so are its duplicates', () => {
    for (const s of statements) {
      const text = source(s.file);
      expect(text.slice(s.span[0], s.span[1]), s.id).toBe(s.text);
      expect(s.text.trim(), s.id).toBe(s.text);
      for (const d of s.duplicates) {
        expect(normalizeForCompare(source(d.file).slice(d.span[0], d.span[1]))).toBe(normalizeForCompare(s.text));
      }
    }
  });

  it('has a speaker with id, name, role and a known side', () => {
    for (const s of statements) {
      expect(s.speaker.id, s.id).toMatch(/\S/);
      expect(s.speaker.name, s.id).toMatch(/\S/);
      expect(s.speaker.role, s.id).toMatch(/\S/);
      expect(SIDES, s.id).toContain(s.speaker.side);
    }
  });

  it('has a kind, a topics array of known topics, and unique id', () => {
    for (const s of statements) {
      expect(['primary', 'counterclaim', 'context'], s.id).toContain(s.kind);
      expect(Array.isArray(s.topics), s.id).toBe(true);
      for (const t of s.topics) expect(TOPICS, s.id).toContain(t);
    }
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });

  it('has a source whose metadata has a date or an explicit null', () => {
    const byFile = new Map(sources.map((m) => [m.file, m]));
    for (const s of statements) {
      const meta = byFile.get(s.file);
      expect(meta, s.id).toBeDefined();
      expect(Object.hasOwn(meta!, 'date'), s.id).toBe(true);
      expect(meta!.date === null || /^\d{4}(-\d{2}){0,2}$/.test(meta!.date), s.id).toBe(true);
    }
    expect(byFile.get('000_a551dc9bee7d4d0b.txt')!.date).toBeNull();
  });

  it('never overlaps site chrome, and contains none', () => {
    for (const s of statements) {
      for (const d of dropped.find((x) => x.file === s.file)!.drops) {
        expect(s.span[1] <= d.span[0] || s.span[0] >= d.span[1], `${s.id} overlaps ${d.rule}`).toBe(true);
      }
      expect(s.text).not.toMatch(/cookies|Please enter|Disqus|Copyright|Transcript provided|Photo:|Image source|Posted in|View All/);
    }
  });

  it('known persons and organizations speak with their table identity', () => {
    const table = new Map(KNOWN_ENTITIES.entities.map((e) => [e.id, e]));
    for (const s of statements) {
      const e = table.get(s.speaker.id);
      if (e) expect({ name: s.speaker.name, side: s.speaker.side }, s.id).toEqual({ name: e.name, side: e.side });
    }
  });
});
