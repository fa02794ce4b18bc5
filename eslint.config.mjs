import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
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
