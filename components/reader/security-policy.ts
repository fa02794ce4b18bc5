import 'server-only'
import { readerContentSecurityPolicy, securityHeaders } from '@/lib/security-headers'
import { readerStylesheet } from './shell'
import { shareScript } from './story-page'

// Hashed from the very strings the pages print, so a change to either cannot leave the policy behind.
let policy: string | undefined

/** The Content-Security-Policy of every reader's document (the desk's preview included). */
export function readerPolicy(): string {
  policy ??= readerContentSecurityPolicy({ scripts: [shareScript], styles: [readerStylesheet()] })
  return policy
}

/** Every security header of a reader's response: its policy and those all responses carry. */
export function readerSecurityHeaders(): Record<string, string> {
  return { 'content-security-policy': readerPolicy(), ...securityHeaders() }
}
