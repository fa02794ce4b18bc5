import type { Metadata } from 'next'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { DateTime } from '@/components/ui/date-time'
import { apiScopeLabels, apiScopes } from '@/lib/api-tokens/scopes'
import { listApiTokens, tokenLifetimes, tokenNameLimit } from '@/lib/api-tokens/tokens'
import { listSectionOptions } from '@/lib/sections'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { createTokenAction, revokeTokenAction } from './actions'
import { TokenForm } from './token-form'

export const metadata: Metadata = { title: 'API tokens' }

export default async function TokensPage() {
  const actor = await requireCapability('token.manage')
  const db = getDb()
  const [{ tokens }, sections] = await Promise.all([listApiTokens(db, actor).then(shownUnlessRefused), listSectionOptions(db)])
  const sectionName = new Map(sections.map((section) => [section.id, section.label]))
  const now = new Date()
  return (
    <div className="page">
      <h1>API tokens</h1>
      <p>
        Tokens let another program use the Content API (/api/v1) beyond what readers see: read drafts, write drafts (never publish:
        publishing stays a person’s act in the desk) or read the webhook log. A token acts as the admin who made it and stops working if
        they stop being an admin. Its secret is shown once, when it is made.
      </p>
      {tokens.length === 0 ? (
        <p className="muted">No token yet.</p>
      ) : (
        <table className="stacked">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Sections</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>
                  {token.name}
                  <br />
                  <span className="muted">by {token.createdBy}</span>
                </td>
                <td>{token.scopes.join(', ')}</td>
                <td>
                  {token.sectionIds.length === 0
                    ? 'Every section'
                    : token.sectionIds.map((id) => sectionName.get(id) ?? `#${id}`).join(', ')}
                </td>
                <td>{token.expiresAt ? <DateTime value={token.expiresAt} format="day" /> : 'Never'}</td>
                <td>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : 'Never used'}</td>
                <td>
                  {token.revokedAt ? (
                    <>
                      Revoked <DateTime value={token.revokedAt} format="day" />
                    </>
                  ) : token.expiresAt && token.expiresAt <= now ? (
                    'Expired'
                  ) : (
                    <details>
                      <summary>Revoke…</summary>
                      <ActionForm action={revokeTokenAction} submitLabel={`Revoke “${token.name}”`} variant="danger">
                        <input type="hidden" name="tokenId" value={token.id} />
                        <p>Every program using it is refused from the next request on. This cannot be undone.</p>
                      </ActionForm>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <TokenForm
          action={createTokenAction}
          scopes={apiScopes.map((scope) => ({ scope, label: apiScopeLabels[scope] }))}
          sections={sections}
          lifetimes={Object.entries(tokenLifetimes).map(([value, label]) => ({ value, label }))}
          nameLimit={tokenNameLimit}
        />
      </section>
    </div>
  )
}
