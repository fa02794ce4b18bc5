// Classic WordPress content (and the shortcodes Gutenberg content may still hold) made into plain
// HTML that lib/wordpress/blocks.ts reads: [caption] and [gallery] become figures, [embed] and a
// web address alone on its line become embeds, and text with blank lines between paragraphs gets
// its <p> elements, as WordPress's own `wpautop` would print them.

/** Elements that start a block of their own: a chunk starting with one is not wrapped in a paragraph. */
const blockStart =
  /^<(?:p|h[1-6]|ul|ol|li|dl|blockquote|figure|figcaption|div|section|article|aside|table|thead|tbody|tr|hr|pre|address|form|script|style|iframe|object|embed|video|audio|noscript|!--)[\s>/]/i

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(/([a-z_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/gi)) {
    const name = match[1]
    if (name) attributes[name.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return attributes
}

/** `[caption …]<img …> Words[/caption]` (or the older `caption="Words"`) as a figure with its caption. */
function captions(content: string): string {
  return content.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, rawAttributes: string, inner: string) => {
    const image = /(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)(?:\s*<\/a>)?/i.exec(inner)
    if (!image) return inner
    const caption = inner.replace(image[0], '').trim() || shortcodeAttributes(rawAttributes).caption || ''
    return `\n\n<figure class="wp-caption">${image[1]}<figcaption>${caption}</figcaption></figure>\n\n`
  })
}

/** `[gallery ids="12,13"]`: a figure per image, found by its attachment id. */
function galleries(content: string): string {
  return content.replace(/\[gallery([^\]]*)\]/gi, (_, rawAttributes: string) => {
    const ids = (shortcodeAttributes(rawAttributes).ids ?? '').split(',').map((part) => part.trim())
    const images = ids.filter((id) => /^\d+$/.test(id)).map((id) => `<figure class="wp-block-image"><img class="wp-image-${id}"></figure>`)
    return `\n\n<figure class="wp-block-gallery">${images.join('')}</figure>\n\n`
  })
}

/** `[embed]https://…[/embed]` and, in classic content, a web address alone on its line (WordPress embeds both). */
function embeds(content: string, isBlockMarkup: boolean): string {
  const embed = (address: string) => `\n\n<figure class="wp-block-embed"><div>${escapeText(address.trim())}</div></figure>\n\n`
  const tagged = content.replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_, address: string) => embed(address))
  return isBlockMarkup ? tagged : tagged.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, (_, address: string) => embed(address))
}

/**
 * Shortcodes left over (one with a closing tag, or with attributes; "[sic]" is words): their tags
 * go, their words stay, and each is named for the report.
 */
function otherShortcodes(content: string, report: (message: string) => void): string {
  const dropped = (name: string) =>
    report(`the shortcode [${name}] is not something a story can hold: its tags were removed, its words kept`)
  return content
    .replace(/\[([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\]([\s\S]*?)\[\/\1\]/gi, (_, name: string, inner: string) => {
      dropped(name)
      return inner
    })
    .replace(/\[([a-z][a-z0-9_-]*)\s+[a-z_-]+\s*=[^\]]*\]/gi, (_, name: string) => {
      dropped(name)
      return ''
    })
}

/** Paragraphs where the text has blank lines between them; a line break within one stays a line break. */
export function autop(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (blockStart.test(chunk) ? chunk : `<p>${chunk.replace(/\s*\n\s*/g, '<br>\n')}</p>`))
    .join('\n')
}

/**
 * WordPress content as HTML with its shortcodes turned into elements. `isBlockMarkup`: content
 * written in the block editor, whose paragraphs already have their elements.
 */
export function classicToHtml(content: string, isBlockMarkup: boolean, report: (message: string) => void): string {
  const expanded = otherShortcodes(embeds(galleries(captions(content)), isBlockMarkup), report)
  return isBlockMarkup ? expanded : autop(expanded)
}
