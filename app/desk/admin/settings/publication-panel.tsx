import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import type { MediaOption } from '@/lib/media/types'
import type { Publication } from '@/lib/publication-schema'
import { savePublicationAction } from './actions'
import { LogoField } from './logo-field'

type PublicationPanelProps = { publication: Publication; images: readonly MediaOption[] }

const textFields = [
  { name: 'name', label: 'Publication name', hint: 'In the masthead, page titles, feeds and search engines.' },
  {
    name: 'url',
    label: 'Public address',
    hint: 'Where readers find the site, such as https://news.example.com: canonical links, feeds, sitemaps.',
  },
  { name: 'publisher', label: 'Publisher', hint: 'The organization that publishes it: the footer and search engines.' },
  { name: 'description', label: 'Description', hint: 'The front page’s description and the site feed’s. Up to 300 characters.' },
  {
    name: 'language',
    label: 'Language',
    hint: 'A code such as en, fr or pt-BR: every page’s language, the feeds’ and the news sitemap’s.',
  },
] as const

const policyFields = [
  { name: 'correctionsPolicy', label: 'Corrections policy', hint: 'Such as /corrections-policy, or a full address.' },
  {
    name: 'ethicsPolicy',
    label: 'Ethics policy',
    hint: 'Such as /ethics: given to search engines as the ethics policy and publishing principles.',
  },
  { name: 'masthead', label: 'Masthead', hint: 'The page naming who runs the newsroom, such as /about.' },
] as const

/** The publication readers meet: its name, address, publisher, logo, language and policy pages. */
export function PublicationPanel({ publication, images }: PublicationPanelProps) {
  return (
    <section className="panel" aria-labelledby="publication-heading">
      <h2 id="publication-heading">Publication</h2>
      <ActionForm action={savePublicationAction} submitLabel="Save publication">
        <p>
          What readers and search engines are told about the publication. Until this is saved, the server’s settings (SITE_NAME, SITE_URL…)
          apply; once saved, these win, and every reader’s page is refreshed.
        </p>
        {textFields.map((field) => (
          <Field key={field.name} id={`publication-${field.name}`} label={field.label} hint={field.hint}>
            {(control) => <input {...control} name={field.name} defaultValue={publication[field.name]} />}
          </Field>
        ))}
        <LogoField images={images} chosenId={publication.logo?.mediaId ?? null} />
        <fieldset>
          <legend>Policy pages</legend>
          <p className="small">
            Links given to search engines with the publisher. Site pages are written at Site pages; leave a field empty for none.
          </p>
          {policyFields.map((field) => (
            <Field key={field.name} id={`publication-${field.name}`} label={field.label} hint={field.hint}>
              {(control) => <input {...control} name={field.name} defaultValue={publication[field.name]} />}
            </Field>
          ))}
        </fieldset>
      </ActionForm>
    </section>
  )
}
