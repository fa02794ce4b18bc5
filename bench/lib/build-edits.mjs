// What `next build` writes into files shared with everyone working in the checkout, taken back.
import fs from 'node:fs'

/**
 * `next build` adds its dist dir's type folders to tsconfig.json and points next-env.d.ts at
 * them. Those files are shared with everyone working in the checkout: take back exactly what the
 * bench's build added (and nothing anyone else changed meanwhile).
 */
export function undoBuildEdits(distDir) {
  const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null)
  const tsconfigBefore = read('tsconfig.json')
  const nextEnvBefore = read('next-env.d.ts')
  return () => {
    const tsconfig = read('tsconfig.json')
    if (tsconfigBefore !== null && tsconfig !== null && !tsconfigBefore.includes(`${distDir}/`)) {
      const restored = tsconfig.replace(new RegExp(`,\\s*"\\${distDir}/(dev/)?types/\\*\\*/\\*\\.ts"`, 'g'), '')
      if (restored !== tsconfig) fs.writeFileSync('tsconfig.json', restored)
    }
    const nextEnv = read('next-env.d.ts')
    if (nextEnvBefore !== null && nextEnv !== null && nextEnv.includes(`./${distDir}/`) && !nextEnvBefore.includes(`./${distDir}/`)) {
      fs.writeFileSync('next-env.d.ts', nextEnvBefore)
    }
  }
}
