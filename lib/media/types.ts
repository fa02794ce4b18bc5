// What the desk's pickers, the editor's figures and the upload route say about an image: no
// database here, so the browser's code may import it.

/** An image a story can use as its lead photo or insert as a figure. */
export type MediaOption = {
  mediaId: number
  /** A display address (about 1280 pixels wide). */
  src: string
  /** A small rendition (about 320 pixels wide) for pickers; absent for an image just uploaded (`src` stands in). */
  thumbSrc?: string
  alt: string
  caption: string
  credit: string
  width: number
  height: number
}

/** An option as the pickers' search gives it to one viewer, with whether they may change its details. */
export type MediaPickerOption = MediaOption & { thumbSrc: string; canEdit: boolean }
