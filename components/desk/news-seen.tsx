'use client'

import { useEffect, useState } from 'react'

type NewsSeenProps = {
  /** When the newest change on the list happened (ISO 8601). */
  newestShown: string
  markShown: (newestShown: string) => Promise<void>
}

/** Once the list of changes is on screen, records it as seen and says so. */
export function NewsSeen({ newestShown, markShown }: NewsSeenProps) {
  const [isSeen, setIsSeen] = useState(false)

  useEffect(() => {
    let isCurrent = true
    markShown(newestShown).then(
      () => isCurrent && setIsSeen(true),
      // The badge simply stays until the next look.
      (error: unknown) => console.error(error),
    )
    return () => {
      isCurrent = false
    }
  }, [newestShown, markShown])

  return (
    <p role="status" className="muted small">
      {isSeen && 'Seen: from now on, only newer changes are counted.'}
    </p>
  )
}
