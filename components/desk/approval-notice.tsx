'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useRef, useState } from 'react'
import type { ApprovalAfterEdit } from '@/lib/approval'

/** What the page knew of the story's approval when it was made (lib/approval.ts). */
export type ApprovalAtOpen = {
  /** Approved or scheduled: publishing publishes the approved revision. */
  holds: boolean
  isScheduled: boolean
  /** This person may approve the story, so may approve their own edit of it too. */
  canApprove: boolean
}

/**
 * The story form's side of approving exactly what goes live: whether this person's saves approve
 * their edit too (their choice, asked once on the page), and what the last save did.
 */
export function useApproval(atOpen: ApprovalAtOpen) {
  const router = useRouter()
  const [approveAgain, setApproveAgain] = useState(false)
  const [outcome, setOutcome] = useState<ApprovalAfterEdit>('none')
  const approveAgainRef = useRef(false)
  const choose = useCallback((value: boolean) => {
    approveAgainRef.current = value
    setApproveAgain(value)
  }, [])
  const wantsApproval = useCallback(() => approveAgainRef.current, [])
  const onApproval = useCallback(
    (approval: ApprovalAfterEdit) => {
      setOutcome(approval)
      // The story left approval: its status line and buttons are the server's to draw again.
      if (approval === 'backToReview') router.refresh()
    },
    [router],
  )
  /** After a workflow move, what the last save did is old news. */
  const forget = useCallback(() => setOutcome('none'), [])
  return { wantsApproval, onApproval, forget, view: { ...atOpen, approveAgain, choose, outcome } }
}

type ApprovalNoticeProps = ReturnType<typeof useApproval>['view']

/** Says, before the first keystroke, what an edit does to an approved story, and offers an editor to approve it too. */
export function ApprovalNotice({ holds, isScheduled, canApprove, approveAgain, choose, outcome }: ApprovalNoticeProps) {
  if (!holds) {
    return outcome === 'backToReview' ? (
      <p className="message info" role="status">
        Your edit sent the story back to review: it must be approved again before it is published.
      </p>
    ) : null
  }
  const lost = isScheduled ? 'sends it back to review and cancels its schedule' : 'sends it back to review'
  return (
    <div className="message info">
      <p className="flush">
        This story is approved{isScheduled ? ' and scheduled' : ''}: publishing publishes the version that was approved. An edit {lost}
        {canApprove ? ', unless you approve your edits too.' : '.'}
      </p>
      {canApprove && (
        <label>
          <input type="checkbox" checked={approveAgain} onChange={(event) => choose(event.target.checked)} /> Approve my edits too
        </label>
      )}
      {outcome === 'approvedAgain' && (
        <p className="flush" role="status">
          Your edits are approved too: they are what will be published.
        </p>
      )}
    </div>
  )
}
