/**
 * `npm run --silent scan -- [--json] FILE...`: run the extension's detector
 * and DOM scanner on saved pages, to check what it would highlight. See
 * HELP below for the formats.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Window } from 'happy-dom';
import { findMentions, pageContext, lazyPageContext, scanAll, collapseText, CATEGORIES } from '../lib/detect/index.ts';
import type { Category } from '../lib/detect/index.ts';

const HELP = `Usage: npm run --silent scan -- [--json] FILE...

Finds the mentions the Source Context extension highlights (Huawei,
sanctions, no-spy) in saved pages, with the same detector and DOM scanner.

  .html/.htm/.xhtml  parsed with happy-dom; page scripts are not run and no
                     resource (script, style, image, frame) is loaded.
  .txt and others    plain text: paragraphs separated by blank lines are the
                     blocks, the first non-empty line is the title.

Output:
  default   per file: name, count per category, then each mention with its
            category, text and an excerpt of its block.
  --json    one JSON array, one object per FILE in argument order:
              [{"file": "a.html",
                "mentions": [{"category": "huawei"|"sanctions"|"no-spy",
                              "text": "<the words as on the page>",
                              "block": "<full text of the mention's block,
                                         whitespace collapsed>"}]}]

Exit status: 0 on success; 2 on bad usage or when a FILE cannot be read (the
message names it, and nothing else is printed).`;

interface FoundMention {
  category: Category;
  text: string;
  block: string;
}

interface FileResult {
  file: string;
  mentions: FoundMention[];
}

function isHtml(file: string, content: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return true;
  if (ext === '.txt') return false;
  return /^\s*</.test(content);
}

function scanText(content: string): FoundMention[] {
  const blocks = content.split(/\r?\n[ \t]*\r?\n/).map(collapseText).filter((b) => b !== '');
  const title = content.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const page = pageContext(title, blocks.join('\n'));
  return blocks.flatMap((block) =>
    findMentions(block, page).map((m) => ({ category: m.category, text: m.text, block })),
  );
}

async function scanHtml(window: Window, content: string): Promise<FoundMention[]> {
  const doc = new window.DOMParser().parseFromString(content, 'text/html') as unknown as Document;
  const page = lazyPageContext(doc);
  const root: Node = doc.body ?? doc.documentElement;
  return scanAll([root], { page }).flatMap((b) =>
    b.mentions.map((m) => ({ category: m.category, text: m.text, block: b.blockText })),
  );
}

function excerpt(block: string, text: string, width = 100): string {
  if (block.length <= width) return block;
  const at = Math.max(0, block.indexOf(text));
  const from = Math.max(0, Math.min(at - Math.floor((width - text.length) / 2), block.length - width));
  return `${from > 0 ? '…' : ''}${block.slice(from, from + width)}${from + width < block.length ? '…' : ''}`;
}

function printListing(results: FileResult[]): void {
  for (const r of results) {
    const counts = CATEGORIES.map((c) => `${c} ${r.mentions.filter((m) => m.category === c).length}`).join(', ');
    console.log(`${r.file}: ${r.mentions.length} mention${r.mentions.length === 1 ? '' : 's'} (${counts})`);
    for (const m of r.mentions) console.log(`  ${m.category.padEnd(9)} ${JSON.stringify(m.text)}  ${excerpt(m.block, m.text)}`);
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length === 0) {
    console.error(unknown.length > 0 ? `scan: unknown option ${unknown.join(' ')}` : 'scan: no FILE given');
    console.error(HELP);
    return 2;
  }

  // Read everything first, so a bad path fails before any output.
  const contents: string[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      contents.push(await readFile(file, 'utf8'));
    } catch (e) {
      const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
      failures.push(`scan: cannot read ${file}: ${reason === 'ENOENT' ? 'no such file' : reason}`);
    }
  }
  if (failures.length > 0) {
    for (const f of failures) console.error(f);
    return 2;
  }

  const window = new Window({
    url: 'http://localhost/',
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      enableCSSFileLoading: false,
      enableImageFileLoading: false,
      enableIframePageLoading: false,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const results: FileResult[] = [];
    for (const [i, file] of files.entries()) {
      const content = contents[i] ?? '';
      results.push({ file, mentions: isHtml(file, content) ? await scanHtml(window, content) : scanText(content) });
    }
    if (json) console.log(JSON.stringify(results, null, 2));
    else printListing(results);
  } finally {
    await window.happyDOM.close();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
