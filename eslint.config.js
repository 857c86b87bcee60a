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

// The PMML interpreter runs in the engine worker; the page imports its types only, so that opening the app
// never downloads it (the bench's first-page table measures what the page does load).
const pageBoundary = {
  files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
  ignores: ['src/ui/workers/**', 'src/ui/**/*.test.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [{
        group: ['**/engine/formats/pmml/index.js', '**/engine/formats/pmml/evaluators/*', '**/engine/formats/pmml/parse/*'],
        message: 'The PMML interpreter belongs to the engine worker; import its types with `import type`, or a small module such as result-value.js.',
        allowTypeImports: true,
      }],
    }],
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
  pageBoundary,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
