import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => `tests/fixtures/detect/${name}`;

function scan(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/scan.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run scan', () => {
  it('--json prints one object per file, in argument order, with category, text and block', () => {
    const r = scan('--json', fixture('huawei-article.html'), fixture('notes.txt'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: fixture('huawei-article.html'),
        mentions: [
          { category: 'huawei', text: 'Huawei', block: 'Huawei chairman offers no-spy deal' },
          { category: 'no-spy', text: 'no-spy deal', block: 'Huawei chairman offers no-spy deal' },
          ...['Huawei', 'Liang Hua', 'no\u2011spy agreement'].map((text) => ({
            category: text === 'no\u2011spy agreement' ? 'no-spy' : 'huawei',
            text,
            block:
              'Huawei Chairman Liang Hua said on Tuesday the company was willing to sign a no\u2011spy agreement with the United States.',
          })),
          { category: 'sanctions', text: 'sanctions', block: 'The sanctions have cut the company off from American chips.' },
          { category: 'sanctions', text: 'cut', block: 'The sanctions have cut the company off from American chips.' },
        ],
      },
      {
        file: fixture('notes.txt'),
        mentions: [
          { category: 'huawei', text: 'Huawei', block: 'Notes on Russia and Huawei' },
          ...['Meng Wanzhou', 'sanctions'].map((text) => ({
            category: text === 'sanctions' ? 'sanctions' : 'huawei',
            text,
            block: 'Meng Wanzhou faced charges related to breaching American sanctions against Iran.',
          })),
        ],
      },
    ]);
  });

  it('prints a readable listing without --json', () => {
    const r = scan(fixture('notes.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${fixture('notes.txt')}: 3 mentions (huawei 2, sanctions 1, no-spy 0)`);
    expect(r.stdout).toMatch(/sanctions +"sanctions" +Meng Wanzhou faced charges/);
  });

  it('exits non-zero naming a missing file, and prints nothing else', () => {
    const r = scan('--json', fixture('notes.txt'), 'tests/fixtures/detect/no-such-page.html');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no-such-page.html');
    expect(r.stderr).toContain('no such file');
  });

  it('exits non-zero on an unreadable path (a directory)', () => {
    const r = scan(fixture(''));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read tests/fixtures/detect/');
  });

  it('rejects unknown options and a missing FILE with usage', () => {
    expect(scan('--jsn', fixture('notes.txt')).status).toBe(2);
    const r = scan();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: npm run --silent scan');
  });
});
