// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Highlighter, type PlacedMention } from '../../../../entrypoints/content/highlighter.ts';
import { TALL_PAGE_PX } from '../../../../entrypoints/content/tall-page.ts';
import { CATEGORIES } from '../../../../lib/vocabulary/categories.ts';
import { defaultSettings } from '../../../../lib/settings/schema.ts';

/**
 * The Highlighter against a stand-in window: a highlight registry the test
 * reads, a page height it sets, and animation frames it runs.
 */
function harness(height: number) {
  const frames = new Map<number, () => void>();
  let next = 1;
  const registry = new Map<string, Set<unknown>>();
  const view = {
    CSS: { highlights: registry },
    Highlight: class extends Set<unknown> {
      priority = 0;
    },
    StaticRange: class {},
    document: { scrollingElement: { scrollHeight: height } },
    requestAnimationFrame: (fn: () => void) => {
      frames.set(next, fn);
      return next++;
    },
    cancelAnimationFrame: (id: number) => frames.delete(id),
  };
  const highlighter = new Highlighter(CATEGORIES, view as unknown as Window & typeof globalThis);
  return {
    highlighter,
    registry,
    frames,
    setHeight: (px: number) => (view.document.scrollingElement.scrollHeight = px),
    runFrames: () => {
      const due = [...frames.values()];
      frames.clear();
      for (const fn of due) fn();
    },
  };
}

function mention(category: PlacedMention['category'] = 'huawei'): PlacedMention {
  const text = document.createTextNode('Huawei said so.');
  document.body.append(text);
  return { category, text: 'Huawei', term: 'Huawei', block: text.data, at: 0, range: {} as StaticRange, nodes: [text] };
}

const { categories } = defaultSettings();

describe('Highlighter: underlines and the page’s height', () => {
  it('a page of ordinary height keeps the fill style’s underlined names', () => {
    const h = harness(TALL_PAGE_PX);
    h.highlighter.applyView(categories, 'background');
    h.highlighter.add(mention());
    h.runFrames();
    expect([...h.registry.keys()].sort()).toEqual(['mark-a', 'mark-b', 'mark-c', 'mark-x']);
  });

  it('a very tall page has its fills registered without underlines by the first frame after the first mention', () => {
    const h = harness(TALL_PAGE_PX + 1);
    h.highlighter.applyView(categories, 'background');
    const m = mention();
    h.highlighter.add(m);
    h.runFrames();
    expect([...h.registry.keys()].sort()).toEqual(['mark-a-fill', 'mark-b-fill', 'mark-c-fill', 'mark-x']);
    // The same Highlight object, with its range: nothing was rebuilt.
    expect(h.registry.get('mark-a-fill')?.has(m.range)).toBe(true);
    // Settings read later (the content script reads them after the first mention) keep the page's choice.
    h.highlighter.applyView(categories, 'background');
    expect(h.registry.has('mark-a')).toBe(false);
    expect(h.registry.has('mark-a-fill')).toBe(true);
    // The underline style draws only lines: it keeps them.
    h.highlighter.applyView(categories, 'underline');
    expect([...h.registry.keys()].sort()).toEqual(['mark-a-line', 'mark-b-line', 'mark-c-line', 'mark-x']);
  });

  it('measures once a frame however many mentions a slice adds, and follows a page that grows past the height', () => {
    const h = harness(1000);
    h.highlighter.applyView(categories, 'background');
    for (let i = 0; i < 50; i++) h.highlighter.add(mention());
    expect(h.frames.size).toBe(1);
    h.runFrames();
    expect(h.registry.has('mark-a')).toBe(true);
    // No mention added, no measure: a page without new mentions is left alone.
    expect(h.frames.size).toBe(0);
    h.setHeight(TALL_PAGE_PX * 2);
    h.highlighter.add(mention('no-spy'));
    h.runFrames();
    expect(h.registry.has('mark-a')).toBe(false);
    expect(h.registry.get('mark-a-fill')?.size).toBe(50);
    expect(h.registry.get('mark-c-fill')?.size).toBe(1);
  });

  it('a disposed highlighter measures nothing more', () => {
    const h = harness(TALL_PAGE_PX + 1);
    h.highlighter.applyView(categories, 'background');
    h.highlighter.add(mention());
    h.highlighter.dispose();
    expect(h.frames.size).toBe(0);
    expect(h.registry.size).toBe(0);
  });
});
