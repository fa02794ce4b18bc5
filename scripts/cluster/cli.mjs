// `npm run start:cluster -- --instances 2 [--port 8080] [--base-port 3101]`: N app instances on
// PostgreSQL (DATABASE_URL) with the nginx edge in front, until Ctrl-C.
import { parseArgs } from 'node:util'
import { startCluster } from './cluster.mjs'

const USAGE = 'usage: npm run start:cluster -- --instances N [--port 8080] [--base-port 3101]'

/**
 * A whole number in [min, max], or an error that names the option.
 * @param {string} name
 * @param {string} raw
 */
function integerOption(name, raw, min, max) {
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`)
  }
  return value
}

function validated({ instances, port, 'base-port': base }) {
  const count = integerOption('instances', instances, 1, 16)
  const edgePort = integerOption('port', port, 1, 65535)
  const basePort = integerOption('base-port', base, 1, 65535 - count + 1)
  if (edgePort >= basePort && edgePort < basePort + count) {
    throw new Error(`--port ${edgePort} is one of the instances' ports (${basePort}-${basePort + count - 1})`)
  }
  return { instances: count, edgePort, basePort }
}

function readArguments() {
  const options = {
    instances: { type: 'string', default: '2' },
    port: { type: 'string', default: '8080' },
    'base-port': { type: 'string', default: '3101' },
  }
  try {
    return validated(parseArgs({ options: /** @type {const} */ (options) }).values)
  } catch (error) {
    // parseArgs explains an unknown or malformed option in its first line.
    throw new Error(`${error.message.split('\n')[0]}; ${USAGE}`)
  }
}

async function main() {
  const cluster = await startCluster({ ...readArguments(), log: (line) => console.log(line) })
  console.log(`Edge: ${cluster.edgeUrl}`)
  cluster.instanceUrls.forEach((url, i) => console.log(`Instance ${i + 1}: ${url}`))
  console.log('Stop everything with Ctrl-C.')
}

main().catch((error) => {
  console.error(error.message)
  process.exit(1)
})
