import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { embedProviders } from './embeds'
import { deskContentSecurityPolicy, readerContentSecurityPolicy, securityHeaders, sha256Source } from './security-headers'

/** A policy's directives by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((directive) => [directive.split(' ')[0] ?? '', directive.split(' ').slice(1)]))
}

describe('the desk’s policy', () => {
  it('trusts only scripts with this request’s nonce and what they load, and refuses plugins, <base>, framing and eval', () => {
    const policy = directives(deskContentSecurityPolicy('bm9uY2Utb25l', false))
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2Utb25l'", "'strict-dynamic'"])
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-bm9uY2Utb25l'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('frame-src')).toEqual(["'none'"])
  })

  it('lets `next dev` eval and inject its styles, and only there', () => {
    const policy = directives(deskContentSecurityPolicy('bm9uY2Utb25l', true))
    expect(policy.get('script-src')).toContain("'unsafe-eval'")
    expect(policy.get('style-src')).toContain("'unsafe-inline'")
    expect(deskContentSecurityPolicy('bm9uY2Utb25l', false)).not.toMatch(/unsafe-eval|style-src [^;]*unsafe-inline/)
  })
})

describe('a reader’s page’s policy', () => {
  it('allows exactly the inline script and stylesheet it was given, by their SHA-256 as browsers compute it', () => {
    const policy = directives(readerContentSecurityPolicy({ scripts: ['print()'], styles: ['body{margin:0}'] }))
    const hash = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`
    expect(policy.get('script-src')).toEqual([hash('print()')])
    expect(policy.get('style-src')).toEqual([hash('body{margin:0}')])
    expect(policy.get('default-src')).toEqual(["'none'"])
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
  })

  it('frames only the embed services a story may use', () => {
    const policy = directives(readerContentSecurityPolicy({ scripts: [], styles: [] }))
    expect(policy.get('frame-src')).toEqual(Object.values(embedProviders).map((provider) => provider.frameOrigin))
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
  })
})

describe('the headers of every response', () => {
  it('say nosniff, a strict referrer policy and switch off unused features', () => {
    const headers = securityHeaders('http://localhost:3000')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics'])
      expect(headers['permissions-policy']).toContain(`${feature}=()`)
  })

  it('ask for HTTPS only (HSTS) when the site is served over HTTPS', () => {
    expect(securityHeaders('https://news.example')['strict-transport-security']).toBe('max-age=31536000')
    expect(securityHeaders('http://localhost:3000')['strict-transport-security']).toBeUndefined()
    expect(securityHeaders('')['strict-transport-security']).toBeUndefined()
  })
})
