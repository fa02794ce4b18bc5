// Programs the bench needs from Debian's packages (nginx, wrk): found, or installed when missing
// and allowed (root, and not --no-install).
import { which } from '../../scripts/cluster/edge.mjs'
import { lastLine, run } from './processes.mjs'

/**
 * The program from Debian's package of the same name: `{ binary }`, or `{ binary: null, why }`
 * saying why there is none.
 * @param {string} name
 * @param {{ install: boolean }} options
 */
export async function findOrInstall(name, { install }) {
  const found = which(name)
  if (found) return { binary: found, why: null }
  if (!install) return { binary: null, why: 'is not installed (--no-install)' }
  if (process.getuid?.() !== 0) return { binary: null, why: 'is not installed and installing it needs root' }
  console.log(`${name} is not installed: installing Debian's package (apt-get install -y ${name}).`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const installOnce = () => run('apt-get', ['install', '-y', name], { env, capture: true, timeoutMs: 300_000 })
  let installed = await installOnce()
  if (installed.code !== 0) {
    // The package lists may be missing or old: fetch them, then try again.
    const update = await run('apt-get', ['update'], { env, capture: true, timeoutMs: 180_000 })
    installed = update.code === 0 ? await installOnce() : update
  }
  const binary = which(name)
  if (binary) return { binary, why: null }
  return { binary: null, why: `could not be installed (${lastLine(installed.stderr || installed.stdout) || 'apt-get failed'})` }
}
