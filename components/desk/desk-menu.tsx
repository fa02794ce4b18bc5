'use client'

import { usePathname } from 'next/navigation'
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react'

/**
 * The desk's links on a phone: a disclosure named "Menu" that works without script. The script
 * only closes it once a link has opened another page (the desk's layout stays on screen) and on
 * Escape. At a desk's width the links show in the bar and the summary is hidden (app/styles/desk.css).
 */
export function DeskMenu({ children }: { children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null)
  const pathname = usePathname()
  const shownAt = useRef(pathname)
  // Only a move to another page closes it: on a slow phone the menu may have been opened before
  // the script arrived, and arriving must not snap it shut.
  useEffect(() => {
    if (shownAt.current === pathname) return
    shownAt.current = pathname
    if (menu.current) menu.current.open = false
  }, [pathname])

  function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !menu.current?.open) return
    menu.current.open = false
    menu.current.querySelector('summary')?.focus()
  }

  return (
    <details ref={menu} className="desk-menu" onKeyDown={closeOnEscape}>
      <summary>Menu</summary>
      <div className="desk-menu-items">{children}</div>
    </details>
  )
}
