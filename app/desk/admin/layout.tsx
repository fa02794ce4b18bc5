import type { ReactNode } from 'react'
import { requireCapability } from '@/lib/session'

/** The admin area does not exist for anyone but admins: they get the 404 page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireCapability('user.manage')
  return children
}
