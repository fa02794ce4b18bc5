/**
 * What every node that marks a suggestion among the words is (a suggested break, a suggested
 * block change): an inline atom, never selected alone, with no marks and no text of its own.
 * Pasted HTML never makes one: only the desk's suggestion mode does.
 */
export const suggestionMarker = {
  group: 'inline',
  inline: true,
  atom: true,
  selectable: false,
  marks: '',
  parseHTML: () => [],
  renderText: () => '',
}

/** An attribute kept in the document and the shared document (who, when), never written as HTML. */
export const plainAttribute = { default: null, renderHTML: () => ({}) }
