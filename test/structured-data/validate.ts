import { type Node, type TypeName, type ValueKind, isA, isTypeName, propertyKinds, requirements } from './vocabulary'

// Checks a JSON-LD block against test/structured-data/vocabulary.ts: every node's type and every
// property known to schema.org for that type, every value of a kind the property takes, and
// every property Google requires or recommends present. Gives back every problem found, each
// with where it is (`NewsArticle.author[1].affiliation`), so a failing test says what to fix.

const keywords = new Set(['@context', '@type', '@id'])

/** The problems of one top-level JSON-LD block; none for a valid one. */
export function structuredDataProblems(block: unknown): string[] {
  const problems: string[] = []
  if (!isNode(block)) return ['the block is not a JSON object']
  if (block['@context'] !== 'https://schema.org')
    problems.push(`the block's @context is ${JSON.stringify(block['@context'])}, not "https://schema.org"`)
  checkNode(block, String(block['@type']), problems)
  return problems
}

function checkNode(node: Node, at: string, problems: string[]): TypeName | null {
  const type = node['@type']
  if (!isTypeName(type)) {
    problems.push(`${at}: unknown type ${JSON.stringify(type)}`)
    return null
  }
  for (const [property, value] of Object.entries(node)) {
    if (keywords.has(property)) continue
    const kinds = propertyKinds(type, property)
    if (!kinds) {
      problems.push(`${at}: schema.org gives ${type} no property "${property}"`)
      continue
    }
    const values = Array.isArray(value) ? value : [value]
    if (values.length === 0) problems.push(`${at}.${property}: an empty list`)
    values.forEach((one, index) =>
      checkValue(one, kinds, Array.isArray(value) ? `${at}.${property}[${index}]` : `${at}.${property}`, problems),
    )
  }
  for (const requirement of requirements) {
    if (!isA(type, requirement.type) || (requirement.when && !requirement.when(node))) continue
    for (const property of requirement.required)
      if (node[property] === undefined) problems.push(`${at}: ${property} is required (${requirement.why})`)
    for (const property of requirement.recommended ?? [])
      if (node[property] === undefined) problems.push(`${at}: ${property} is recommended (${requirement.why})`)
  }
  return type
}

function checkValue(value: unknown, kinds: readonly ValueKind[], at: string, problems: string[]): void {
  if (isNode(value)) {
    const nested: string[] = []
    const type = checkNode(value, at, nested)
    problems.push(...nested)
    if (type && !kinds.some((kind) => isTypeName(kind) && isA(type, kind)))
      problems.push(`${at}: a node of type ${type} where ${kinds.join(' or ')} is expected`)
    return
  }
  if (!kinds.some((kind) => isOfKind(value, kind))) problems.push(`${at}: ${JSON.stringify(value)} is not ${kinds.join(' or ')}`)
}

function isOfKind(value: unknown, kind: ValueKind): boolean {
  switch (kind) {
    case 'Text':
      return typeof value === 'string' && value.trim() !== ''
    case 'URL':
      return typeof value === 'string' && /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value)
    case 'DateTime':
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
        !Number.isNaN(Date.parse(value))
      )
    case 'Integer':
      return typeof value === 'number' && Number.isInteger(value) && value > 0
    default:
      return false
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
