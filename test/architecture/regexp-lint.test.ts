/**
 * `npm run lint` inside `npm test`: every regular expression of bot/, dialogs/, domain/ and
 * adapters/ (the widget too) passes eslint-plugin-regexp, above all its checks for
 * super-linear backtracking, so no guest message can make one run for seconds.
 *
 * ESLint runs in a child process with the project's eslint.config.mjs, exactly as the CLI
 * does: jest's module loader can neither import that ES module nor the plugin.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ESLINT = path.join(path.dirname(require.resolve('eslint/package.json', { paths: [ROOT] })), 'bin', 'eslint.js');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

function eslint(args: string[], stdin?: string): Promise<LintResult[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [ESLINT, '--format', 'json', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 means findings, which the JSON lists; anything else is ESLint failing.
      if (error && error.code !== 1) return reject(new Error(`eslint failed (${String(error.code)}): ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as LintResult[]);
      } catch {
        reject(new Error(`eslint wrote no JSON: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
      }
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

const findings = (results: LintResult[]): string[] =>
  results.flatMap((r) => r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse error'}: ${m.message.slice(0, 200)}`));

describe('regular expressions', () => {
  it('pass eslint-plugin-regexp (npm run lint): none can backtrack super-linearly', async () => {
    const results = await eslint(['bot', 'dialogs', 'domain', 'adapters']);
    expect(findings(results)).toEqual([]);
    // Not vacuous: the app's files were read, the widget's among them.
    expect(results.length).toBeGreaterThan(200);
    expect(results.some((r) => r.filePath.endsWith(path.join('widget', 'browser', 'markdown.ts')))).toBe(true);
  }, 120_000);

  it('are really checked: the expression that once froze the server is reported', async () => {
    const results = await eslint(['--stdin', '--stdin-filename', 'dialogs/probe.ts'], 'export const twoWords = /\\p{L}{2,}.*\\s.*\\p{L}{2,}/u;\n');
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(expect.arrayContaining(['regexp/no-super-linear-backtracking']));
  }, 120_000);
});
