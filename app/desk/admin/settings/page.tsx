import type { Metadata } from 'next'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { TimeZoneSelect } from '@/components/ui/time-zone-select'
import { getDb } from '@/db'
import { listMediaOptions, searchMediaOptions } from '@/lib/media/options'
import { requireCapability } from '@/lib/session'
import { checkIds, checks } from '@/lib/prepublish-checks'
import { readCheckSeverities, readPublication, readSetting, readSuggestionDefault, trashRetentionDays } from '@/lib/settings'
import { suggestionDefaultLabels, suggestionDefaults } from '@/lib/suggestion-mode'
import { saveCheckSeveritiesAction, saveSuggestionDefaultAction, saveTimeZoneAction, saveTrashRetentionAction } from './actions'
import { PublicationPanel } from './publication-panel'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const viewer = await requireCapability('site.manage')
  const db = getDb()
  const [timeZone, retentionDays, severities, publication, newestImages, suggestionDefault] = await Promise.all([
    readSetting(db, 'timeZone'),
    trashRetentionDays(db),
    readCheckSeverities(db),
    readPublication(db),
    listMediaOptions(db, viewer),
    readSuggestionDefault(db),
  ])
  const logoId = publication.logo?.mediaId
  const olderLogo =
    logoId === undefined || newestImages.some((image) => image.mediaId === logoId)
      ? []
      : await searchMediaOptions(db, viewer, { ids: [logoId] })
  return (
    <div className="page">
      <h1>Newsroom settings</h1>
      <PublicationPanel publication={publication} images={[...olderLogo, ...newestImages]} />
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
      <section className="panel" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">The pre-publish checklist</h2>
        <ActionForm action={saveCheckSeveritiesAction} submitLabel="Save checklist">
          <p>
            Before a story is approved, scheduled or published, the desk runs these checks. A check set to Block stops the story until it is
            fixed; one set to Warn lets an editor go ahead after confirming, and the confirmation is kept in the audit log.
          </p>
          {checkIds.map((id) => (
            <Field key={id} id={`check-${id}`} label={checks[id].label}>
              {(control) => (
                <select {...control} name={`check-${id}`} defaultValue={severities[id]}>
                  <option value="block">Block</option>
                  <option value="warn">Warn</option>
                </select>
              )}
            </Field>
          ))}
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading">Suggestion mode</h2>
        <ActionForm action={saveSuggestionDefaultAction} submitLabel="Save suggestion mode">
          <p>
            In suggestion mode, what a person types and deletes in a story’s body is shown as a suggestion that an editor accepts or
            rejects. Anyone can turn it on or off in the editor; this chooses who opens a story with it on.
          </p>
          <Field id="suggestion-default" label="Who edits in suggestion mode">
            {(control) => (
              <select {...control} name="suggestionDefault" defaultValue={suggestionDefault}>
                {suggestionDefaults.map((choice) => (
                  <option key={choice} value={choice}>
                    {suggestionDefaultLabels[choice]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </ActionForm>
      </section>
    </div>
  )
}
