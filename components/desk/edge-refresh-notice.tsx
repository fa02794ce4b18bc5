import { getDb } from '@/db'
import { pendingEdgeRefreshes } from '@/lib/edge/purges'
import { DateTime } from '@/components/ui/date-time'

/**
 * Every desk page says when an edge cache has not yet let go of old pages (an unpublished story
 * may still be served there), until the retries succeed. Nothing when there is no edge.
 */
export async function EdgeRefreshNotice() {
  const pending = await pendingEdgeRefreshes(getDb())
  if (pending.length === 0) return null
  return (
    <div className="message warning" role="region" aria-label="Edge cache">
      <p>Old pages are not yet removed from the cache on:</p>
      <ul>
        {pending.map((node) => (
          <li key={node.node}>
            {node.node}: {node.pages} {node.pages === 1 ? 'page' : 'pages'}, waiting since <DateTime value={node.since} />, tried{' '}
            {node.attempts} {node.attempts === 1 ? 'time' : 'times'} ({node.lastError}).
          </li>
        ))}
      </ul>
      <p>Copydesk keeps trying every few seconds; this notice goes when every page is removed.</p>
    </div>
  )
}
