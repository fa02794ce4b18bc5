import fs from 'node:fs'
import path from 'node:path'

// The doors into the app, found two ways: in the source tree (every route handler's exported
// methods, every exported function of a 'use server' file) and in a build's manifests (the
// server actions and route files Next.js actually compiled). test/authorization-cases.ts and
// test/authorization-actions.ts must have a row for each.

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    if (!entry.isFile()) return []
    return [path.relative('.', path.join(entry.parentPath, entry.name)).split(path.sep).join('/')]
  })
}

/** `app/…/route.ts GET` for each HTTP method a route file exports. */
export function routeHandlersInSource(): string[] {
  return filesUnder('app')
    .filter((file) => file.endsWith('/route.ts'))
    .flatMap((file) => {
      const source = fs.readFileSync(file, 'utf8')
      const named = [...source.matchAll(/export (?:async function|const) ([A-Z]+)\b/g)].map((match) => match[1] ?? '')
      // `export const { GET, POST } = handlers`
      const destructured = [...source.matchAll(/export const \{([^}]+)\}/g)].flatMap((match) =>
        (match[1] ?? '').split(',').map((name) => name.trim()),
      )
      return [...named, ...destructured].filter((name) => httpMethods.includes(name)).map((method) => `${file} ${method}`)
    })
    .sort()
}

/** `app/….ts name` for each function a 'use server' file exports. */
export function serverActionsInSource(): string[] {
  return filesUnder('app')
    .filter((file) => /\.tsx?$/.test(file))
    .flatMap((file) => {
      const source = fs.readFileSync(file, 'utf8')
      if (!/^'use server'/.test(source)) return []
      return [...source.matchAll(/export async function (\w+)/g)].map((match) => `${file} ${match[1]}`)
    })
    .sort()
}

/** The server actions and route files of the build in `distDir`, or null when there is no build. */
export function doorsInBuild(distDir: string): { actions: string[]; routeFiles: string[] } | null {
  const actionsFile = path.join(distDir, 'server', 'server-reference-manifest.json')
  const pathsFile = path.join(distDir, 'server', 'app-paths-manifest.json')
  if (!fs.existsSync(actionsFile) || !fs.existsSync(pathsFile)) return null
  type ActionEntry = { filename?: string; exportedName?: string }
  const manifest = JSON.parse(fs.readFileSync(actionsFile, 'utf8')) as { node: Record<string, ActionEntry> }
  const actions = Object.values(manifest.node).map((entry) => `${entry.filename} ${entry.exportedName}`)
  const appPaths = JSON.parse(fs.readFileSync(pathsFile, 'utf8')) as Record<string, string>
  const routeFiles = Object.values(appPaths)
    .filter((file) => file.endsWith('/route.js'))
    .map((file) => file.replace(/\.js$/, '.ts'))
  return { actions: [...new Set(actions)].sort(), routeFiles: [...new Set(routeFiles)].sort() }
}
