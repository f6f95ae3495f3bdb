import type { BuildResult } from './build.ts';
import type { Kind } from './types.ts';

/**
 * `npm run index -- --report`: the extracted statements as a table for a
 * maintainer to review (who, what kind, which rule, which topics, first
 * words), then the chrome that cleaning dropped, counts per speaker and
 * kind, and any warnings.
 */

function cell(text: string, width: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width);
}

const KINDS: Kind[] = ['primary', 'counterclaim', 'context'];

export function formatReport(result: BuildResult): string {
  const lines: string[] = [];
  const head = `${cell('id', 28)} ${cell('speaker', 20)} ${cell('kind', 12)} ${cell('via', 18)} ${cell('topics', 30)} ${cell('answers', 7)} first words`;
  lines.push(head, '-'.repeat(head.length + 40));
  for (const s of result.statements) {
    lines.push(
      `${cell(s.id, 28)} ${cell(s.speaker.name, 20)} ${cell(s.kind, 12)} ${cell(s.via, 18)} ${cell(s.topics.join(','), 30)} ${cell(String(s.answers.length), 7)} ${cell(s.text, 70)}${s.duplicates.length > 0 ? ` (+${s.duplicates.length} duplicate)` : ''}`,
    );
  }

  lines.push('', 'Dropped as site chrome:');
  for (const { file, drops } of result.dropped) {
    for (const d of drops) lines.push(`  ${cell(file, 26)} ${cell(d.rule, 18)} ${cell(d.text, 80)}`);
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

  if (result.warnings.length > 0) lines.push('', 'Warnings:', ...result.warnings.map((w) => `  ${w}`));
  return `${lines.join('\n')}\n`;
}
