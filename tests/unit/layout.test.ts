import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import entities from '../../seeds/entities.json' with { type: 'json' };
import vocabularyNames from '../../lib/vocabulary/names.json' with { type: 'json' };
import { filesUnder, ROOT } from './files.ts';
import { codeOf, importsOf } from './ts-lexer.ts';

/**
 * The README's shape, checked on the source: data flows one way. At the
 * bottom, plain data (`lib/vocabulary`, then `lib/data`); on top, the build
 * (`lib/corpus`, `lib/extract`) and the runtime (everything the extension
 * bundles), which never import each other; `lib/` has no browser globals
 * outside its browser seams; and the parties' names are data
 * (`seeds/entities.json`), not code.
 */

const FOLDERS = ['lib', 'components', 'entrypoints'];

/** Every .ts/.tsx file under the folders, as a repository path with `/`. */
function sources(): string[] {
  return FOLDERS.flatMap(filesUnder).filter((path) => /\.tsx?$/.test(path));
}

const BOTTOM = ['lib/vocabulary', 'lib/data'];
const BUILD = ['lib/corpus', 'lib/extract'];
const under = (path: string, folders: readonly string[]) => folders.some((f) => path === f || path.startsWith(`${f}/`));
const side = (path: string): 'bottom' | 'build' | 'runtime' => (under(path, BOTTOM) ? 'bottom' : under(path, BUILD) ? 'build' : 'runtime');

/** `lib/search/query.ts` -> `lib/search`; a file directly in `lib/` is its own node. */
const libNode = (path: string) => {
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
};

/** Repository-relative target of each relative import of each source file. */
function edges(): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const from of sources()) {
    for (const spec of importsOf(codeOf(readFileSync(join(ROOT, from), 'utf8')))) {
      if (!spec.startsWith('.')) continue;
      out.push({ from, to: relative(ROOT, join(ROOT, posix.dirname(from), spec)).split(sep).join('/') });
    }
  }
  return out;
}

