import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// Each case lints one import as if it were written in a file of the tree, with the project's own
// ESLint configuration, so that the rule that keeps the layers pointing down is seen to fire.
const eslint = new ESLint()

async function layerErrors(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = imported\n`, { filePath })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'import/no-restricted-paths' || message.ruleId === 'no-restricted-imports')
    .map((message) => message.message)
}

// The first case loads the configuration and its parsers: about 5 s on two busy cores, Vitest's default limit.
describe('the layers point one way: app → components → lib → db', { timeout: 30_000 }, () => {
  it.each([
    ['lib/probe.ts', "import { ActionForm as imported } from '@/components/ui/action-form'", 'lib/ is the domain'],
    ['lib/probe.ts', "import { markNewsSeen as imported } from '@/app/desk/actions'", 'lib/ is the domain'],
    ['components/desk/probe.tsx', "import { markNewsSeen as imported } from '@/app/desk/actions'", 'components/ may not reach up'],
    ['db/probe.ts', "import { can as imported } from '@/lib/permissions'", 'db/ is the bottom layer'],
    ['db/probe.ts', "import { can as imported } from '../lib/permissions'", 'db/ is the bottom layer'],
    ['lib/probe.ts', "import { seedDemo as imported } from '@/seed/demo'", 'sit above the app'],
    ['lib/probe.ts', "import { makeNewsroom as imported } from '@/test/newsroom'", 'only tests may import it'],
  ])('an import in %s of %s is refused by npm run lint', async (filePath, importLine, reason) => {
    const errors = await layerErrors(filePath, importLine)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(reason)
  })

  it.each([
    ['app/desk/probe.tsx', "import { ActionForm as imported } from '@/components/ui/action-form'"],
    ['components/desk/probe.tsx', "import { can as imported } from '@/lib/permissions'"],
    ['lib/probe.ts', "import { users as imported } from '@/db/schema'"],
    ['seed/probe.ts', "import { can as imported } from '@/lib/permissions'"],
    ['lib/probe.test.ts', "import { makeNewsroom as imported } from '@/test/newsroom'"],
  ])('an import in %s of %s, pointing down, is allowed', async (filePath, importLine) => {
    expect(await layerErrors(filePath, importLine)).toEqual([])
  })
})
