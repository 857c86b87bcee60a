import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// The engine must run unchanged in the browser, a worker and Node: no DOM, no UI, no Node built-ins.
const engineBoundary = {
  files: ['src/engine/**/*.ts'],
  ignores: ['src/engine/**/*.test.ts', 'src/engine/**/*.contract.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['svelte', 'svelte/*'], message: 'The engine has no UI framework.' },
        { group: ['onnxruntime-web', 'onnxruntime-web/*', 'onnxruntime-node'], message: 'The runtime stays behind the OnnxRunner port.' },
        { group: ['node:*', 'fs', 'path', 'url', 'os', 'child_process'], message: 'The engine has no Node imports.' },
        { group: ['**/ui/**', '**/cli/**'], message: 'Nothing in the engine imports ui/ or cli/.' },
      ],
    }],
    'no-restricted-globals': ['error', 'self', 'window', 'document', 'localStorage', 'navigator', 'location'],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '**/*.generated.ts', '**/*.generated.js', '**/*.generated.d.ts', 'dev-dist/', 'tmp/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  { files: ['src/ui/**/*', 'e2e/**/*'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src/cli/**/*', 'scripts/**/*', '*.config.*'], languageOptions: { globals: { ...globals.node } } },
  engineBoundary,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
