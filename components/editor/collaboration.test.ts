import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { othersChangesOnly } from './collaboration'

describe('the awareness the caret plugin sees', () => {
  it("tells of the others' carets moving, not of one's own moving with each key", () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const seen: number[][] = []
    const listener = ({ added, updated }: { added: number[]; updated: number[] }) => seen.push([...added, ...updated])
    const view = othersChangesOnly(mine)
    view.on('change', listener)

    mine.setLocalStateField('cursor', { anchor: 1, head: 1 })
    mine.setLocalStateField('cursor', { anchor: 2, head: 2 })
    expect(seen).toEqual([])

    theirs.setLocalStateField('cursor', { anchor: 5, head: 5 })
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
    expect(seen).toEqual([[theirs.clientID]])
    expect(view.getStates().get(theirs.clientID)).toEqual({ cursor: { anchor: 5, head: 5 } })

    view.off('change', listener)
    theirs.setLocalStateField('cursor', { anchor: 6, head: 6 })
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
    expect(seen).toHaveLength(1)
    mine.destroy()
    theirs.destroy()
  })
})
