import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { doorsInBuild, routeHandlersInSource, serverActionsInSource } from './app-doors'
import { serverActions } from './authorization-actions'
import { type Door, type TestRef, routeHandlers } from './authorization-cases'

// Every route handler and server action has a row in test/authorization-cases.ts or test/authorization-actions.ts naming what
// decides and the tests that prove a refusal; a new door without one fails here.

const fileOf = (door: string) => door.slice(0, door.lastIndexOf(' '))
const titleIn = (source: string, title: string) => source.includes(`it('${title}'`) || source.includes(`test('${title}'`)

function problemsOf(name: string, door: Door): string[] {
  const problems: string[] = []
  if ('decidedBy' in door) {
    const source = fs.readFileSync(fileOf(name), 'utf8')
    for (const decider of door.decidedBy) {
      if (!new RegExp(`\\b${decider}\\(`).test(source)) problems.push(`${name}: does not call ${decider}()`)
    }
  } else if (door.open.trim() === '') {
    problems.push(`${name}: open, without saying why`)
  }
  if (door.provedBy.length === 0) problems.push(`${name}: no test proves it`)
  for (const ref of door.provedBy) problems.push(...missingTest(name, ref))
  return problems
}

function missingTest(name: string, ref: TestRef): string[] {
  if (!fs.existsSync(ref.file)) return [`${name}: ${ref.file} does not exist`]
  return titleIn(fs.readFileSync(ref.file, 'utf8'), ref.test) ? [] : [`${name}: ${ref.file} has no test “${ref.test}”`]
}

describe('every door into the app has its authorization row', () => {
  it('lists every route handler in app/, and no other', () => {
    expect(Object.keys(routeHandlers).sort()).toEqual(routeHandlersInSource())
  })

  it('lists every server action in app/, and no other', () => {
    expect(Object.keys(serverActions).sort()).toEqual(serverActionsInSource())
  })

  it('names, for each, the door the source really calls and tests that exist', () => {
    const rows = [...Object.entries(routeHandlers), ...Object.entries(serverActions)]
    expect(rows.flatMap(([name, door]) => problemsOf(name, door))).toEqual([])
  })

  it('leaves every reader route open: readers never sign in', () => {
    const readerRoutes = Object.entries(routeHandlers).filter(([name]) => name.startsWith('app/(site)/'))
    expect(readerRoutes.every(([, door]) => 'open' in door)).toBe(true)
  })
})

const built = doorsInBuild('.next-e2e')
describe.skipIf(!built)(
  'the build has no door the table lacks (skipped without a .next-e2e build; e2e/authorization.spec.ts checks it after the build)',
  () => {
    it('has a row for every server action in the action manifest', () => {
      expect(built?.actions.filter((action) => !(action in serverActions))).toEqual([])
    })

    it('has rows for every route file in the build', () => {
      const listed = new Set(Object.keys(routeHandlers).map(fileOf))
      expect(built?.routeFiles.filter((file) => !listed.has(file))).toEqual([])
    })
  },
)
