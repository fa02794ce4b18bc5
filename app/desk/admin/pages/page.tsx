import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { requireCapability } from '@/lib/session'
import { listSitePages } from '@/lib/site-pages'

export const metadata: Metadata = { title: 'Site pages' }

export default async function SitePagesPage() {
  await requireCapability('site.manage')
  const pages = await listSitePages(getDb())
  return (
    <div className="page">
      <h1>Site pages</h1>
      <p>The newsroom’s standing pages, linked from the foot of every page of the public site. A page with no text is not shown.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col">Address</th>
            <th scope="col">Readers see it</th>
          </tr>
        </thead>
        <tbody>
          {pages.map((page) => (
            <tr key={page.slug}>
              <td>
                <Link href={`/desk/admin/pages/${page.slug}`}>{page.title}</Link>
              </td>
              <td>
                <code>{page.path}</code>
              </td>
              <td>{page.body === '' ? 'no (no text yet)' : 'yes'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
