'use client'

import { derivedSlug, seoHints } from '@/lib/article-input'
import type { MediaOption } from '@/lib/media/types'
import type { StoryDraft } from '@/lib/story-draft'
import { sharingOverruns, shortened, storySharing } from '@/lib/story-sharing'

/** Where the story would live: the publication's name and address, and each section's public path by id. */
export type SharingSite = { name: string; url: string; sectionPaths: Record<number, string> }

type SharingPreviewsProps = {
  fields: Pick<
    StoryDraft,
    'headline' | 'standfirst' | 'seoTitle' | 'seoDescription' | 'socialHeadline' | 'leadMediaId' | 'socialMediaId' | 'sectionId' | 'slug'
  >
  /** The library images the form knows, to show the chosen ones. */
  images: readonly MediaOption[]
  site: SharingSite
}

/**
 * How a search result and a link preview would show the story as it is typed, by the rule the
 * reader's page follows (lib/story-sharing.ts), each text cut where they cut it, with what is too long said.
 */
export function SharingPreviews({ fields, images, site }: SharingPreviewsProps) {
  const imageOf = (id: number | null) => (id === null ? null : (images.find((image) => image.mediaId === id) ?? { mediaId: id }))
  const sharing = storySharing({ ...fields, lead: imageOf(fields.leadMediaId), social: imageOf(fields.socialMediaId) })
  const overruns = sharingOverruns(sharing)
  const slug = fields.slug || derivedSlug(fields.headline) || 'made-from-the-headline'
  const url = `${site.url}${site.sectionPaths[fields.sectionId] ?? ''}/${slug}`
  const image = sharing.image

  return (
    <div className="sharing-previews">
      <section className="search-preview" aria-label="Search result preview">
        <p className="search-preview-url">{url}</p>
        <p className="search-preview-title">{shortened(sharing.title, seoHints.title) || 'No title yet'}</p>
        <p className="search-preview-description">{shortened(sharing.description, seoHints.description)}</p>
        <Overruns messages={[overruns.title, overruns.description]} />
      </section>
      <section className="social-preview" aria-label="Social card preview">
        {image && 'src' in image ? (
          // eslint-disable-next-line @next/next/no-img-element -- a library rendition; decorative here, the image's alt text is the library's
          <img src={image.thumbSrc ?? image.src} alt="" />
        ) : (
          <p className="social-preview-image">{image ? `Image ${image.mediaId} from the library` : 'No image'}</p>
        )}
        <p className="social-preview-site">{site.name}</p>
        <p className="social-preview-title">{shortened(sharing.socialTitle, seoHints.socialHeadline) || 'No headline yet'}</p>
        <p className="social-preview-description">{sharing.description}</p>
        <Overruns messages={[overruns.socialTitle]} />
      </section>
    </div>
  )
}

function Overruns({ messages }: { messages: (string | undefined)[] }) {
  const found = messages.filter(Boolean)
  if (found.length === 0) return null
  return (
    <ul className="preview-overruns">
      {found.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  )
}
