import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { PanelApp, type PanelAppProps } from '../../../../components/panel/PanelApp.tsx';
import type { DocumentMeta, ReaderDocument, Statement } from '../../../../lib/data/types.ts';
import type { PageState, PanelServices } from '../../../../components/panel/types.ts';
import { buildIndex } from '../../../../lib/data/indexer.ts';
import { type Corpus, loadCorpus } from '../../../../lib/search/load.ts';
import { corpus as realCorpus, DATA } from '../../lib/search/helpers.ts';

/** The corpus and reader documents the extension ships (data/), loaded through lib/search. */
export function shipped(): { corpus: Corpus; documents: Map<string, ReaderDocument> } {
  const documents = JSON.parse(readFileSync(join(DATA, 'documents.json'), 'utf8')) as ReaderDocument[];
  return { corpus: realCorpus(), documents: new Map(documents.map((d) => [d.file, d])) };
}

/** A corpus built from the given records, for cases the shipped data lacks (hostile text, bad URLs). */
export function corpusOf(statements: Statement[], sources: DocumentMeta[]): Corpus {
  return loadCorpus({ index: buildIndex(statements), statements, sources });
}

export function statement(overrides: Partial<Statement> & Pick<Statement, 'id' | 'text' | 'file' | 'span'>): Statement {
  return {
    speaker: { id: 'test-speaker', name: 'Test Speaker', role: 'Fixture role', side: 'press' },
    kind: 'primary',
    voice: 'quote',
    via: 'quote-tag',
    topics: [],
    answers: [],
    duplicates: [],
    ...overrides,
  };
}

export type FakeServices = PanelServices & {
  [K in keyof PanelServices]: ReturnType<typeof vi.fn> & PanelServices[K];
} & { page(state: PageState): void; target: Parameters<Parameters<PanelServices['watchTargets']>[0]>[0] extends infer T ? (t: T) => void : never };

/** Services that record calls; `page()` and `target()` push what the browser would. */
export function fakeServices(): FakeServices {
  let pageListener: ((state: PageState) => void) | undefined;
  let targetListener: Parameters<PanelServices['watchTargets']>[0] | undefined;
  const services = {
    saveSearch: vi.fn(),
    copy: vi.fn(async () => {}),
    download: vi.fn(),
    watchPage: vi.fn((listener: (state: PageState) => void) => {
      pageListener = listener;
      return () => (pageListener = undefined);
    }),
    revealMention: vi.fn(async () => true),
    watchTargets: vi.fn((listener: Parameters<PanelServices['watchTargets']>[0]) => {
      targetListener = listener;
      return () => (targetListener = undefined);
    }),
    page: (state: PageState) => pageListener?.(state),
    target: (t: Parameters<Parameters<PanelServices['watchTargets']>[0]>[0]) => targetListener?.(t),
  };
  return services as unknown as FakeServices;
}

export function App(props: Partial<PanelAppProps> & { services: PanelServices }) {
  return <PanelApp {...shipped()} {...props} />;
}
