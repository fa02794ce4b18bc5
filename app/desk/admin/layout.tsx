import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { can } from '@/lib/permissions'
import { requireUser } from '@/lib/session'

/** The admin area does not exist for anyone but admins: they get the 404 page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser()
  if (!can(user, 'user.manage')) notFound()
  return children
}
