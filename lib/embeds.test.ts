import { describe, expect, it } from 'vitest'
import { embedFrameOrigins, identifyEmbed } from './embeds'

describe('identifyEmbed', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL1',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s',
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ?t=42',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    ],
    [
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
  ])('reads the YouTube address %s', (address, embedUrl, pageUrl) => {
    expect(identifyEmbed(address)).toEqual({ provider: 'youtube', embedUrl, pageUrl })
  })

  it.each([
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871', 'https://vimeo.com/76979871'],
    [
      'https://vimeo.com/76979871/a1b2c3d4e5',
      'https://player.vimeo.com/video/76979871?h=a1b2c3d4e5',
      'https://vimeo.com/76979871/a1b2c3d4e5',
    ],
    [
      'https://player.vimeo.com/video/76979871?h=a1b2c3d4e5&autoplay=1',
      'https://player.vimeo.com/video/76979871?h=a1b2c3d4e5',
      'https://vimeo.com/76979871/a1b2c3d4e5',
    ],
  ])('reads the Vimeo address %s', (address, embedUrl, pageUrl) => {
    expect(identifyEmbed(address)).toEqual({ provider: 'vimeo', embedUrl, pageUrl })
  })

  it('reads an OpenStreetMap view and builds a bounding box around it', () => {
    const result = identifyEmbed('https://www.openstreetmap.org/?mlat=51.5074&mlon=-0.1278#map=15/51.5074/-0.1278')
    expect(result?.provider).toBe('openstreetmap')
    const embed = new URL(result?.embedUrl ?? '')
    expect(embed.origin + embed.pathname).toBe('https://www.openstreetmap.org/export/embed.html')
    const [west, south, east, north] = (embed.searchParams.get('bbox') ?? '').split(',').map(Number)
    expect(west).toBeLessThan(-0.1278)
    expect(east).toBeGreaterThan(-0.1278)
    expect(south).toBeLessThan(51.5074)
    expect(north).toBeGreaterThan(51.5074)
    expect(embed.searchParams.get('marker')).toBe('51.5074,-0.1278')
    expect(embed.searchParams.get('layer')).toBe('mapnik')
  })

  it('reads an OpenStreetMap embed address, keeping only the box and the marker', () => {
    const result = identifyEmbed(
      'https://www.openstreetmap.org/export/embed.html?bbox=-0.2,51.4,0.0,51.6&layer=mapnik&marker=51.5,-0.1&onload=alert(1)',
    )
    expect(result?.embedUrl).toBe(
      'https://www.openstreetmap.org/export/embed.html?bbox=-0.2%2C51.4%2C0%2C51.6&layer=mapnik&marker=51.5%2C-0.1',
    )
  })

  it('refuses an OpenStreetMap address that shows no place', () => {
    expect(identifyEmbed('https://www.openstreetmap.org/about')).toBeNull()
    expect(identifyEmbed('https://www.openstreetmap.org/export/embed.html?bbox=1,2,3')).toBeNull()
    expect(identifyEmbed('https://www.openstreetmap.org/#map=15/95/0')).toBeNull()
  })

  it.each([
    ['https://datawrapper.dwcdn.net/AbC12/3/', 'https://datawrapper.dwcdn.net/AbC12/3/'],
    ['https://datawrapper.dwcdn.net/AbC12/', 'https://datawrapper.dwcdn.net/AbC12/'],
    ['https://www.datawrapper.de/_/AbC12/', 'https://datawrapper.dwcdn.net/AbC12/'],
  ])('reads the Datawrapper address %s', (address, embedUrl) => {
    expect(identifyEmbed(address)).toEqual({ provider: 'datawrapper', embedUrl, pageUrl: embedUrl })
  })

  it.each([
    ['plain http', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a look-alike host', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['a host that merely ends like one', 'https://notyoutube.com/watch?v=dQw4w9WgXcQ'],
    ['a user name before the host', 'https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ'],
    ['a user name and password', 'https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a backslash trick', 'https://evil.example\\@www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a port', 'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ'],
    ['a javascript: address', 'javascript:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a data: address', 'data:text/html,<script>alert(1)</script>'],
    ['a protocol-relative address', '//www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a video id with markup in it', 'https://www.youtube.com/watch?v=%22%3E%3Cscript%3E'],
    ['a YouTube page that is not a video', 'https://www.youtube.com/feed/trending'],
    ['a Vimeo page that is not a video', 'https://vimeo.com/channels/staffpicks'],
    ['a Datawrapper id of the wrong shape', 'https://datawrapper.dwcdn.net/../evil/'],
    ['an address with a tab in it', 'https://www.you\ttube.com/watch?v=dQw4w9WgXcQ'],
    ['an unknown service', 'https://example.org/video/1'],
    ['not an address', 'watch this'],
  ])('refuses %s', (_, address) => {
    expect(identifyEmbed(address)).toBeNull()
  })
})

describe('embed frames', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://vimeo.com/76979871/abcdef12',
    'https://www.openstreetmap.org/#map=12/31.20/29.90',
    'https://www.datawrapper.de/_/AbC12/',
  ])('load from an origin readers’ pages allow in frame-src: %s', (address) => {
    const embed = identifyEmbed(address)
    expect(embed).not.toBeNull()
    expect(embedFrameOrigins).toContain(new URL(embed?.embedUrl ?? '').origin)
  })
})
