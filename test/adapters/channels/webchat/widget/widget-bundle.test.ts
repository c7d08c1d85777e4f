import path from 'node:path';
import ts from 'typescript';
import { browserScript, browserSourceDir } from '../../../../../adapters/channels/webchat/widget/browser-bundle';

const MAX_GZIP_BYTES = 15 * 1024;

describe('widget.js', () => {
  it(`bundles to at most ${MAX_GZIP_BYTES} bytes gzipped`, async () => {
    const widget = await browserScript('main');
    expect(widget.code.length).toBeGreaterThan(5000);
    expect(widget.gzip.length).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });

  it('needs nothing a strict CSP forbids and writes no HTML from strings', async () => {
    const code = (await browserScript('main')).code.toString('utf8');
    for (const banned of ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'setAttribute("style"', 'cssText']) {
      expect({ banned, found: code.includes(banned) }).toEqual({ banned, found: false });
    }
  });

  // The browser sources need the DOM library, so the project's tsc run leaves them out;
  // this is where they are type-checked, with the project's strict settings.
  it('type-checks under its own tsconfig (strict, DOM)', () => {
    const configPath = path.join(browserSourceDir(), 'tsconfig.json');
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
    expect(parsed.options.strict).toBe(true);
    expect(parsed.fileNames.length).toBeGreaterThan(8);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });
});
