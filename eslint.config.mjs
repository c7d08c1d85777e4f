// `npm run lint`: every regular expression of the app, checked by eslint-plugin-regexp. The
// point is that no guest input can make one backtrack for seconds (README, "Bounded work per
// message"); tsc does the type-checking. test/architecture/regexp-lint.test.ts runs the same
// check inside `npm test`.
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

/** The code that runs in the server or the widget; tests and benchmarks never read guest input. */
const LINTED = ['bot/**/*.ts', 'dialogs/**/*.ts', 'domain/**/*.ts', 'adapters/**/*.ts'];

export default [
  { ignores: ['node_modules/**', 'dist/**', 'test/**'] },
  {
    files: LINTED,
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { regexp },
    rules: {
      ...regexp.configs['flat/recommended'].rules,
      // The reason for all this: no quantifier that can trade characters with another
      // (polynomial backtracking), none that retries every start of a long run (quadratic moves).
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
      // Style only: `[A-Za-z0-9_]` says as plainly as `\w` which characters an id may hold.
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
    },
  },
  {
    // The widget's bundle targets Safari 16.0, which has no lookbehind: it would fail to load.
    files: ['adapters/channels/webchat/widget/browser/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'Literal[regex.pattern=/\\(\\?<[=!]/]', message: 'No lookbehind in the widget: its bundle targets Safari 16.0.' }],
    },
  },
];
