// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createScan, rescan, scanAll, type BlockMatch, type ScanOptions } from '../../../../lib/detect/scanner.ts';
import { NEUTRAL_PAGE, pageContext } from '../../../../lib/detect/context.ts';
import { MAX_BLOCK_CHARS } from '../../../../lib/detect/blocks.ts';
import { pageContextOf } from '../../../../lib/detect/page.ts';

const OPTS: ScanOptions = { page: NEUTRAL_PAGE };

/** The mentions' texts as the DOM ranges select them, in scan order. */
function rangeTexts(blocks: BlockMatch[]): string[] {
  return blocks.flatMap((b) =>
    b.mentions.map((m) => {
      const r = document.createRange();
      r.setStart(m.startContainer, m.startOffset);
      r.setEnd(m.endContainer, m.endOffset);
      return r.toString();
    }),
  );
}

const scanBody = (opts: ScanOptions = OPTS) => scanAll([document.body], opts);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('what is scanned', () => {
  it('skips a block past MAX_BLOCK_CHARS, one huge text node or many, and matches the one just under it', () => {
    const pad = (n: number) => 'x'.repeat(n);
    const huge = document.createElement('p');
    huge.append(`Huawei ${pad(MAX_BLOCK_CHARS)}`);
    const many = document.createElement('p');
    for (let i = 0; i < 11; i++) many.append(document.createElement('b'), `Huawei ${pad(MAX_BLOCK_CHARS / 10)}`);
    const fits = document.createElement('p');
    fits.append(`Ren Zhengfei ${pad(MAX_BLOCK_CHARS - 20)}`);
    document.body.append(huge, many, fits);
    expect(rangeTexts(scanBody())).toEqual(['Ren Zhengfei']);
  });

  it('finds mentions in ordinary prose, with ranges selecting exactly the text', () => {
    document.body.innerHTML = '<p>Shares of <a href="#">Huawei</a> suppliers fell.</p><p>Ren Zhengfei spoke.</p>';
    const blocks = scanBody();
    expect(rangeTexts(blocks)).toEqual(['Huawei', 'Ren Zhengfei']);
    expect(blocks.map((b) => b.blockText)).toEqual(['Shares of Huawei suppliers fell.', 'Ren Zhengfei spoke.']);
    expect(blocks[0]?.mentions[0]?.category).toBe('huawei');
  });

  it.each([
    'script',
    'style',
    'noscript',
    'textarea',
    'select',
    'option',
    'code',
    'pre',
    'kbd',
    'samp',
    'object',
    'video',
  ])('skips <%s>', (tag) => {
    document.body.innerHTML = `<div><${tag}>Huawei</${tag}></div><p>visible Huawei</p>`;
    expect(rangeTexts(scanBody())).toEqual(['Huawei']);
    expect(scanBody()[0]?.blockText).toBe('visible Huawei');
  });

  it('skips <template> content, <input> values and SVG <style>, not SVG <text>', () => {
    document.body.innerHTML = '<template><p>Huawei</p></template><input value="Huawei">';
    // Built by hand: happy-dom's parser drops what follows an SVG <style>.
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.body.appendChild(document.createElementNS(NS, 'svg'));
    svg.appendChild(document.createElementNS(NS, 'style')).textContent = '.Huawei { fill: red }';
    svg.appendChild(document.createElementNS(NS, 'text')).textContent = 'Huawei';
    const blocks = scanBody();
    expect(rangeTexts(blocks)).toEqual(['Huawei']);
    expect((blocks[0]?.block as Element).localName).toBe('svg');
  });

  it('skips editable regions but not contenteditable="false"', () => {
    document.body.innerHTML =
      '<div contenteditable>Huawei one</div><div contenteditable="true"><p>Huawei two</p></div>' +
      '<div contenteditable="plaintext-only">Huawei three</div><div contenteditable="false">Huawei four</div>';
    expect(scanBody().map((b) => b.blockText)).toEqual(['Huawei four']);
  });

  it('skips hidden text: hidden attribute, inline display:none and visibility:hidden', () => {
    document.body.innerHTML =
      '<p hidden>Huawei a</p><div style="display: none"><p>Huawei b</p></div>' +
      '<p style="color:red; visibility:hidden !important">Huawei c</p><p>Huawei d <span style="display:none">Huawei e</span></p>';
    expect(scanBody().map((b) => b.blockText)).toEqual(['Huawei d']);
  });

  it('keeps aria-hidden text, which is still on screen', () => {
    document.body.innerHTML = '<p aria-hidden="true">Huawei</p>';
    expect(rangeTexts(scanBody())).toEqual(['Huawei']);
  });

  it('skips our own UI, by host tag and by attribute, both configurable', () => {
    document.body.innerHTML =
      '<source-context-ui><p>Huawei a</p></source-context-ui><div data-source-context-ui><p>Huawei b</p></div>' +
      '<my-card><p>Huawei c</p></my-card><p data-mine>Huawei d</p><p>Huawei e</p>';
    expect(scanBody().map((b) => b.blockText)).toEqual(['Huawei c', 'Huawei d', 'Huawei e']);
    expect(scanBody({ ...OPTS, uiTags: ['my-card'], uiAttribute: 'data-mine' }).map((b) => b.blockText)).toEqual([
      'Huawei a',
      'Huawei b',
      'Huawei e',
    ]);
  });

  it('scans open shadow roots where the host stands, and skips a hidden host', () => {
    document.body.innerHTML = '<p>Before Huawei</p><div id="host"><p>light Huawei</p></div><div id="h2" hidden></div><p>After Huawei</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow Huawei <span>Technologies</span></p><slot></slot>';
    const hidden = document.getElementById('h2')!.attachShadow({ mode: 'open' });
    hidden.innerHTML = '<p>Hidden Huawei</p>';
    const blocks = scanBody();
    expect(blocks.map((b) => b.blockText)).toEqual(['Before Huawei', 'Shadow Huawei Technologies', 'light Huawei', 'After Huawei']);
    expect(blocks[1]?.mentions[0]?.text).toBe('Huawei Technologies');
  });

  it('asks isVisible only about elements holding a mention, and drops the invisible ones', () => {
    document.body.innerHTML = '<p>plain text</p><p class="off">Huawei a</p><p>Huawei b</p>';
    const asked: string[] = [];
    const blocks = scanBody({
      ...OPTS,
      isVisible: (el) => {
        asked.push(el.textContent ?? '');
        return !el.classList.contains('off');
      },
    });
    expect(blocks.map((b) => b.blockText)).toEqual(['Huawei b']);
    expect(asked).toEqual(['Huawei a', 'Huawei b']);
  });
});

