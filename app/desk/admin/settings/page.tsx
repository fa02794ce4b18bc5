import type { Metadata } from 'next'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { TimeZoneSelect } from '@/components/ui/time-zone-select'
import { getDb } from '@/db'
import { requireCapability } from '@/lib/session'
import { readSetting, trashRetentionDays } from '@/lib/settings'
import { saveTimeZoneAction, saveTrashRetentionAction } from './actions'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  await requireCapability('site.manage')
  const db = getDb()
  const [timeZone, retentionDays] = await Promise.all([readSetting(db, 'timeZone'), trashRetentionDays(db)])
  return (
    <main className="page">
      <h1>Newsroom settings</h1>
      <section className="panel" aria-labelledby="clock-heading">
        <h2 id="clock-heading">The newsroom’s clock</h2>
        <ActionForm action={saveTimeZoneAction} submitLabel="Save time zone">
          <p>
            Every time in the desk is shown in this zone, with its name, and every time typed into the desk is read in it. A person can
            choose a zone of their own on their account page.
          </p>
          <Field id="time-zone" label="Time zone">
            {(control) => <TimeZoneSelect control={control} name="timeZone" value={timeZone} />}
          </Field>
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="trash-heading">
        <h2 id="trash-heading">The trash</h2>
        <ActionForm action={saveTrashRetentionAction} submitLabel="Save how long the trash keeps stories">
          <p>A story put in the trash can be restored, with its revisions and notes, for this many days; then it is deleted for good.</p>
          <Field id="trash-retention" label="Days in the trash" hint="From 1 to 365.">
            {(control) => (
              <input
                {...control}
                name="trashRetentionDays"
                type="number"
                inputMode="numeric"
                defaultValue={retentionDays}
                min={1}
                max={365}
              />
            )}
          </Field>
        </ActionForm>
      </section>
    </main>
  )
}
