import { describe, expect, it } from 'vitest';
import { answeredBy } from '../../../../lib/data/answers.ts';
import { corpus } from '../search/helpers.ts';

describe('answeredBy (the answers links read backwards)', () => {
  it('lists, for each target, the items that answer it, in input order; a self-link and a repeated link count once or not at all', () => {
    const a = { id: 'a', answers: [] };
    const b = { id: 'b', answers: ['a', 'a'] };
    const c = { id: 'c', answers: ['a', 'c', 'b'] };
    const d = { id: 'd', answers: ['gone'] };
    expect(answeredBy([a, b, c, d])).toEqual(
      new Map([
        ['a', [b, c]],
        ['b', [c]],
        ['gone', [d]],
      ]),
    );
  });

  it('agrees with the corpus it is built for: every link of data/ appears once, reversed', () => {
    const shipped = corpus();
    let links = 0;
    for (const s of shipped.statements.values()) {
      links += s.answers.length;
      for (const target of s.answers) expect(shipped.answeredBy.get(target)).toContain(s.id);
    }
    expect([...shipped.answeredBy.values()].reduce((n, by) => n + by.length, 0)).toBe(links);
    expect(links).toBeGreaterThan(0);
  });
});