describe('the import graph', () => {
  const all = edges();

  it('finds the imports it checks (the parser is not blind)', () => {
    expect(all.some((e) => e.from === 'lib/search/load.ts' && e.to === 'lib/data/parse.ts')).toBe(true);
    expect(all.some((e) => e.from === 'entrypoints/background/index.ts' && e.to === 'data/statements.json')).toBe(true);
    expect(importsOf(codeOf("// import x from './layout/a.ts'\nexport { y } from './layout/b.ts';\nconst z = await import('./layout/c.ts');"))).toEqual(['./layout/b.ts', './layout/c.ts']);
  });

  it('the runtime and the bottom layer never import the build', () => {
    const bad = all.filter((e) => side(e.from) !== 'build' && side(e.to) === 'build');
    expect(bad).toEqual([]);
  });

  it('the build never imports the runtime', () => {
    const bad = all.filter((e) => side(e.from) === 'build' && e.to.startsWith('lib/') && side(e.to) === 'runtime');
    expect(bad).toEqual([]);
  });

  it('the bottom layer imports only itself, and lib/vocabulary not even lib/data', () => {
    const bad = all.filter(
      (e) => side(e.from) === 'bottom' && !e.to.startsWith('seeds/') && (side(e.to) !== 'bottom' || (under(e.from, ['lib/vocabulary']) && under(e.to, ['lib/data']))),
    );
    expect(bad).toEqual([]);
  });

  it('no entrypoint imports another entrypoint\'s files: what two of them use lives in components/ or lib/', () => {
    // A room is a folder of entrypoints/; the card UI (card-ui.ts) is the content script's part injected on demand.
    const room = (path: string) => (path === 'entrypoints/card-ui.ts' ? 'entrypoints/content' : path.split('/').slice(0, 2).join('/'));
    const crossing = all.filter((e) => e.from.startsWith('entrypoints/') && e.to.startsWith('entrypoints/') && room(e.from) !== room(e.to));
    expect(all.some((e) => e.from === 'entrypoints/background/frame-injection.ts' && e.to === 'components/ui/highlight-css.ts')).toBe(true);
    expect(crossing).toEqual([]);
  });

  it('has no cycle between lib/ folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) {
      if (!e.from.startsWith('lib/') || !e.to.startsWith('lib/')) continue;
      const [a, b] = [libNode(e.from), libNode(e.to)];
      if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of [...graph.keys()].sort()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});

/**
 * Where `lib/` may touch the browser: the platform seam (storage included:
 * the settings store reaches it only through `lib/platform`), and the i18n
 * wiring that hands `browser.i18n` to `lib/i18n.ts`.
 */
const BROWSER_SEAMS = ['lib/platform', 'lib/i18n-browser.ts'];

describe('lib/ has no browser globals', () => {
  it('imports no extension API and names no browser global outside its seams', () => {
    const bad: string[] = [];
    for (const path of sources()) {
      if (!path.startsWith('lib/') || under(path, BROWSER_SEAMS)) continue;
      const code = codeOf(readFileSync(join(ROOT, path), 'utf8'), { strings: false });
      for (const spec of importsOf(codeOf(readFileSync(join(ROOT, path), 'utf8')))) {
        if (/^(?:wxt|webextension-polyfill|@wxt-dev)(?:\/|$)/.test(spec)) bad.push(`${path}: imports ${spec}`);
      }
      for (const m of code.matchAll(/(?<![\w$.])(browser|chrome|window|document|navigator|localStorage|location)\s*\./g)) bad.push(`${path}: ${m[1]}.`);
    }
    expect(bad).toEqual([]);
  });
});

/** Repository paths of the .ts/.tsx sources that name `name` in code or a string (comments left out). */
/** `name` not inside a longer word; a RegExp's `\b` before it is an edge, not a letter. */
const spelled = (name: string) => new RegExp(`(?<!(?<!\\\\)\\p{L})${name}(?!\\p{L})`, 'u');

function namedIn(name: string): string[] {
  const pattern = spelled(name);
  const scripts = filesUnder('scripts').filter((path) => /\.tsx?$/.test(path));
  return [...sources(), ...scripts, 'wxt.config.ts'].filter((path) => pattern.test(codeOf(readFileSync(join(ROOT, path), 'utf8'))));
}

describe('names are data', () => {
  const people = entities.filter((e) => e.type === 'person');
  /** Every person's name the data holds: the entity table's names and aliases, and lib/vocabulary/names.json's (the Latin-script ones, and each word of a topic's person). */
  const names = [
    ...new Set([
      ...people.flatMap((e) => [e.name, ...e.aliases]),
      ...vocabularyNames.huaweiPeople.flatMap((p) => p.names).filter((name) => /\p{Script=Latin}/u.test(name)),
      ...vocabularyNames.namedAlone,
      ...vocabularyNames.sanctioningLeaders,
      ...Object.values(vocabularyNames.topicPeople).flatMap((name) => [name, ...name.split(' ')]),
    ]),
  ];

  it("no TypeScript outside comments and tests spells a person's name that the data holds", () => {
    expect(names).toEqual(expect.arrayContaining(['Ren Zhengfei', 'Liang', 'Trump', 'Meng Wanzhou', 'Wanzhou', 'Biden']));
    const found = names.flatMap((name) => namedIn(name).map((path) => `${path}: ${name}`));
    expect(found).toEqual([]);
  });

  it('the check sees a name in a string or a RegExp and passes one in a comment', () => {
    expect(spelled('Liang').test(codeOf('const a = /\\bLiang\\b/;'))).toBe(true);
    expect(spelled('Liang').test(codeOf("const a = 'Liangshan';"))).toBe(false);
    expect(codeOf("const a = 'Liang Hua'; // Ren Zhengfei")).toContain('Liang Hua');
    expect(codeOf("const a = 'Liang Hua'; // Ren Zhengfei")).not.toContain('Ren Zhengfei');
  });

  it('the page highlights every Huawei person the corpus quotes (lib/vocabulary/names.json agrees with the table)', () => {
    const highlighted = new Set(vocabularyNames.huaweiPeople.flatMap((p) => p.names));
    const missing = people.filter((e) => e.side === 'huawei' && !highlighted.has(e.name)).map((e) => e.name);
    expect(people.some((e) => e.side === 'huawei')).toBe(true);
    expect(missing).toEqual([]);
  });
});

/**
 * Unit tests mirror the source: a test of `lib/search/query.ts` is in
 * `tests/unit/lib/search/`, of `components/panel/` in
 * `tests/unit/components/panel/`, of `tests/eval/` in `tests/unit/tests/eval/`;
 * a test of the whole tree (this file) sits at `tests/unit/`, the root's
 * mirror. So the folder a test is in says what it tests, and a test is
 * found where its source is.
 */
describe('unit tests mirror the source', () => {
  it('every file under tests/unit/ sits in the mirror of a folder of the repository', () => {
    const files = filesUnder('tests/unit');
    expect(files).toContain('tests/unit/lib/search/postings.test.ts');
    const strays = files.filter((path) => {
      const mirrored = posix.dirname(path.slice('tests/unit/'.length));
      return mirrored !== '.' && !existsSync(join(ROOT, mirrored));
    });
    expect(strays).toEqual([]);
  });
});
