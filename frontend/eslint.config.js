import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Read at every run, so a new feature folder is inside the boundaries from its first file.
const features = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundary =
  'A feature imports only src/shared/, src/api/, src/app/ and its own folder: move what two features need to src/shared/ (docs/frontend.md).';

/** Relative imports that climb out of a feature's folder into one of the others: ../deals/api, ../../features/deals/api. */
function importsOf(others) {
  return `^(\\.\\./)+(features/)?(${others.join('|')})(/|$)`;
}

export default defineConfig(
  globalIgnores(['dist/', 'src/api/generated/', 'e2e/screenshots/', 'test-results/', 'playwright-report/', 'blob-report/']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  // The slice rule: features never import each other, so each can change without breaking another.
  ...features
    .map((feature) => ({ feature, others: features.filter((other) => other !== feature) }))
    .filter(({ others }) => others.length > 0)
    .map(({ feature, others }) => ({
      files: [`src/features/${feature}/**`],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: importsOf(others), message: boundary }] }] },
    })),
  // What features build on never depends on a feature.
  {
    files: ['src/shared/**', 'src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+features(/|$)', message: 'src/shared/ and src/api/ serve every feature and import none.' }] },
      ],
    },
  },
);
