import Link from 'next/link'
import { connection } from 'next/server'
import type { ReactNode } from 'react'
import { getDb } from '@/db'
import { listTopSections } from '@/lib/sections'

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection()
  const sections = await listTopSections(getDb())
  return (
    <>
      <header className="masthead">
        <Link href="/" className="brand">
          Copydesk
        </Link>
        <nav aria-label="Sections">
          <ul className="sections">
            {sections.map((section) => (
              <li key={section.id}>{section.name}</li>
            ))}
          </ul>
        </nav>
      </header>
      {children}
    </>
  )
}
