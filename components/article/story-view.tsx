import type { PublicCorrection } from '@/lib/corrections'
import type { PublicStory } from '@/lib/public-articles'
import { withResponsiveFigures } from '@/lib/responsive-figures'
import { renderRichText } from '@/lib/rich-text'
import { Breadcrumb } from './breadcrumb'
import { Byline } from './byline'

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })

/** A story as readers see it; the desk's preview uses the same component. */
export function StoryView({ story, corrections }: { story: PublicStory; corrections: PublicCorrection[] }) {
  const isUpdated = story.publishedAt && story.firstPublishedAt && story.publishedAt.getTime() > story.firstPublishedAt.getTime()
  return (
    <article className="story">
      <Breadcrumb trail={story.trail} />
      <h1>{story.headline}</h1>
      {story.standfirst && <p className="standfirst">{story.standfirst}</p>}
      <Byline bylines={story.bylines} />
      <p className="dateline">
        {story.firstPublishedAt && (
          <>
            Published <time dateTime={story.firstPublishedAt.toISOString()}>{dateFormat.format(story.firstPublishedAt)} UTC</time>
          </>
        )}
        {isUpdated && story.publishedAt && (
          <>
            {' · '}Updated <time dateTime={story.publishedAt.toISOString()}>{dateFormat.format(story.publishedAt)} UTC</time>
          </>
        )}
      </p>
      {story.lead && (
        <figure className="figure figure-lead">
          <picture>
            {story.lead.sources.map((source) => (
              <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={story.lead?.sizes} />
            ))}
            <img
              src={story.lead.src}
              srcSet={story.lead.fallbackSrcSet || undefined}
              sizes={story.lead.sizes}
              alt={story.lead.alt}
              width={story.lead.width}
              height={story.lead.height}
              fetchPriority="high"
              decoding="async"
            />
          </picture>
          {(story.lead.caption || story.lead.credit) && (
            <figcaption>
              {story.lead.caption && <span className="caption">{story.lead.caption}</span>} {story.lead.credit && <span className="credit">{story.lead.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      <div className="story-body" dangerouslySetInnerHTML={{ __html: withResponsiveFigures(renderRichText(story.body), story.figureImages) }} />
      {corrections.length > 0 && (
        <section className="corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">Corrections and updates</h2>
          <ul>
            {corrections.map((correction) => (
              <li key={correction.id}>
                <strong>{correction.kind === 'correction' ? 'Correction' : 'Update'}</strong>{' '}
                <time dateTime={correction.createdAt.toISOString()}>{dateFormat.format(correction.createdAt)} UTC</time>:{' '}
                {correction.retractedAt ? <s>{correction.body}</s> : correction.body}
                {correction.retractedAt && <em> Withdrawn{correction.retractionNote ? `: ${correction.retractionNote}` : ''}.</em>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {story.tags.length > 0 && <p className="tags">Tags: {story.tags.join(', ')}</p>}
    </article>
  )
}
