import type { DiffPart } from '@/lib/diff'
import { bodyItemNames } from '@/lib/body-items'
import type { FieldChange } from '@/lib/revision-changes'

type Thumbnails = Record<number, string>

/** Every change between two revisions: text word by word (<ins>, <del>), other fields as before → after. */
export function DiffView({ changes, thumbnails }: { changes: FieldChange[]; thumbnails: Thumbnails }) {
  if (changes.length === 0) return <p>These two revisions have the same content.</p>
  return (
    <div className="diff">
      {changes.map((change, index) => {
        const title = titleOf(change)
        return (
          <section key={index} aria-label={change.kind === 'item' ? title : `${title} changes`}>
            <h3>{title}</h3>
            <ChangeBody change={change} thumbnails={thumbnails} />
          </section>
        )
      })}
    </div>
  )
}

function titleOf(change: FieldChange): string {
  if (change.kind !== 'item') return change.field
  return `${bodyItemNames[change.type]} ${change.change}`
}

function ChangeBody({ change, thumbnails }: { change: FieldChange; thumbnails: Thumbnails }) {
  switch (change.kind) {
    case 'text':
      return <DiffRuns runs={change.parts} />
    case 'value':
      return <BeforeAfter before={change.before} after={change.after} />
    case 'list':
      return change.added.length === 0 && change.removed.length === 0 ? (
        <p>
          Order: <del>{change.before.join(', ')}</del> → <ins>{change.after.join(', ')}</ins>
        </p>
      ) : (
        <p>
          {change.added.length > 0 && (
            <>
              Added: <ins>{change.added.join(', ')}</ins>.{' '}
            </>
          )}
          {change.removed.length > 0 && (
            <>
              Removed: <del>{change.removed.join(', ')}</del>.
            </>
          )}
        </p>
      )
    case 'image':
      return (
        <div className="diff-images">
          <Thumbnail
            label="Before"
            src={change.before === null ? null : (thumbnails[change.before] ?? null)}
            empty={change.before === null}
          />
          <Thumbnail label="After" src={change.after === null ? null : (thumbnails[change.after] ?? null)} empty={change.after === null} />
        </div>
      )
    case 'item':
      return (
        <div className="diff-item">
          {change.image && (
            <Thumbnail
              label={change.change === 'removed' ? 'Removed image' : 'Image'}
              src={(change.image.mediaId !== null ? thumbnails[change.image.mediaId] : undefined) ?? change.image.src}
              empty={false}
            />
          )}
          {change.type !== 'figure' && <p className="small">{change.key}</p>}
          <dl>
            {change.attributes.map((attribute) => (
              <div key={attribute.name}>
                <dt>{attribute.name}</dt>
                <dd>
                  <BeforeAfter before={attribute.before} after={attribute.after} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )
    case 'formatting':
      return <p>The body’s formatting changed (bold, italics, lists, headings or paragraph breaks); its words did not.</p>
  }
}

function BeforeAfter({ before, after }: { before: string; after: string }) {
  return (
    <span>
      {before ? <del>{before}</del> : <em>empty</em>} → {after ? <ins>{after}</ins> : <em>empty</em>}
    </span>
  )
}

function Thumbnail({ label, src, empty }: { label: string; src: string | null; empty: boolean }) {
  return (
    <figure className="diff-thumb">
      {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail from the media storage, already sized */}
      {src ? <img src={src} alt={label} width={160} loading="lazy" /> : <span>{empty ? 'None' : 'Not available'}</span>}
      <figcaption>{label}</figcaption>
    </figure>
  )
}

export function DiffRuns({ runs }: { runs: DiffPart[] }) {
  return (
    <p>
      {runs.map((run, index) =>
        run.kind === 'inserted' ? (
          <ins key={index}>{run.text}</ins>
        ) : run.kind === 'deleted' ? (
          <del key={index}>{run.text}</del>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </p>
  )
}