describe('blocks', () => {
  it('joins text split over inline elements into one mention with one range', () => {
    document.body.innerHTML = '<p>Chairman Liang <b>Hua</b> offered a <i>no-spy</i> <em>agreement</em>.</p><p>Huawei said.</p>';
    const blocks = scanBody({ page: pageContext('Huawei', '') });
    expect(rangeTexts(blocks)).toEqual(['Liang Hua', 'no-spy agreement', 'Huawei']);
    const liang = blocks[0]!.mentions[0]!;
    expect(liang.nodes.map((n) => n.data)).toEqual(['Chairman Liang ', 'Hua']);
    expect([liang.startOffset, liang.endOffset]).toEqual([9, 3]);
  });

  it('does not join words across a line break, image or nested block', () => {
    document.body.innerHTML =
      '<div>Huawei<br>Technologies</div><div>Huawei<img>Technologies</div><div>Huawei<p>Technologies</p>Technologies</div>';
    expect(rangeTexts(scanBody())).toEqual(['Huawei', 'Huawei', 'Huawei']);
  });

  it('joins across <wbr> and hidden spans, as the page reads', () => {
    document.body.innerHTML = '<p>Huawei: Hua<wbr>wei and Hua<span hidden>xx</span>wei</p>';
    const mentions = scanBody()[0]!.mentions;
    expect(mentions.map((m) => [m.text, m.nodes.map((n) => n.data)])).toEqual([
      ['Huawei', ['Huawei: Hua']],
      ['Huawei', ['Huawei: Hua', 'wei and Hua']],
      ['Huawei', ['wei and Hua', 'wei']],
    ]);
    // The range runs over the hidden span, which paints nothing.
    expect(rangeTexts(scanBody())).toEqual(['Huawei', 'Huawei', 'Huaxxwei']);
  });

  it('gives the nearest block text, whitespace collapsed, as the context', () => {
    document.body.innerHTML = `<article><h1>Sanctions on Russia</h1>
      <p>The   European Union\n extended <b>sanctions</b>.</p>
      <ul><li>Huawei faces new <a>sanctions</a>.</li></ul></article>`;
    const blocks = scanBody({ page: pageContext('Huawei news', '') });
    expect(blocks.map((b) => [b.blockText, b.decision?.reason, b.mentions.map((m) => m.text)])).toEqual([
      ['The European Union extended sanctions.', 'page', ['sanctions']],
      ['Huawei faces new sanctions.', 'entity', ['Huawei', 'sanctions']],
    ]);
  });

  it('reads the page context from the document (title and body)', () => {
    document.title = 'Huawei denies spying claims';
    document.body.innerHTML = '<p>The company signed a no-spy pledge.</p><script>Russia Iran</script>';
    expect(pageContextOf(document).onTopic).toBe(true);
    expect(rangeTexts(scanBody({ page: () => pageContextOf(document) }))).toEqual(['no-spy pledge']);
  });
});

