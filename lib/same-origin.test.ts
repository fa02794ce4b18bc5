import { describe, expect, it } from 'vitest'
import { bodyTypeProblem, foreignOriginProblem, ownOrigins, refuseForeignRequest } from './same-origin'

const site = { siteUrl: 'https://news.example', proxyHops: 0 }
const session = 'authjs.session-token=abc'

const headers = (values: Record<string, string>) => new Headers(values)
const refusedBy = (values: Record<string, string>, settings = site) =>
  foreignOriginProblem(headers(values), ownOrigins(headers(values), settings))

describe('ownOrigins', () => {
  it('is SITE_URL’s origin and the Host the request was addressed to, over HTTP without a proxy', () => {
    expect(ownOrigins(headers({ host: '127.0.0.1:3000' }), site)).toEqual(['https://news.example', 'http://127.0.0.1:3000'])
  })

  it('ignores forwarded headers unless proxies are trusted', () => {
    const forwarded = headers({ host: 'app:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })
    expect(ownOrigins(forwarded, site)).toEqual(['https://news.example', 'http://app:3000'])
  })

  it('takes the scheme and host the outermost trusted proxy forwarded', () => {
    const forwarded = headers({ host: 'app:3000', 'x-forwarded-host': 'client-said.example, desk.example', 'x-forwarded-proto': 'https' })
    expect(ownOrigins(forwarded, { ...site, proxyHops: 1 })).toEqual(['https://news.example', 'https://desk.example'])
  })

  it('drops the default port, as browsers do in Origin', () => {
    expect(ownOrigins(headers({ host: 'news.example:80' }), site)).toContain('http://news.example')
  })
})

describe('foreignOriginProblem', () => {
  it('lets through a request from the site’s own pages, by Origin or by Sec-Fetch-Site', () => {
    expect(refusedBy({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', cookie: session })).toBeNull()
    expect(refusedBy({ host: '127.0.0.1:3000', origin: 'https://news.example', 'sec-fetch-site': 'same-origin' })).toBeNull()
    expect(refusedBy({ host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', cookie: session })).toBeNull()
  })

  it('refuses another port, another subdomain, another scheme and another site', () => {
    for (const origin of ['http://127.0.0.1:4000', 'https://evil.news.example', 'http://news.example', 'https://evil.example']) {
      expect(refusedBy({ host: '127.0.0.1:3000', origin, cookie: session }), origin).toMatch(/not part of this site/)
    }
  })

  it('refuses Origin: null and an Origin that is no address', () => {
    expect(refusedBy({ host: '127.0.0.1:3000', origin: 'null' })).toMatch(/no address of its own/)
    expect(refusedBy({ host: '127.0.0.1:3000', origin: 'not a url' })).toMatch(/not part of this site/)
  })

  it('refuses a browser request marked same-site, cross-site or none, even with a matching Origin', () => {
    for (const fetchSite of ['same-site', 'cross-site', 'none']) {
      expect(refusedBy({ host: '127.0.0.1:3000', 'sec-fetch-site': fetchSite }), fetchSite).toMatch(/not part of this site/)
      expect(refusedBy({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': fetchSite })).not.toBeNull()
    }
  })

  it('refuses a request that says nowhere it came from when it carries a session cookie, in any of its forms', () => {
    for (const cookie of [session, 'a=1; __Host-authjs.session-token=x', '__Secure-authjs.session-token.0=x']) {
      expect(refusedBy({ host: '127.0.0.1:3000', cookie }), cookie).toMatch(/must send an Origin header/)
    }
  })

  it('lets a script without a session say nothing (it acts for nobody; signing in has its CSRF token)', () => {
    expect(refusedBy({ host: '127.0.0.1:3000', cookie: 'authjs.csrf-token=x' })).toBeNull()
    expect(refusedBy({ host: '127.0.0.1:3000' })).toBeNull()
  })

  it('accepts the forwarded origin only behind a trusted proxy', () => {
    const behindProxy = {
      host: 'app:3000',
      'x-forwarded-host': 'desk.example',
      'x-forwarded-proto': 'https',
      origin: 'https://desk.example',
    }
    expect(refusedBy(behindProxy, { ...site, proxyHops: 1 })).toBeNull()
    expect(refusedBy(behindProxy, site)).not.toBeNull()
  })
})

describe('bodyTypeProblem', () => {
  it('accepts the documented type, with its parameters and in any case', () => {
    expect(bodyTypeProblem(headers({ 'content-type': 'application/json' }), 'application/json')).toBeNull()
    expect(bodyTypeProblem(headers({ 'content-type': 'Application/JSON; charset=utf-8' }), 'application/json')).toBeNull()
    expect(bodyTypeProblem(headers({ 'content-type': 'multipart/form-data; boundary=x' }), 'multipart/form-data')).toBeNull()
    expect(bodyTypeProblem(headers({}), 'none')).toBeNull()
  })

  it('refuses text/plain, a form, no type at all, and a body where none is taken', () => {
    expect(bodyTypeProblem(headers({ 'content-type': 'text/plain;charset=UTF-8' }), 'application/json')).toMatch(/not text\/plain/)
    expect(bodyTypeProblem(headers({ 'content-type': 'application/x-www-form-urlencoded' }), 'multipart/form-data')).not.toBeNull()
    expect(bodyTypeProblem(headers({}), 'application/json')).toMatch(/without a type/)
    expect(bodyTypeProblem(headers({ 'content-type': 'text/plain' }), 'none')).toMatch(/takes no body/)
  })
})

describe('refuseForeignRequest', () => {
  const post = (values: Record<string, string>) =>
    new Request('http://127.0.0.1:3000/desk/articles/1/workflow', { method: 'POST', headers: values, body: '{}' })

  it('answers 403 to another origin before looking at the body, and 415 to an undocumented body type', async () => {
    const foreign = refuseForeignRequest(
      post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000', 'content-type': 'text/plain' }),
      'POST /desk/articles/[id]/workflow',
      site,
    )
    expect(foreign?.status).toBe(403)
    expect(await foreign?.json()).toMatchObject({ ok: false, reason: 'forbidden' })
    const plain = refuseForeignRequest(
      post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'text/plain' }),
      'POST /desk/articles/[id]/workflow',
      site,
    )
    expect(plain?.status).toBe(415)
    expect(await plain?.json()).toMatchObject({ ok: false, reason: 'unsupported-media-type' })
  })

  it('lets a same-origin request of the documented type through', () => {
    const same = post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' })
    expect(refuseForeignRequest(same, 'POST /desk/articles/[id]/workflow', site)).toBeNull()
  })
})
