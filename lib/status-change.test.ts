import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The workflow table is the only door: no code but lib/status-change.ts writes a story's status
// or an audit event. seed/ is left out on purpose: it writes a demo newsroom's past as it
// stands (seed/demo.data.test.ts checks that each story's history ends at its status).

const root = path.resolve(import.meta.dirname, '..')
const door = 'lib/status-change.ts'

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : sources(file)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : []
  })
}

/** `…insert(table)` or `…update(table)` calls in a file, with what they are given in `.values()` / `.set()`. */
function writes(file: string): { verb: string; table: string; given: ts.Node | undefined }[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true)
  const found: { verb: string; table: string; given: ts.Node | undefined }[] = []
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const verb = node.expression.name.text
      const [table] = node.arguments
      if ((verb === 'insert' || verb === 'update') && table && ts.isIdentifier(table)) {
        const next = node.parent.parent
        const given = ts.isCallExpression(next) ? next.arguments[0] : undefined
        found.push({ verb, table: table.text, given })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Whether an object given to `.set()` / `.values()` names `status`, however deep in spreads. */
function namesStatus(node: ts.Node | undefined): boolean {
  if (!node) return false
  if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getText() === 'status') return true
  return ts.forEachChild(node, (child) => namesStatus(child) || undefined) ?? false
}

const files = ['app', 'components', 'lib', 'db', 'scripts'].flatMap(sources)
const statusWrites = files.flatMap((file) =>
  writes(file).flatMap((write) => {
    if (write.table === 'workflowEvents' && write.verb === 'insert') return [`${file}: inserts an audit event`]
    if (write.table === 'articles' && namesStatus(write.given)) return [`${file}: writes articles.status`]
    return []
  }),
)

describe('the one door to a story’s status', () => {
  it('is lib/status-change.ts: it writes the status and the audit event', () => {
    expect(statusWrites.filter((line) => line.startsWith(door))).toEqual([
      `${door}: writes articles.status`,
      `${door}: inserts an audit event`,
    ])
  })

  it('is the only code that writes a story’s status or an audit event', () => {
    expect(statusWrites.filter((line) => !line.startsWith(door))).toEqual([])
  })
})
