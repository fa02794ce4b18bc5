import { z } from 'zod'
import { textField } from './clean-text'
import { isAllowedImageSrc } from './story-schema/urls'

// The publication as readers meet it: its name, public address, publisher, description, language,
// logo and policy pages. Saved as one setting (`publication`, lib/settings.ts) by an admin on
// /desk/admin/settings; until then, and for anything the environment sets, the server's
// environment gives the defaults. No database here: lib/settings.ts and lib/site.ts share it.

/** The largest logo file the desk takes: it is shown on every reader's page. */
export const maxLogoBytes = 1024 * 1024

/** Why a file of `byteSize` bytes cannot be the logo. */
export function logoTooLargeMessage(byteSize: number): string {
  return `The logo must be 1 MB or smaller, and this image is ${(byteSize / (1024 * 1024)).toFixed(1)} MB. Upload a smaller file.`
}

/** The logo as stored: the library image and the file of it that pages show. */
export const publicationLogoSchema = z.object({
  mediaId: z.number().int().positive(),
  key: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
export type PublicationLogo = z.infer<typeof publicationLogoSchema>

const urlMessage = 'Give the public address as a full http:// or https:// address, such as https://news.example.com.'
const publicUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^/\s]+/i.test(value) && URL.canParse(value), urlMessage)
  .transform((value) => value.replace(/\/+$/, ''))

const languageMessage = 'Give the language as a code such as en, fr or pt-BR.'
const language = z
  .string()
  .trim()
  .refine((value) => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value) && canonicalLanguage(value) !== null, languageMessage)
  .transform((value) => canonicalLanguage(value) ?? value)

function canonicalLanguage(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null
  } catch {
    return null
  }
}

/** A policy page's link: empty for none, a site path (`/ethics`) or an http(s) address. */
function policyLink(label: string) {
  return z
    .string()
    .trim()
    .max(500, `Keep the ${label} link to 500 characters.`)
    .refine(
      (value) => value === '' || isAllowedImageSrc(value),
      `Give the ${label} as a path on this site (such as /ethics) or an http(s) address.`,
    )
}

const publicationFields = {
  name: textField({ max: 100, tooLong: 'Keep the publication’s name to 100 characters.', required: 'Give the publication a name.' }),
  url: publicUrl,
  publisher: textField({ max: 100, tooLong: 'Keep the publisher’s name to 100 characters.', required: 'Name the publisher.' }),
  description: textField({ max: 300, tooLong: 'Keep the description to 300 characters.' }),
  language,
  correctionsPolicy: policyLink('corrections policy'),
  ethicsPolicy: policyLink('ethics policy'),
  masthead: policyLink('masthead'),
}

/** The publication as saved: every field, the logo resolved to the file pages show. */
export const publicationSchema = z.object({ ...publicationFields, logo: publicationLogoSchema.nullable() })
export type Publication = z.infer<typeof publicationSchema>

/** The desk's form: the same fields, the logo as a library image's id ('' for none). */
export const publicationInputSchema = z.object({
  ...publicationFields,
  logoMediaId: z
    .string()
    .trim()
    .regex(/^(|[1-9][0-9]{0,9})$/, 'Choose the logo from the media library, or no logo.')
    .transform((value) => (value === '' ? null : Number(value))),
})
export type PublicationInput = z.infer<typeof publicationInputSchema>

/** The publication before an admin saves it: the server's environment, with the demo's defaults. */
export function publicationDefaults(env: NodeJS.ProcessEnv = process.env): Publication {
  return {
    name: env.SITE_NAME?.trim() || 'Copydesk',
    url: (env.SITE_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, ''),
    publisher: env.SITE_PUBLISHER?.trim() || 'Copydesk Media',
    description: env.SITE_DESCRIPTION?.trim() || 'News from the Copydesk newsroom.',
    language: env.SITE_LANGUAGE?.trim() || 'en',
    correctionsPolicy: '',
    ethicsPolicy: '',
    masthead: '',
    logo: null,
  }
}
