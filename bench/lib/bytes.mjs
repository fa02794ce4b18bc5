// Page weight: what a first visit downloads, gzipped (zlib's default level 6, as a server
// compressing on the fly would). JavaScript is every first-party `<script src>` (and script
// preload) plus every inline `<script>`, each gzipped on its own; CSS the same for stylesheets
// and `<style>` elements.
import zlib from 'node:zlib'
import { request } from './http.mjs'

const gz = (text) => zlib.gzipSync(Buffer.from(text, 'utf8')).length
const jsTypes = new Set(['', 'module', 'text/javascript', 'application/javascript'])

/** Weighs one page. `html` is its body as served; assets are fetched once per URL across pages. */
export async function weighPage(base, html, cache = new Map()) {
  const origin = new URL(base).origin
  const firstParty = (href) => {
    try {
      const url = new URL(href, base)
      return url.origin === origin ? url.toString() : null
    } catch {
      return null
    }
  }

  const scriptUrls = new Set()
  let inlineJsGz = 0
  let inlineJsBytes = 0
  let inlineScripts = 0
  for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = (attribute(attributes, 'type') ?? '').toLowerCase()
    if (!jsTypes.has(type)) continue
    const src = attribute(attributes, 'src')
    if (src) {
      const url = firstParty(src)
      if (url) scriptUrls.add(url)
    } else if (content.trim()) {
      inlineScripts++
      inlineJsBytes += Buffer.byteLength(content)
      inlineJsGz += gz(content)
    }
  }
  let inlineCssGz = 0
  let inlineStyles = 0
  for (const [, content] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (!content.trim()) continue
    inlineStyles++
    inlineCssGz += gz(content)
  }
  const styleUrls = new Set()
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attribute(tag, 'href')
    const url = href && firstParty(href)
    if (!url) continue
    if (rel.includes('stylesheet')) styleUrls.add(url)
    else if (rel.includes('modulepreload') || (rel.includes('preload') && attribute(tag, 'as') === 'script')) scriptUrls.add(url)
  }

  const external = async (urls) => {
    let bytes = 0
    let gzipped = 0
    for (const url of urls) {
      if (!cache.has(url)) {
        const answer = await request(url)
        cache.set(url, answer.status === 200 ? answer.body : '')
      }
      const text = cache.get(url)
      bytes += Buffer.byteLength(text)
      gzipped += gz(text)
    }
    return { bytes, gzipped }
  }
  const js = await external(scriptUrls)
  const css = await external(styleUrls)
  const htmlGz = gz(html)
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGz,
    jsGz: js.gzipped + inlineJsGz,
    jsBytes: js.bytes + inlineJsBytes,
    jsFiles: scriptUrls.size,
    inlineScripts,
    inlineJsGz,
    cssGz: css.gzipped + inlineCssGz,
    cssFiles: styleUrls.size,
    inlineStyles,
    inlineCssGz,
    // Inline scripts and styles are already inside the HTML: counted once, there.
    totalGz: htmlGz + js.gzipped + css.gzipped,
  }
}

function attribute(tag, name) {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  if (!match) return new RegExp(`(?:^|\\s)${name}(?=[\\s>/]|$)`, 'i').test(tag) ? '' : null
  return (match[1] ?? match[2] ?? match[3]).replace(/&amp;/g, '&')
}
