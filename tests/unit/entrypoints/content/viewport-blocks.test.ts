// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { viewportBlocks } from '../../../../entrypoints/content/viewport-blocks.ts';

/** A document of `n` paragraphs whose hit tests the test counts: every point lands in paragraph `at`. */
function page(n: number, at = 0) {
  document.body.replaceChildren(...Array.from({ length: n }, (_, i) => Object.assign(document.createElement('p'), { textContent: `Paragraph ${i}` })));
  let hits = 0;
  const target = document.body.children[at]!;
  document.elementFromPoint = () => {
    hits++;
    return target;
  };
  return { hits: () => hits, target };
}

describe('viewportBlocks', () => {
  it('on a large page, one hit test per step: the caller’s slices bound the probe (each hit test may cost milliseconds on a long page)', () => {
    const p = page(3200, 5);
    const steps = viewportBlocks(document);
    let result: IteratorResult<void, Element[]>;
    let stepsTaken = 0;
    let most = 0;
    do {
      const before = p.hits();
      result = steps.next();
      most = Math.max(most, p.hits() - before);
      stepsTaken++;
    } while (!result.done);
    expect(p.hits()).toBe(15);
    expect(most).toBe(1);
    expect(stepsTaken).toBe(16);
    expect(result.value).toEqual([p.target]);
  });

  it('on a small page, no hit test and no step: the scan starts at once', () => {
    const p = page(10);
    const result = viewportBlocks(document).next();
    expect(result).toEqual({ done: true, value: [] });
    expect(p.hits()).toBe(0);
  });
});
