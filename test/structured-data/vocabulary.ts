// The part of the schema.org vocabulary the reader's pages use (schema.org 29, https://schema.org),
// and the properties Google's rich results ask for
// (developers.google.com/search/docs/appearance/structured-data: article, breadcrumb,
// profile-page, site-names, organization). Written out here so that the check runs offline and
// says exactly what it holds; a type or property missing here is refused by the check, so adding
// one to the pages means adding it here from schema.org's own definition.

/** A value's kind: a schema.org data type, or a type whose node (or a subtype's) is expected. */
export type ValueKind = 'Text' | 'URL' | 'DateTime' | 'Integer' | TypeName

/** A schema.org type: its parent (for inherited properties and subtyping) and the properties it adds, with their value kinds. */
type TypeDefinition = { parent: TypeName | null; properties: Record<string, readonly ValueKind[]> }

export type TypeName =
  | 'Thing'
  | 'CreativeWork'
  | 'Article'
  | 'NewsArticle'
  | 'Comment'
  | 'CorrectionComment'
  | 'MediaObject'
  | 'ImageObject'
  | 'WebPage'
  | 'ProfilePage'
  | 'WebSite'
  | 'ItemList'
  | 'BreadcrumbList'
  | 'Intangible'
  | 'ListItem'
  | 'Organization'
  | 'NewsMediaOrganization'
  | 'Person'

export const vocabulary: Record<TypeName, TypeDefinition> = {
  Thing: {
    parent: null,
    properties: {
      name: ['Text'],
      description: ['Text'],
      url: ['URL'],
      image: ['URL', 'ImageObject'],
      sameAs: ['URL'],
      mainEntityOfPage: ['URL', 'CreativeWork'],
    },
  },
  CreativeWork: {
    parent: 'Thing',
    properties: {
      headline: ['Text'],
      author: ['Person', 'Organization'],
      publisher: ['Organization', 'Person'],
      datePublished: ['DateTime'],
      dateModified: ['DateTime'],
      keywords: ['Text'],
      inLanguage: ['Text'],
      text: ['Text'],
      correction: ['CorrectionComment', 'Text', 'URL'],
      mainEntity: ['Thing'],
      creditText: ['Text'],
    },
  },
  Article: { parent: 'CreativeWork', properties: { articleSection: ['Text'] } },
  NewsArticle: { parent: 'Article', properties: { dateline: ['Text'] } },
  Comment: { parent: 'CreativeWork', properties: {} },
  CorrectionComment: { parent: 'Comment', properties: {} },
  // schema.org gives width and height as Distance or QuantitativeValue; Google reads a number of pixels.
  MediaObject: { parent: 'CreativeWork', properties: { contentUrl: ['URL'], width: ['Integer'], height: ['Integer'] } },
  ImageObject: { parent: 'MediaObject', properties: { caption: ['Text'] } },
  WebPage: { parent: 'CreativeWork', properties: { breadcrumb: ['BreadcrumbList'] } },
  ProfilePage: { parent: 'WebPage', properties: {} },
  WebSite: { parent: 'CreativeWork', properties: {} },
  Intangible: { parent: 'Thing', properties: {} },
  ItemList: { parent: 'Intangible', properties: { itemListElement: ['ListItem', 'Thing', 'Text'] } },
  BreadcrumbList: { parent: 'ItemList', properties: {} },
  ListItem: { parent: 'Intangible', properties: { item: ['URL', 'Thing'], position: ['Integer'] } },
  Organization: {
    parent: 'Thing',
    properties: {
      logo: ['URL', 'ImageObject'],
      publishingPrinciples: ['URL', 'CreativeWork'],
      ethicsPolicy: ['URL', 'CreativeWork'],
    },
  },
  NewsMediaOrganization: {
    parent: 'Organization',
    properties: { correctionsPolicy: ['URL', 'CreativeWork'], masthead: ['URL', 'CreativeWork'] },
  },
  Person: {
    parent: 'Thing',
    properties: {
      jobTitle: ['Text'],
      affiliation: ['Organization'],
      worksFor: ['Organization'],
      publishingPrinciples: ['URL', 'CreativeWork'],
    },
  },
}

/**
 * What Google asks of a node of a type (and its subtypes), by the rich result it feeds: the
 * required properties, and the recommended ones the reader's pages promise to give. `when` limits
 * a requirement to the nodes that pass it.
 */
export type Requirement = {
  type: TypeName
  required: readonly string[]
  recommended?: readonly string[]
  when?: (node: Node) => boolean
  why: string
}

export type Node = { '@type'?: unknown; [property: string]: unknown }

export const requirements: readonly Requirement[] = [
  {
    type: 'Article',
    required: [],
    recommended: ['author', 'dateModified', 'datePublished', 'headline', 'image'],
    why: 'Google’s Article rich result',
  },
  { type: 'Person', required: ['name'], why: 'Google’s Article rich result: author.name' },
  {
    type: 'Person',
    required: [],
    recommended: ['url'],
    // An outside contributor has no page of ours: the outlet they write for says who they are.
    when: (node) => node.affiliation === undefined,
    why: 'Google’s Article rich result: author.url, for staff with a page on the site',
  },
  { type: 'Organization', required: ['name'], why: 'an organization is named' },
  {
    type: 'NewsMediaOrganization',
    required: ['name', 'url'],
    recommended: ['logo'],
    why: 'Google’s Organization: the publisher, its site and logo',
  },
  {
    type: 'ImageObject',
    required: ['url'],
    recommended: ['width', 'height'],
    why: 'Google’s image guidelines: a crawlable address, and its size',
  },
  { type: 'BreadcrumbList', required: ['itemListElement'], why: 'Google’s Breadcrumb rich result' },
  { type: 'ListItem', required: ['name', 'position'], why: 'Google’s Breadcrumb rich result' },
  { type: 'ProfilePage', required: ['mainEntity'], why: 'Google’s Profile page rich result' },
  { type: 'WebSite', required: ['name', 'url'], why: 'Google’s site names' },
  { type: 'CorrectionComment', required: ['text', 'datePublished'], why: 'a correction says what was corrected, and when' },
]

/** Whether `type` is `ancestor` or one of its subtypes. */
export function isA(type: TypeName, ancestor: TypeName): boolean {
  for (let current: TypeName | null = type; current !== null; current = vocabulary[current].parent) {
    if (current === ancestor) return true
  }
  return false
}

export function isTypeName(value: unknown): value is TypeName {
  return typeof value === 'string' && Object.hasOwn(vocabulary, value)
}

/** The value kinds of a property of `type`, its own or inherited; undefined when schema.org gives the type no such property. */
export function propertyKinds(type: TypeName, property: string): readonly ValueKind[] | undefined {
  for (let current: TypeName | null = type; current !== null; current = vocabulary[current].parent) {
    const kinds = vocabulary[current].properties[property]
    if (kinds) return kinds
  }
  return undefined
}
