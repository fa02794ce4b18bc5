import { Link } from '@tiptap/extension-link'
import { isAllowedHref, isExternalHref } from '../urls'

/**
 * A link to an `http(s):` or `mailto:` address or a path on this site, and nothing else. It keeps
 * only `href`: `rel` is decided here (links off the site get `noopener noreferrer nofollow`), and
 * links open in the same tab.
 */
export const StoryLink = Link.extend({
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element) => element.getAttribute('href'),
      },
    }
  },

  renderHTML({ HTMLAttributes }) {
    const href: unknown = HTMLAttributes.href
    if (!isAllowedHref(href)) return ['span', {}, 0]
    return ['a', isExternalHref(href) ? { href, rel: 'noopener noreferrer nofollow' } : { href }, 0]
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  protocols: [],
  HTMLAttributes: {},
  isAllowedUri: (url) => isAllowedHref(url),
  // Only an address typed out in full (`https://…`) becomes a link by itself.
  shouldAutoLink: (url) => /^https?:\/\//i.test(url),
})
