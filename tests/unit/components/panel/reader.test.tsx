// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PanelApp } from '../../../../components/panel/PanelApp.tsx';
import { markParagraph, placementsIn } from '../../../../components/panel/reader-marks.ts';
import type { ReaderDocument } from '../../../../lib/data/types.ts';
import { App, corpusOf, fakeServices, shipped, statement } from './helpers.tsx';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';

// The strings are the English locale file's, through the same lookup rules as the browser's.
beforeAll(() => setMessageSource(jsonMessageSource(en)));

afterEach(cleanup);

const LIANG = () => [...shipped().corpus.statements.values()].find((s) => s.speaker.id === 'liang-hua' && /no-spy/.test(s.text))!;

describe('reader', () => {
  it('opens a statement from the results in its source, marked, selected and focused, with the document’s metadata', () => {
    render(<App services={fakeServices()} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'no-spy' } });
    const liang = LIANG();
    const item = document.querySelector(`.sc-panel-item[data-id="${CSS.escape(liang.id)}"]`)!;
    fireEvent.click(item.querySelector('.sc-button--primary')!);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe("Huawei Chairman Willing To Sign A 'No-Spy' Deal With The United States");
    const facts = document.querySelector('.sc-panel-facts')!.textContent;
    expect(facts).toContain('4 Jun 2019');
    expect(facts).toContain('Pallavi Gogoi');
    const link = screen.getByRole('link', { name: /kgou\.org/ });
    expect(link.getAttribute('href')).toBe('https://www.kgou.org/post/huawei-chairman-willing-sign-no-spy-deal-united-states');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    const selected = document.querySelector('.sc-panel-st--selected')!;
    expect(selected.getAttribute('data-statement-id')).toBe(liang.id);
    expect(liang.text.startsWith(selected.textContent!)).toBe(true);
    expect(document.activeElement).toBe(selected);
    // Every statement of the document is marked, not only the chosen one.
    const marked = new Set([...document.querySelectorAll('.sc-panel-doc .sc-panel-st')].map((m) => m.getAttribute('data-statement-id')));
    expect(marked.size).toBe(new Set(placementsIn(liang.file, shipped().corpus.statements.values()).map((p) => p.id)).size);
  });

  it('opens at a #read target, says "unknown" for missing metadata, and Next moves along the document', () => {
    const { corpus } = shipped();
    const first = [...corpus.statements.values()].find((s) => s.file === '000_a551dc9bee7d4d0b.txt')!;
    render(<App services={fakeServices()} target={{ read: first.id }} />);
    const facts = document.querySelector('.sc-panel-facts')!;
    expect(facts.textContent).toMatch(/Dateunknown/);
    expect(facts.textContent).toMatch(/Authorunknown/);
    expect(screen.getByText(/^Statement 1 of \d+$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByText(/^Statement 2 of \d+$/)).toBeTruthy();
    expect(document.querySelector('.sc-panel-st--selected')!.getAttribute('data-statement-id')).not.toBe(first.id);
    fireEvent.click(screen.getByRole('button', { name: /Back to results/ }));
    expect(document.querySelector('.sc-panel-reader')).toBeNull();
    expect(screen.getByRole('searchbox')).toBeTruthy();
  });

  it('a target arriving while open moves the reader there', () => {
    const services = fakeServices();
    render(<App services={services} />);
    act(() => services.target({ read: LIANG().id }));
    expect(document.querySelector('.sc-panel-st--selected')!.getAttribute('data-statement-id')).toBe(LIANG().id);
  });

  it('shows corpus text as text and links only to http(s) sources', () => {
    const text = 'She said <img src=x onerror="alert(1)"> was fine.';
    const file = 'evil.txt';
    const corpus = corpusOf(
      [statement({ id: 'evil#1', text, file, span: [0, text.length] })],
      [{ file, title: '<b>Title</b>', publisher: null, url: 'javascript:alert(1)', date: null, author: null }],
    );
    const documents = new Map<string, ReaderDocument>([[file, { file, paragraphs: [{ span: [0, text.length], role: 'body', text }] }]]);
    render(<PanelApp corpus={corpus} documents={documents} services={fakeServices()} target={{ read: 'evil#1' }} />);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.sc-panel-st--selected')!.textContent).toBe(text);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<b>Title</b>');
    expect(document.querySelector('.sc-panel-facts a')).toBeNull();
    expect(document.querySelector('.sc-panel-facts')!.textContent).toContain('no web address');
  });

  it('an unknown statement id says it is not in the corpus', () => {
    render(<App services={fakeServices()} target={{ read: 'nope#00000000' }} />);
    expect(screen.getByRole('alert').textContent).toMatch(/not in the bundled corpus/);
  });
});

describe('statement spans onto paragraphs', () => {
  it('every statement of the shipped corpus lands in its paragraph with its exact text', () => {
    const { corpus, documents } = shipped();
    for (const s of corpus.statements.values()) {
      const doc = documents.get(s.file)!;
      const marked = doc.paragraphs
        .flatMap((p) => markParagraph(p, placementsIn(s.file, corpus.statements.values())))
        .filter((piece) => piece.statement?.id === s.id && piece.statement.span[0] === s.span[0])
        .map((piece) => piece.text)
        .join('');
      expect(marked).toBe(s.text);
    }
  });

  it('pieces always join back into the paragraph, whatever the spans (overlapping, outside, reversed)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.nat(100),
        fc.array(fc.tuple(fc.nat(200), fc.nat(80)), { maxLength: 8 }),
        (text, start, spans) => {
          const paragraph = { span: [start, start + text.length] as [number, number], role: 'body' as const, text };
          const placements = spans.map(([a, len], i) => ({ id: `s${i}`, kind: 'primary' as const, span: [a, a + len] as [number, number] })).sort((x, y) => x.span[0] - y.span[0]);
          const pieces = markParagraph(paragraph, placements);
          expect(pieces.map((p) => p.text).join('')).toBe(text);
          expect(pieces.every((p) => p.text.length > 0)).toBe(true);
        },
      ),
    );
  });
});
