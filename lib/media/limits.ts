// No imports: the browser's upload clients and the server check the same limits with the same words.

/** The largest file the library takes; refused before anything else is done with the bytes. */
export const maxUploadBytes = 25 * 1024 * 1024

export const tooLargeFileMessage = 'This file is larger than 25 MB.'
export const emptyFileMessage = 'This file is empty.'

/** The upload-size problem of a file `byteSize` bytes long, or null: cheap, so it runs before sending, hashing or decoding. */
export function uploadSizeProblem(byteSize: number): string | null {
  if (byteSize === 0) return emptyFileMessage
  if (byteSize > maxUploadBytes) return tooLargeFileMessage
  return null
}
