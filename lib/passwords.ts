import { hash, verify } from '@node-rs/argon2'

/** Longest password accepted: longer input is refused before any hashing work. */
export const maxPasswordLength = 1024
export const minPasswordLength = 10

export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// Verified against when the e-mail is unknown, so that a miss takes as long as a wrong password.
const decoyHash = hash('copydesk-decoy-password')

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? (await decoyHash), password)
  } catch {
    return false
  }
}

/** A readable random password for a reset or a new account, shown once to the admin. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length])
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-')
}
