import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../lib/data/input-error.ts';
import { parseCorpusData, parseDocuments } from '../../../../lib/data/parse.ts';

const DATA = join(import.meta.dirname, '../../../../data');
const text = (file: string) => readFileSync(join(DATA, file), 'utf8');
const json = (file: string): unknown => JSON.parse(text(file));
const shipped = () => ({ index: json('index.json'), statements: json('statements.json'), sources: json('sources.json') });

describe('parseCorpusData', () => {
  it('accepts the committed data/ and returns it unchanged', () => {
    const raw = shipped();
    const data = parseCorpusData(raw);
    expect(data.statements).toBe(raw.statements);
    expect(data.sources).toBe(raw.sources);
    expect(data.statements.length).toBeGreaterThan(0);
  });

  it('parses an index given as its JSON text', () => {
    expect(parseCorpusData({ ...shipped(), index: text('index.json') }).index).toEqual(json('index.json'));
  });

  it('names the file, the entry and the field of a statement that is not of the contract', () => {
    const statements = json('statements.json') as Record<string, unknown>[];
    const id = statements[3]!.id as string;
    statements[3] = { ...statements[3], kind: 'quote' };
    expect(() => parseCorpusData({ ...shipped(), statements })).toThrow(
      new InputError([`data/statements.json: entry 3 (${id}): "kind" must be one of primary, counterclaim, context, not "quote"`]),
    );
  });

  it('names a nested field (the speaker side, a topic)', () => {
    const statements = json('statements.json') as { speaker: Record<string, unknown>; topics: string[] }[];
    statements[0]!.speaker.side = 'us';
    expect(() => parseCorpusData({ ...shipped(), statements })).toThrow(/entry 0 .*"speaker" "side" must be one of huawei, /);
    const again = json('statements.json') as { topics: string[] }[];
    again[1]!.topics = ['sanctions', 'weather'];
    expect(() => parseCorpusData({ ...shipped(), statements: again })).toThrow(/entry 1 .*"topics" \[1\] must be one of no-spy/);
  });

  it('refuses a file that is not an array, a source without its fields, and an index that is not MiniSearch JSON', () => {
    expect(() => parseCorpusData({ ...shipped(), statements: {} })).toThrow('data/statements.json: must be an array');
    expect(() => parseCorpusData({ ...shipped(), sources: [{ file: 'a.txt' }] })).toThrow('data/sources.json: entry 0 (a.txt): "title" must be a string or null');
    expect(() => parseCorpusData({ ...shipped(), index: '{' })).toThrow(/^data\/index\.json: not JSON/);
    expect(() => parseCorpusData({ ...shipped(), index: { documentCount: 1 } })).toThrow('data/index.json: "documentIds" must be an object');
  });
});

describe('parseDocuments', () => {
  it('accepts the committed documents.json and refuses a paragraph of an unknown role', () => {
    const documents = json('documents.json') as { file: string; paragraphs: { role: string }[] }[];
    expect(parseDocuments(documents)).toBe(documents);
    documents[0]!.paragraphs[1]!.role = 'aside';
    expect(() => parseDocuments(documents)).toThrow(
      `data/documents.json: entry 0 (${documents[0]!.file}): "paragraphs" [1] "role" must be one of title, heading, body, not "aside"`,
    );
  });
});
