import type { BuildResult } from './build.ts';
import { isProvisional } from '../vocabulary/entities.ts';
import { type Kind, KINDS, type Statement } from '../data/types.ts';

/**
 * `npm run index -- --report`: what a maintainer needs to check a build, in
 * the order they act on it: new speakers to confirm and give a side (in
 * `seeds/entities.json`), quotes that could not be attributed, statements
 * found but not kept, what changed since the committed `data/`, then every
 * kept statement with its file and line, the chrome cleaning dropped and
 * counts per speaker and kind. Every location is `seeds/FILE:LINE`.
 */

function cell(text: string, width: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width);
}

export interface ReportOptions {
  /** How file names are shown, e.g. "seeds/" + file. */
  dir: string;
  /** The statements of the committed `data/statements.json`, to say what changed; null when there is none. */
  previous: Statement[] | null;
}

function changes(result: BuildResult, previous: Statement[], at: (file: string, line: number | undefined) => string): string[] {
  const before = new Map(previous.map((s) => [s.id, s]));
  const now = new Map(result.statements.map((s) => [s.id, s]));
  const out: string[] = [];
  for (const s of result.statements) {
    const old = before.get(s.id);
    const where = at(s.file, result.lines.get(s.id));
    if (!old) out.push(`  + ${where} ${s.speaker.name}, ${s.kind}: ${cell(s.text, 80)}`);
    else if (old.speaker.id !== s.speaker.id || old.kind !== s.kind) {
      out.push(`  ~ ${where} was ${old.speaker.name}, ${old.kind}; now ${s.speaker.name}, ${s.kind}: ${cell(s.text, 60)}`);
    }
  }
  for (const s of previous) if (!now.has(s.id)) out.push(`  - ${at(s.file, undefined)} ${s.speaker.name}, ${s.kind}: ${cell(s.text, 80)}`);
  return out;
}

export function formatReport(result: BuildResult, options: ReportOptions): string {
  const at = (file: string, line: number | undefined) => `${options.dir}${file}${line === undefined ? '' : `:${line}`}`;
  const lines: string[] = [];

  lines.push('New speakers (found in the text, not in seeds/entities.json: confirm each, give it a side, add it to the table):');
  const fresh = result.discovered.filter((d) => d.rule !== 'variant');
  if (fresh.length === 0) lines.push('  none');
  for (const d of fresh) {
    const uses = result.statements.filter((s) => s.file === d.file && s.speaker.id === d.entity.id).length;
    lines.push(
      `  ${at(d.file, d.line)} ${d.entity.name} (${d.entity.type}; ${d.entity.role}; side ${d.entity.side}; found by ${d.rule}: "${cell(d.phrase, 60).trim()}"; ${uses} statement${uses === 1 ? '' : 's'})`,
    );
  }
  const variants = result.discovered.filter((d) => d.rule === 'variant');
  if (variants.length > 0) {
    lines.push('', 'Names read as a known speaker despite their spelling (add the spelling to "aliases" if right):');
    for (const d of variants) lines.push(`  ${at(d.file, d.line)} "${d.phrase}" read as ${d.entity.name}`);
  }

  lines.push('', 'Not attributed (dropped, or left to the writer as doubtful; never guessed):');
  if (result.warnings.length === 0) lines.push('  none');
  for (const w of result.warnings) lines.push(`  ${options.dir}${w}`);

  const parties = result.unkept.filter((u) => !u.reason.startsWith('the writer'));
  lines.push('', `Parties' words found but not kept (${result.unkept.length - parties.length} sentences of the writer's own off-topic narration not listed):`);
  if (parties.length === 0) lines.push('  none');
  for (const u of parties) lines.push(`  ${at(u.file, u.line)} ${cell(u.reason, 50)} ${cell(u.text, 70)}`);

  if (options.previous) {
    lines.push('', 'Changed since the committed data/statements.json (+ new, - gone, ~ other speaker or kind):');
    const c = changes(result, options.previous, at);
    lines.push(...(c.length === 0 ? ['  nothing'] : c));
  }

  lines.push('', 'Kept statements:');
  const head = `${cell('where', 34)} ${cell('speaker', 20)} ${cell('kind', 12)} ${cell('via', 18)} ${cell('topics', 30)} ${cell('answers', 7)} first words`;
  lines.push(head, '-'.repeat(head.length + 40));
  for (const s of result.statements) {
    const who = isProvisional(s.speaker) ? `${s.speaker.name}*` : s.speaker.name;
    lines.push(
      `${at(s.file, result.lines.get(s.id)).padEnd(34)} ${cell(who, 20)} ${cell(s.kind, 12)} ${cell(s.via, 18)} ${cell(s.topics.join(','), 30)} ${cell(String(s.answers.length), 7)} ${cell(s.text, 70)}${s.duplicates.length > 0 ? ` (+${s.duplicates.length} duplicate)` : ''}`,
    );
  }
  lines.push('  (* a new speaker, see above)');

  lines.push('', 'Dropped as site chrome:');
  for (const { file, drops } of result.dropped) {
    for (const d of drops) lines.push(`  ${`${options.dir}${file}`.padEnd(34)} ${cell(d.rule, 18)} ${cell(d.text, 80)}`);
  }

  lines.push('', 'Statements per speaker and kind:');
  const counts = new Map<string, Record<Kind, number>>();
  for (const s of result.statements) {
    const row = counts.get(s.speaker.name) ?? { primary: 0, counterclaim: 0, context: 0 };
    row[s.kind]++;
    counts.set(s.speaker.name, row);
  }
  lines.push(`  ${cell('speaker', 22)} ${KINDS.map((k) => cell(k, 13)).join(' ')}`);
  for (const [name, row] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`  ${cell(name, 22)} ${KINDS.map((k) => cell(String(row[k]), 13)).join(' ')}`);
  }
  const total = { primary: 0, counterclaim: 0, context: 0 };
  for (const s of result.statements) total[s.kind]++;
  lines.push(`  ${cell('TOTAL', 22)} ${KINDS.map((k) => cell(String(total[k]), 13)).join(' ')}`);
  return `${lines.join('\n')}\n`;
}
