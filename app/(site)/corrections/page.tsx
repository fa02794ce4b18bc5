import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { getDb } from '@/db'
import { listRecentCorrections } from '@/lib/corrections'
import { parseId } from '@/lib/http'

export const metadata: Metadata = { title: 'Corrections', description: 'Every correction and update to our published stories, newest first.' }

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })

type CorrectionsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function CorrectionsPage({ searchParams }: CorrectionsPageProps) {
  await connection()
  const page = parseId(String((await searchParams).page ?? '1')) ?? 1
  const { items, pageCount } = await listRecentCorrections(getDb(), { page: Math.min(page, 10_000) })
  return (
    <main className="page narrow-article">
      <h1>Corrections</h1>
      <p>When we get something wrong we say so here and on the story, newest first.</p>
      {items.length === 0 && <p className="muted">No corrections on this page.</p>}
      <ol className="corrections-list">
        {items.map((item) => (
          <li key={item.id}>
            <p className="small muted">
              {item.kind === 'correction' ? 'Correction' : 'Update'} ·{' '}
              <time dateTime={item.createdAt.toISOString()}>{dateFormat.format(item.createdAt)} UTC</time>
            </p>
            <h2>
              <Link href={item.article.path}>{item.article.headline}</Link>
            </h2>
            <p>
              {item.retractedAt ? <s>{item.body}</s> : item.body}
              {item.retractedAt && <em> Withdrawn{item.retractionNote ? `: ${item.retractionNote}` : ''}.</em>}
            </p>
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="inline-form">
        {page > 1 && <Link href={`/corrections?page=${page - 1}`}>Newer</Link>}
        {page < pageCount && <Link href={`/corrections?page=${page + 1}`}>Older</Link>}
      </nav>
    </main>
  )
}
