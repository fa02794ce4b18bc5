import { getDb } from '@/db'
import { edgeNodes } from '@/lib/edge/nodes'
import { pendingEdgeRefreshes } from '@/lib/edge/purges'
import { DateTime } from '@/components/ui/date-time'
import { countOf } from '@/lib/words'

/**
 * Every desk page says when an edge cache has not yet let go of old pages (an unpublished story
 * may still be served there), until the retries succeed. Nothing when there is no edge.
 */
export async function EdgeRefreshNotice() {
  // Every instance of a newsroom is given the same edge nodes; with none, nothing is ever queued.
  if (edgeNodes().length === 0) return null
  const pending = await pendingEdgeRefreshes(getDb())
  if (pending.length === 0) return null
  return (
    <div className="message warning" role="region" aria-label="Edge cache">
      <p>Old pages are not yet removed from the cache on:</p>
      <ul>
        {pending.map((node) => (
          <li key={node.node}>
            {node.node}: {countOf(node.pages, 'page')}, waiting since <DateTime value={node.since} />, tried{' '}
            {countOf(node.attempts, 'time')} ({node.lastError}).
          </li>
        ))}
      </ul>
      <p>Copydesk keeps trying every few seconds; this notice goes when every page is removed.</p>
    </div>
  )
}
