import Link from 'next/link'
import styles from './media.module.css'
import { DateTime } from '@/components/ui/date-time'

/** One image in the library grid, with its addresses already worked out on the server. */
export type MediaGridItem = {
  id: number
  src: string
  srcSet: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
  uploaderName: string | null
  createdAt: Date
}

type MediaGridProps = { items: MediaGridItem[] }

/** How wide a grid image is shown: for `sizes`, and for choosing renditions. */
export const mediaGridSizes = '(min-width: 72rem) 17rem, (min-width: 40rem) 45vw, 100vw'

export function MediaGrid({ items }: MediaGridProps) {
  return (
    <ul className={styles.grid} aria-label="Images">
      {items.map((item) => (
        <li key={item.id} className={styles.card}>
          <Link href={`/desk/media/${item.id}`} aria-label={item.alt ? undefined : `Image ${item.id} (no alt text yet)`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- the library's own renditions, already sized */}
            <img
              src={item.src}
              srcSet={item.srcSet || undefined}
              sizes={mediaGridSizes}
              alt={item.alt}
              width={item.width}
              height={item.height}
              loading="lazy"
              decoding="async"
            />
          </Link>
          <div className={styles.cardText}>
            {!item.alt && (
              <p>
                <span className="badge disabled">No alt text</span>
              </p>
            )}
            {item.caption && <p className={styles.caption}>{item.caption}</p>}
            {item.credit && <p className={styles.credit}>{item.credit}</p>}
            <p className="muted">
              {item.width} × {item.height} · {item.uploaderName ?? 'a former colleague'} · <DateTime value={item.createdAt} format="day" />
            </p>
          </div>
        </li>
      ))}
    </ul>
  )
}
