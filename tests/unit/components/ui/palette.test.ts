import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightName } from '../../../../entrypoints/content/highlight-names.ts';
import { CATEGORIES } from '../../../../lib/vocabulary/categories.ts';
import { filesUnder, ROOT } from '../../files.ts';

/**
 * One palette, from one place: components/ui/tokens.css. The page's
 * highlight sheets cannot read its custom properties (they style the page's
 * own document), so they spell the category colours out; these tests hold
 * them to the tokens, and keep every other sheet of ours free of colour
 * literals.
 */

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const COLOUR = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/;

/** The declarations of the first rule whose selector is exactly `selector`, comments dropped. */
function block(css: string, selector: string): Map<string, string> {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const at = code.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no rule for ${selector}`);
  const body = code.slice(code.indexOf('{', at) + 1, code.indexOf('}', at));
  return new Map(
    body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()] as [string, string]),
  );
}

/** `underline dotted rgb(0, 114, 178)` -> its colour and line style. */
function decoration(value: string | undefined): { colour: string; style: string } {
  const colour = /rgba?\([^)]*\)/.exec(value ?? '')?.[0];
  if (!colour) throw new Error(`no colour in text-decoration: ${value}`);
  return { colour, style: /\b(solid|dotted|dashed|wavy|double)\b/.exec(value ?? '')?.[1] ?? 'solid' };
}

const tokens = block(read('components/ui/tokens.css'), ':root,\n.sc-card');
/** The page's highlight sheets: they spell the colours out (see above), held to the tokens here. */
const PAGE_SHEETS = ['components/ui/highlights.css', 'components/ui/highlight-styles.css'];
const [fills, lines] = PAGE_SHEETS.map(read) as [string, string];
const parts = read('components/ui/parts.css');

describe('category colours', () => {
  it('reads the tokens it compares (the parser is not blind)', () => {
    expect(tokens.get('--sc-cat-huawei')).toBe('rgb(230, 159, 0)');
    expect(tokens.get('--sc-side-huawei')).toBe('var(--sc-cat-huawei)');
  });

  it.each(CATEGORIES)('%s: the page highlight has the tokens’ fill and line, and the swatches’ line shape', (category) => {
    const line = tokens.get(`--sc-cat-${category}`);
    const fill = tokens.get(`--sc-cat-${category}-fill`);
    const swatchStyle = block(parts, `.sc-swatch--${category}`).get('text-decoration-style') ?? 'solid';

    const filled = block(fills, `::highlight(${highlightName(category, 'background')})`);
    expect(filled.get('background-color')).toBe(fill);
    expect(decoration(filled.get('text-decoration'))).toEqual({ colour: line, style: swatchStyle });

    // A very tall page's fill style: the same fill, no line (tall-page.ts says why).
    const plain = block(fills, `::highlight(${highlightName(category, 'background', false)})`);
    expect([...plain]).toEqual([['background-color', fill]]);

    const underlined = block(lines, `::highlight(${highlightName(category, 'underline')})`);
    expect(underlined.get('background-color')).toBeUndefined();
    expect(decoration(underlined.get('text-decoration'))).toEqual({ colour: line, style: swatchStyle });
  });

  it('a Huawei speaker’s side dot wears Huawei’s category colour', () => {
    expect(block(parts, '.sc-side--huawei .sc-side__dot').get('background')).toBe('var(--sc-side-huawei)');
    expect(read('components/ui/tokens.css')).not.toMatch(/--sc-side-huawei:(?!\s*var\(--sc-cat-huawei\))/);
  });
});

describe('one palette', () => {
  it('no stylesheet under components/ but tokens.css (and the page highlight sheets, held to it above) names a colour', () => {
    const sheets = filesUnder('components').filter((path) => path.endsWith('.css'));
    expect(sheets).toContain('components/panel/panel.css');
    const bad = sheets
      .filter((path) => path !== 'components/ui/tokens.css' && !PAGE_SHEETS.includes(path))
      .flatMap((path) =>
        read(path)
          .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
          .split('\n')
          .flatMap((text, i) => (COLOUR.test(text) ? [`${path}:${i + 1}: ${text.trim()}`] : [])),
      );
    expect(bad).toEqual([]);
  });
});
