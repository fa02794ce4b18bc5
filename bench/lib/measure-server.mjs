// What the bench measures against one running server: reader pages under load (and the
// baselines beside them), page weight, the desk's lists, publish-to-visible and the editor.
import fs from 'node:fs'
import path from 'node:path'
import { weighPage } from './bytes.mjs'
import { deskCases, measureDesk } from './desk.mjs'
import { editorLatency } from './editor.mjs'
import { measure, probe } from './load.mjs'
import { serveStatic } from './nginx.mjs'
import { isShuttingDown } from './processes.mjs'
import { publishToVisible } from './publish.mjs'
import { signIn } from './sign-in.mjs'

/** Runs one part of the measurement; a failure is recorded and the run goes on. */
export async function attempt(label, failures, task) {
  try {
    return await task()
  } catch (error) {
    if (isShuttingDown()) throw error
    const message = error instanceof Error ? error.message : String(error)
    failures.push(`${label}: ${message}`)
    console.error(`bench: ${label} failed: ${message}`)
    return { error: message }
  }
}

/** Everything measured against one running server. */
export async function measureServer({ server, stories, options, log, failures, notes, nginx, withBaselines, withExtras }) {
  const { base, memory } = server
  const story = stories.reader
  const section = `/${story.path.split('/')[1]}`
  const pages = [
    { key: 'story', label: 'Story page', path: story.path },
    { key: 'home', label: 'Home', path: '/' },
    { key: 'section', label: 'Section page', path: section },
    { key: 'search', label: 'Search', path: '/search?q=harbour' },
    { key: 'feed', label: 'Feed', path: '/feed.xml' },
  ].filter((page) => withExtras || page.key === 'story' || page.key === 'search')
  const connectionLevels = [10, 50]
  const result = { stories: { reader: story, publish: { id: stories.publish.id, path: stories.publish.path } } }

  const loadOne = async (target) => {
    const first = await probe(`${target.base ?? base}${target.path}`)
    const entry = { key: target.key, label: target.label, path: target.path, state: first.state, status: first.status }
    if (first.state !== 'ok') {
      entry.message = first.message
      if (first.state === 'error') failures.push(`${target.label} ${target.path}: ${first.message}`)
      log(`${target.label} ${target.path}: ${first.state === 'missing' ? 'missing (404), not measured' : first.message}`)
      return { entry, body: null }
    }
    entry.runs = {}
    for (const connections of connectionLevels) {
      log(`${target.label} ${target.path}: ${connections} connections, ${options.duration} s.`)
      entry.runs[connections] = await measure(`${target.base ?? base}${target.path}`, { connections, duration: options.duration })
    }
    return { entry, body: first.body }
  }

  memory.phase('load')
  const storyProbe = await probe(`${base}${story.path}`)
  if (withBaselines) {
    result.baselines = {}
    // The static-file server first: if it cannot start, the run stops before the long part.
    if (storyProbe.state === 'ok') {
      const staticServer = await serveStatic({ html: storyProbe.body, port: options.staticPort, nginx: nginx.binary })
      const label =
        staticServer.server === 'nginx'
          ? `story HTML as a file, nginx ${staticServer.version}, 1 worker`
          : 'story HTML as a file, Node static server (no nginx)'
      const measured = (await loadOne({ key: 'static', label, path: '/story.html', base: `http://127.0.0.1:${options.staticPort}` })).entry
      result.baselines.static = { ...measured, server: staticServer.server, version: staticServer.version }
      await staticServer.stop()
    } else {
      result.baselines.static = {
        key: 'static',
        label: 'story HTML as a file',
        path: '/story.html',
        state: 'error',
        message: 'the story page could not be fetched',
        server: nginx.binary ? 'nginx' : 'node',
      }
    }
    let robots = { key: 'robots', label: 'robots.txt (same server)', path: '/robots.txt' }
    if ((await probe(`${base}/robots.txt`)).state === 'missing') {
      const fallback = smallestPublicFile()
      notes.push(`/robots.txt is missing (404): the same-server static baseline is ${fallback}, a file from public/.`)
      robots = { key: 'robots', label: `${fallback} (same server; robots.txt missing)`, path: fallback }
    }
    result.baselines.robots = (await loadOne(robots)).entry
  }

  result.reader = []
  const bodies = {}
  for (const page of pages) {
    const { entry, body } = await loadOne(page)
    result.reader.push(entry)
    if (body) bodies[page.key] = body
  }

  if (withExtras) {
    memory.phase('other')
    log('Page weight.')
    result.bytes = await attempt('Page weight', failures, async () => {
      const cache = new Map()
      const routes = []
      for (const page of pages.filter((page) => page.key !== 'feed')) {
        const body = bodies[page.key]
        if (!body) {
          routes.push({ key: page.key, label: page.label, path: page.path, error: 'missing' })
          continue
        }
        routes.push({ key: page.key, label: page.label, path: page.path, ...(await weighPage(`${base}${page.path}`, body, cache)) })
      }
      return { gzip: 'zlib level 6, each file on its own', routes }
    })
  }

  log('Signing in as editor@copydesk.test and writer@copydesk.test.')
  const jars = await attempt('Sign-in', failures, async () => ({
    editor: await signIn(base, 'editor@copydesk.test'),
    writer: await signIn(base, 'writer@copydesk.test'),
  }))
  if (!jars.error) {
    memory.phase('desk')
    log('Desk lists: 3 × 100–120 sequential requests.')
    result.desk = await attempt('Desk lists', failures, async () => ({
      method: 'HTTP GET of the whole /desk page with a signed-in cookie, one request at a time (server time plus loopback)',
      lists: await measureDesk(base, deskCases({ editorJar: jars.editor, writerJar: jars.writer, sectionId: story.sectionId })),
    }))
    memory.phase('publish')
    log(`Publish to visible: 20 rounds on ${stories.publish.path}.`)
    result.publish = await attempt('Publish to visible', failures, () =>
      publishToVisible({ base, jar: jars.editor, story: stories.publish, rounds: 20 }),
    )
  } else {
    result.desk = { error: jars.error }
    result.publish = { error: jars.error }
  }

  if (withExtras) {
    if (options.skipEditor) {
      result.editor = { state: 'skipped', message: '--skip-editor' }
    } else {
      memory.phase('editor')
      log('Editor key-to-paint (bench/editor-latency.mjs, Chromium).')
      result.editor = await editorLatency(base)
      if (result.editor.state === 'error') failures.push(`Editor: ${result.editor.message}`)
    }
  }
  result.memory = memory.report()
  return result
}

/** The smallest file in public/, as a path on the site: a static file the server serves itself. */
function smallestPublicFile() {
  const files = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.push({ path: `/${path.relative('public', full).split(path.sep).join('/')}`, size: fs.statSync(full).size })
    }
  }
  if (fs.existsSync('public')) walk('public')
  files.sort((a, b) => a.size - b.size)
  return files[0]?.path ?? '/favicon.ico'
}
