import Link from 'next/link'
import type { SectionCrumb } from '@/lib/sections'

export function Breadcrumb({ trail }: { trail: SectionCrumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link href="/">Home</Link>
        </li>
        {trail.map((crumb) => (
          <li key={crumb.path}>
            <Link href={crumb.path}>{crumb.name}</Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}
