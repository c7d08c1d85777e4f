import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * restify logs, at WARN, whatever an async route handler resolves with, and `res.send()` returns
 * the response object: request headers (signatures, cookies) and body included. So a handler
 * never hands back what `res.*()` returns: it answers, then returns nothing. Every log line the
 * suite writes is also checked for restify's warning (test/support/log-capture.ts).
 */
export function returnedResponses(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isResponseCall = (e: ts.Expression | undefined): boolean => {
    let expr = e;
    while (expr && (ts.isAwaitExpression(expr) || ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr))) expr = expr.expression;
    return !!expr && ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && ts.isIdentifier(expr.expression.expression) && /^_?res$/.test(expr.expression.expression.text);
  };
  const where = (n: ts.Node): string => `${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && isResponseCall(node.expression)) found.push(`${where(node)} ${node.getText()}`);
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && isResponseCall(node.body)) found.push(`${where(node)} ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('route handlers', () => {
  it('finds a handler that returns what res.send() gives, in both forms', () => {
    const src = [
      "server.post('/a', async (req, res) => { if (x) return res.send(200, {}); res.send(400); return; });",
      "server.get('/b', async (_req, res) => res.json({ ok: true }));",
      "server.get('/c', async (_req, res) => { sendProblem(res, 404, 'x', []); return; });",
      "server.get('/d', async (_req, res) => { return await res.send(204); });",
    ].join('\n');
    expect(returnedResponses('x.ts', src)).toEqual([
      'x.ts:1 return res.send(200, {});',
      "x.ts:2 async (_req, res) => res.json({ ok: true })",
      'x.ts:4 return await res.send(204);',
    ]);
  });

  it('in bot/ and adapters/ never return what res.*() returns', () => {
    const files = [...sourceFiles('bot'), ...sourceFiles('adapters')];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => returnedResponses(path.relative(ROOT, f), fs.readFileSync(f, 'utf8')))).toEqual([]);
  });
});