/** A page big enough to need several slices. */
function buildBigPage(): void {
  const parts: string[] = [];
  for (let i = 0; i < 400; i++) {
    parts.push(
      i % 7 === 0
        ? `<p>Item ${i}: <b>Huawei</b> and US <i>sanctions</i>, a no&#8209;spy deal.</p>`
        : `<div><span>Nothing ${i}</span> <em>here</em> <code>Huawei</code></div>`,
    );
  }
  document.body.innerHTML = parts.join('');
}

describe('slicing', () => {
  it('many small steps give exactly the result of one full scan', () => {
    buildBigPage();
    const full = scanBody();
    let tick = 0;
    const scan = createScan([document.body], { ...OPTS, now: () => tick++ });
    const sliced: BlockMatch[] = [];
    let steps = 0;
    while (!scan.done) {
      sliced.push(...scan.step(0));
      steps++;
    }
    expect(steps).toBeGreaterThan(10);
    expect(sliced.length).toBe(58);
    expect(sliced).toEqual(full);
  });

  it('slices() yields small units that add up to the full scan', () => {
    buildBigPage();
    const full = scanBody();
    const units = [...createScan([document.body], OPTS).slices(16)];
    expect(units.length).toBeGreaterThan(100);
    expect(units.flat()).toEqual(full);
  });

  it('scans the given roots in order and never the same block twice', () => {
    buildBigPage();
    const late = document.body.children[350]!;
    const blocks = scanAll([late, document.body], OPTS);
    expect(blocks.length).toBe(58);
    expect(blocks[0]?.blockText).toBe('Item 350: Huawei and US sanctions, a no‑spy deal.');
    expect(new Set(blocks.map((b) => b.block)).size).toBe(58);
  });
});

describe('rescan', () => {
  it('normalizes changed nodes to their blocks, and finds what changed', () => {
    document.body.innerHTML = '<div id="a"><p id="p">Chairman Liang <b id="b">Wei</b> spoke.</p></div><p id="q">Nothing.</p>';
    const b = document.getElementById('b')!;
    b.textContent = 'Hua';
    const added = document.createElement('p');
    added.textContent = 'Huawei added';
    document.getElementById('a')!.append(added);
    const scan = rescan([b.firstChild!, b, added, document.getElementById('p')!], OPTS);
    expect(scan.roots).toEqual([document.getElementById('p'), added]);
    expect(rangeTexts(scan.all())).toEqual(['Liang Hua', 'Huawei']);
  });

  it('drops disconnected nodes and roots inside other roots', () => {
    document.body.innerHTML = '<section id="s"><p id="p">Huawei</p></section>';
    const gone = document.createElement('p');
    gone.textContent = 'Huawei';
    const scan = rescan([document.getElementById('p')!, gone, document.getElementById('s')!], OPTS);
    expect(scan.roots).toEqual([document.getElementById('s')]);
    expect(rangeTexts(scan.all())).toEqual(['Huawei']);
  });

  it('skips a changed node inside an excluded region', () => {
    document.body.innerHTML = '<pre><span id="x">Huawei</span></pre>';
    expect(rescan([document.getElementById('x')!.firstChild!], OPTS).all()).toEqual([]);
  });
});
