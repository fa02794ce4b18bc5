import { Node } from '@tiptap/core'
import type { DOMOutputSpec } from '@tiptap/pm/model'
import { NodeSelection } from '@tiptap/pm/state'
import { insertBlockAtom } from './insert-block-atom'
import { withOuterAttrs } from './outer-attrs'
import { type EmbedProvider, embedProviders, identifyEmbed } from '@/lib/embeds'
import { isHttpUrl } from '../urls'
import { cleanLine, wellFormed } from '@/lib/clean-text'

/** The attributes of an `embed` node: a video, map or chart on another service. */
export type EmbedAttributes = {
  /** The address as the writer gave it: an `http(s):` address; an embed with any other is dropped. */
  url: string
  /** Worked out from `url` by `identifyEmbed`, never taken on trust; null for a service we do not know. */
  provider: EmbedProvider | null
  caption: string
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    embed: {
      /** Inserts an embed card at the cursor. */
      insertEmbed: (attributes: { url: string; caption?: string }) => ReturnType
      /** Changes the selected embed. */
      updateEmbed: (attributes: { url?: string; caption?: string }) => ReturnType
    }
  }
}

const maxCaption = 2000
/** Longer than any real share link; a longer one is not worth keeping. */
const maxUrl = 2048

/**
 * An embed's attributes made safe, or null when its address is not an `http(s):` address. The
 * provider is recomputed from the address, so a forged `provider` cannot relabel a link.
 */
export function toEmbedAttributes(input: Record<string, unknown>): EmbedAttributes | null {
  const url = typeof input.url === 'string' ? wellFormed(input.url).trim() : ''
  if (url.length > maxUrl || !isHttpUrl(url)) return null
  const caption = cleanLine(input.caption, maxCaption)
  return { url, provider: identifyEmbed(url)?.provider ?? null, caption }
}

const rel = 'noopener noreferrer nofollow'

/**
 * The HTML of an embed in the editor: a card that links out, never a frame, so that nothing from
 * another site loads while a story is written. `null` attributes (a bad address) render as an
 * empty, hidden figure.
 */
export function embedSpec(attributes: EmbedAttributes | null): DOMOutputSpec {
  if (!attributes) return ['figure', { class: 'embed embed-invalid', hidden: 'hidden' }]
  const identified = identifyEmbed(attributes.url)
  const link: DOMOutputSpec = identified
    ? ['a', { href: identified.pageUrl, rel, class: 'embed-link' }, embedProviders[identified.provider].action]
    : ['a', { href: attributes.url, rel, class: 'embed-link' }, 'Open link']
  const figure = { class: `embed embed-${identified?.provider ?? 'other'}` }
  return attributes.caption === '' ? ['figure', figure, link] : ['figure', figure, link, ['figcaption', {}, attributes.caption]]
}

/**
 * What a framed embed may do: run the provider's player or map, keep its own origin (another
 * site's, so this grants it nothing over ours) and open the provider's page in a new tab. No
 * forms, no top-level navigation, no downloads.
 */
const frameSandbox = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox'

/**
 * The HTML of an embed on a reader's page. A video, map or chart of a service on the allow-list is
 * a frame whose address is built from the id or coordinates read from the writer's address (never
 * that address itself), followed by a plain link to the provider's page for print and for readers
 * without frames, and the caption. Anything else is the editor's card (see `embedSpec`).
 */
export function embedFrameSpec(attributes: EmbedAttributes | null): DOMOutputSpec {
  const identified = attributes ? identifyEmbed(attributes.url) : null
  if (!attributes || !identified) return embedSpec(attributes)
  const provider = embedProviders[identified.provider]
  const [width, height] = provider.frameSize
  const frame: DOMOutputSpec = [
    'iframe',
    {
      src: identified.embedUrl,
      title: attributes.caption === '' ? provider.frameTitle : `${provider.frameTitle}: ${attributes.caption}`,
      width: String(width),
      height: String(height),
      loading: 'lazy',
      sandbox: frameSandbox,
      allow: provider.allow === '' ? null : provider.allow,
      referrerpolicy: 'strict-origin',
    },
  ]
  const link: DOMOutputSpec = ['a', { href: identified.pageUrl, rel, class: 'embed-link' }, provider.action]
  const figure = { class: `embed embed-${identified.provider} embed-framed` }
  return attributes.caption === ''
    ? ['figure', figure, frame, link]
    : ['figure', figure, frame, link, ['figcaption', {}, attributes.caption]]
}

/** A video, map or chart from another service: a card in the editor (`embedSpec`), a frame for readers (`embedFrameSpec`). */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      url: { default: '', rendered: false, parseHTML: () => undefined },
      provider: { default: null, rendered: false, parseHTML: () => undefined },
      caption: { default: '', rendered: false, parseHTML: () => undefined },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'figure.embed',
        getAttrs: (element) =>
          toEmbedAttributes({
            url: element.querySelector('a[href]')?.getAttribute('href') ?? '',
            caption: element.querySelector('figcaption')?.textContent ?? '',
          }) ?? false,
      },
    ]
  },

  // HTMLAttributes: only a suggestion's, in the desk (lib/story-schema/whole-blocks.ts).
  renderHTML({ node, HTMLAttributes }) {
    return withOuterAttrs(embedSpec(toEmbedAttributes(node.attrs)), HTMLAttributes)
  },

  addCommands() {
    return {
      insertEmbed: (attributes) => (props) => {
        const safe = toEmbedAttributes(attributes)
        return safe ? insertBlockAtom(props, this.type.create(safe)) : false
      },
      updateEmbed:
        (attributes) =>
        ({ commands, state }) => {
          const { selection } = state
          if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false
          const safe = toEmbedAttributes({ ...selection.node.attrs, ...attributes })
          return safe ? commands.updateAttributes(this.name, safe) : false
        },
    }
  },
})
