import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

/**
 * The layers, top to bottom: app/ (routes) → components/ (UI) → lib/ (the domain) → db/ (schema
 * and client). An import may only point down. seed/, scripts/, bench/ and test/ sit on top and may
 * use everything; nothing in the layers may use them (tests may use test/).
 */
const layers = [
  { target: './db', from: ['./lib', './components', './app'], message: 'db/ is the bottom layer: it imports nothing of the app.' },
  { target: './lib', from: ['./components', './app'], message: 'lib/ is the domain: it may use db/, never the UI or the routes above it.' },
  {
    target: './components',
    from: ['./app'],
    message: 'components/ may not reach up into app/: pass a route’s server action down as a prop, or keep the panel next to its route.',
  },
]
const tooling = ['./seed', './scripts', './bench', './e2e']

const layerRules = {
  'import/no-restricted-paths': [
    'error',
    {
      zones: [
        ...layers,
        ...['./db', './lib', './components', './app'].map((target) => ({
          target,
          from: tooling,
          message: 'Seeds, scripts, benchmarks and end-to-end tests sit above the app: nothing in it may import them.',
        })),
      ],
    },
  ],
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ['**/*.{ts,tsx,mts,mjs}'], rules: layerRules },
  {
    files: ['app/**', 'components/**', 'lib/**', 'db/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/test/*', '**/test/*'], message: 'test/ holds test scaffolding: only tests may import it.' }] },
      ],
    },
  },
  {
    files: ['e2e/**'],
    ignores: ['e2e/test.ts', 'e2e/cluster/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: 'Import `test` from e2e/test.ts: it closes the browser contexts a test opens. (The cluster specs use no browser.)',
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.next-e2e/**',
    '.next-bench/**',
    '.bench-data/**',
    '.test-data/**',
    'node_modules/**',
    'next-env.d.ts',
    'db/migrations/**',
    'test-results/**',
    'playwright-report/**',
  ]),
])
