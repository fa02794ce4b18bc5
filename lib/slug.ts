// Letters that Unicode does not decompose into a base letter and an accent.
const transliterations: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ß: 'ss',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
}

/** A URL slug from any text: lower case ASCII letters, digits and single hyphens. */
export function slugify(text: string, maxLength = 80): string {
  return text
    .replace(/[øØæÆœŒßđĐłŁþÞ]/g, (letter) => transliterations[letter] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
}
