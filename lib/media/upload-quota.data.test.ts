import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { uploadLog } from '@/db/schema'
import { openTestNewsroom } from '@/test/newsroom'
import { claimUpload, checkUploadQuota } from './upload-quota'

const { db, newsroom } = await openTestNewsroom()
const megabyte = 1024 * 1024
const at = (iso: string) => new Date(iso)
const logged = async (userId: number) => db.select().from(uploadLog).where(eq(uploadLog.userId, userId))

describe('per-person upload limits', () => {
  it('refuses the upload past the per-minute limit with the seconds until the oldest counted one leaves the minute', async () => {
    const person = newsroom.writer.id
    const limits = { perMinute: 3, bytesPerDay: 1000 * megabyte }
    for (const second of ['00', '10', '20']) {
      expect(await claimUpload(db, person, megabyte, limits, at(`2026-03-01T09:00:${second}Z`))).toEqual({ ok: true })
    }
    const refused = await claimUpload(db, person, megabyte, limits, at('2026-03-01T09:00:45Z'))
    expect(refused).toEqual({
      ok: false,
      retryAfterSeconds: 15,
      message: 'You have uploaded 3 images in the last minute, the most Copydesk takes from one person. Try again in 15 seconds.',
    })
    expect(await checkUploadQuota(db, person, limits, at('2026-03-01T09:00:45Z'))).toMatchObject({ ok: false, retryAfterSeconds: 15 })
    // Not counted: three rows, and once the first leaves the window the next upload is taken.
    expect(await logged(person)).toHaveLength(3)
    expect(await claimUpload(db, person, megabyte, limits, at('2026-03-01T09:01:00.001Z'))).toEqual({ ok: true })
  })

  it('refuses bytes past the daily allowance until enough of the day’s uploads leave the 24 hours', async () => {
    const person = newsroom.editor.id
    const limits = { perMinute: 100, bytesPerDay: 100 * megabyte }
    expect(await claimUpload(db, person, 40 * megabyte, limits, at('2026-03-01T08:00:00Z'))).toEqual({ ok: true })
    expect(await claimUpload(db, person, 40 * megabyte, limits, at('2026-03-01T12:00:00Z'))).toEqual({ ok: true })
    // 80 MB used: 20 MB more fits, 25 MB does not until the 08:00 upload is a day old.
    const refused = await claimUpload(db, person, 25 * megabyte, limits, at('2026-03-01T20:00:00Z'))
    expect(refused).toEqual({
      ok: false,
      retryAfterSeconds: 12 * 3600,
      message: 'You have uploaded 80 MB in the last 24 hours; the most is 100 MB a day. Try again in 12 hours.',
    })
    expect(await claimUpload(db, person, 20 * megabyte, limits, at('2026-03-01T20:00:00Z'))).toEqual({ ok: true })
    expect(await claimUpload(db, person, 25 * megabyte, limits, at('2026-03-02T08:00:01Z'))).toEqual({ ok: true })
    // The day-old row was dropped as the last one was counted.
    expect((await logged(person)).map((row) => row.byteSize / megabyte).sort()).toEqual([20, 25, 40])
  })

  it('counts uploads sent at once exactly: never more accepted than the limit', async () => {
    const person = newsroom.admin.id
    const limits = { perMinute: 4, bytesPerDay: 1000 * megabyte }
    const now = at('2026-03-01T10:00:00Z')
    const answers = await Promise.all(Array.from({ length: 12 }, () => claimUpload(db, person, megabyte, limits, now)))
    expect(answers.filter((answer) => answer.ok)).toHaveLength(4)
    expect(answers.filter((answer) => !answer.ok)).toHaveLength(8)
    expect(await logged(person)).toHaveLength(4)
  })

  it('counts each person on their own', async () => {
    const limits = { perMinute: 1, bytesPerDay: 1000 * megabyte }
    const now = at('2026-03-02T10:00:00Z')
    expect(await claimUpload(db, newsroom.writer2.id, megabyte, limits, now)).toEqual({ ok: true })
    expect(await checkUploadQuota(db, newsroom.writer2.id, limits, now)).toMatchObject({ ok: false })
    expect(await checkUploadQuota(db, newsroom.editor.id, limits, now)).toEqual({ ok: true })
  })
})
