import Link from 'next/link'
import type { PublicByline } from '@/lib/public-articles'

/** "By Nadia Karam / The Coastline Dispatch and Hannah Lindqvist": several names joined naturally. */
export function Byline({ bylines }: { bylines: PublicByline[] }) {
  if (bylines.length === 0) return null
  return (
    <p className="byline">
      By{' '}
      {bylines.map((byline, index) => (
        <span key={index}>
          {index > 0 && (index === bylines.length - 1 ? ' and ' : ', ')}
          {byline.authorSlug ? <Link href={`/authors/${byline.authorSlug}`}>{byline.name}</Link> : byline.name}
          {byline.outlet && <span className="outlet"> / {byline.outlet}</span>}
        </span>
      ))}
    </p>
  )
}
