/**
 * The outside services a story may point at with an embed block, and how their addresses are read.
 * Readers' pages frame them (see `embedFrameSpec` in lib/story-schema/nodes/embed.ts) at an
 * address built here from the parts we recognise, never the address the writer pasted; the editor
 * shows them as cards, so nothing from another site loads while a story is written.
 */

type ProviderInfo = {
  name: string
  /** The words of the link to the provider's own page. */
  action: string
  /** What the frame shows, for its `title` (a screen reader announces it). */
  frameTitle: string
  /** The frame's features (`allow`); a player gets full screen and picture in picture. */
  allow: string
  /** The frame's width and height in pixels, for its aspect ratio when the stylesheet has not loaded. */
  frameSize: readonly [number, number]
  /** The one origin its frames load from: every `embedUrl` starts with it, and readers' pages allow only these in `frame-src`. */
  frameOrigin: string
}

const video = 'fullscreen; picture-in-picture'

export const embedProviders = {
  youtube: {
    name: 'YouTube',
    action: 'Watch on YouTube',
    frameTitle: 'YouTube video',
    allow: `${video}; encrypted-media`,
    frameSize: [640, 360],
    frameOrigin: 'https://www.youtube-nocookie.com',
  },
  vimeo: {
    name: 'Vimeo',
    action: 'Watch on Vimeo',
    frameTitle: 'Vimeo video',
    allow: video,
    frameSize: [640, 360],
    frameOrigin: 'https://player.vimeo.com',
  },
  openstreetmap: {
    name: 'OpenStreetMap',
    action: 'View map on OpenStreetMap',
    frameTitle: 'OpenStreetMap map',
    allow: '',
    frameSize: [640, 480],
    frameOrigin: 'https://www.openstreetmap.org',
  },
  datawrapper: {
    name: 'Datawrapper',
    action: 'View chart on Datawrapper',
    frameTitle: 'Datawrapper chart',
    allow: '',
    frameSize: [640, 480],
    frameOrigin: 'https://datawrapper.dwcdn.net',
  },
} as const satisfies Record<string, ProviderInfo>

export type EmbedProvider = keyof typeof embedProviders

/** Every origin a reader's page may frame (its Content-Security-Policy's `frame-src`). */
export const embedFrameOrigins: readonly string[] = Object.values(embedProviders).map((provider) => provider.frameOrigin)

export type IdentifiedEmbed = {
  provider: EmbedProvider
  /** An address safe to put in an iframe: built from the recognised parts only. */
  embedUrl: string
  /** The provider's own page for the item, for the card's link. */
  pageUrl: string
}

const youtubeId = /^[A-Za-z0-9_-]{11}$/
const vimeoId = /^\d{1,12}$/
const vimeoHash = /^[0-9a-f]{6,20}$/i
const datawrapperId = /^[A-Za-z0-9]{5}$/

type Reader = (url: URL) => IdentifiedEmbed | null

/** Hosts are matched exactly: `youtube.com.evil.example` and `notyoutube.com` are not YouTube. */
const readers: Record<string, Reader> = {
  'youtube.com': readYoutube,
  'www.youtube.com': readYoutube,
  'm.youtube.com': readYoutube,
  'youtu.be': readYoutube,
  'youtube-nocookie.com': readYoutube,
  'www.youtube-nocookie.com': readYoutube,
  'vimeo.com': readVimeo,
  'www.vimeo.com': readVimeo,
  'player.vimeo.com': readVimeo,
  'openstreetmap.org': readOpenStreetMap,
  'www.openstreetmap.org': readOpenStreetMap,
  'datawrapper.dwcdn.net': readDatawrapper,
  'www.datawrapper.de': readDatawrapper,
  'datawrapper.de': readDatawrapper,
}

/**
 * The provider of an embed address and a safe embed URL for it, or null when the address is not
 * an `https:` address of a service we allow, carries a user name or password, names a port, or
 * does not point at a video, map or chart we can recognise.
 */
export function identifyEmbed(address: string): IdentifiedEmbed | null {
  if (typeof address !== 'string' || /[\u0000-\u0020\u007f]/.test(address.trim())) return null
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null
  const read = Object.hasOwn(readers, url.hostname) ? readers[url.hostname] : undefined
  return read ? read(url) : null
}

function pathParts(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean)
}

/** `t=90`, `t=1m30s` or `start=90` as whole seconds, or 0. */
function youtubeStart(url: URL): number {
  const raw = url.searchParams.get('start') ?? url.searchParams.get('t') ?? ''
  const plain = /^(\d{1,6})s?$/.exec(raw)
  if (plain) return Number(plain[1])
  const parts = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(raw)
  if (!parts || raw === '') return 0
  return Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0)
}

function readYoutube(url: URL): IdentifiedEmbed | null {
  const parts = pathParts(url)
  let id: string | null | undefined
  if (url.hostname === 'youtu.be') id = parts.length === 1 ? parts[0] : null
  else if (parts.length === 1 && parts[0] === 'watch') id = url.searchParams.get('v')
  else if (parts.length === 2 && ['embed', 'shorts', 'live', 'v'].includes(parts[0] ?? '')) id = parts[1]
  if (!id || !youtubeId.test(id)) return null
  const start = youtubeStart(url)
  return {
    provider: 'youtube',
    embedUrl: `${embedProviders.youtube.frameOrigin}/embed/${id}${start > 0 ? `?start=${start}` : ''}`,
    pageUrl: `https://www.youtube.com/watch?v=${id}${start > 0 ? `&t=${start}s` : ''}`,
  }
}

function readVimeo(url: URL): IdentifiedEmbed | null {
  const parts = pathParts(url)
  let id: string | undefined
  let hash: string | null | undefined
  if (url.hostname === 'player.vimeo.com') {
    if (parts.length !== 2 || parts[0] !== 'video') return null
    id = parts[1]
    hash = url.searchParams.get('h')
  } else {
    // vimeo.com/123 and, for an unlisted video, vimeo.com/123/abcdef
    if (parts.length < 1 || parts.length > 2) return null
    id = parts[0]
    hash = parts[1]
  }
  if (!id || !vimeoId.test(id)) return null
  if (hash != null && !vimeoHash.test(hash)) return null
  return {
    provider: 'vimeo',
    embedUrl: `${embedProviders.vimeo.frameOrigin}/video/${id}${hash ? `?h=${hash}` : ''}`,
    pageUrl: `https://vimeo.com/${id}${hash ? `/${hash}` : ''}`,
  }
}

function finite(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d{1,3}(?:\.\d{1,10})?$/.test(value)) return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

function round(value: number): string {
  return String(Math.round(value * 1e5) / 1e5)
}

type Box = { west: number; south: number; east: number; north: number }

function isBox(box: Box): boolean {
  return box.west >= -180 && box.east <= 180 && box.south >= -90 && box.north <= 90 && box.west < box.east && box.south < box.north
}

function osmResult(box: Box, marker: { lat: number; lon: number } | null, viewZoom?: number): IdentifiedEmbed {
  const bbox = [box.west, box.south, box.east, box.north].map(round).join(',')
  const embed = new URLSearchParams({ bbox, layer: 'mapnik' })
  if (marker) embed.set('marker', `${round(marker.lat)},${round(marker.lon)}`)
  const centre = marker ?? { lat: (box.south + box.north) / 2, lon: (box.west + box.east) / 2 }
  const zoom = viewZoom ?? clamp(Math.round(Math.log2(360 / (box.east - box.west))), 1, 19)
  const page = marker ? `?mlat=${round(marker.lat)}&mlon=${round(marker.lon)}` : ''
  return {
    provider: 'openstreetmap',
    embedUrl: `${embedProviders.openstreetmap.frameOrigin}/export/embed.html?${embed.toString()}`,
    pageUrl: `https://www.openstreetmap.org/${page}#map=${zoom}/${round(centre.lat)}/${round(centre.lon)}`,
  }
}

/**
 * OpenStreetMap addresses: a shared view (`/#map=15/51.5/-0.1`, optionally with `?mlat=…&mlon=…`
 * for a marker) or an embed (`/export/embed.html?bbox=w,s,e,n&marker=lat,lon`).
 */
function readOpenStreetMap(url: URL): IdentifiedEmbed | null {
  const parts = pathParts(url)
  const lat = finite(url.searchParams.get('mlat') ?? undefined)
  const lon = finite(url.searchParams.get('mlon') ?? undefined)
  let marker = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null

  if (parts.join('/') === 'export/embed.html') {
    const [west, south, east, north] = (url.searchParams.get('bbox') ?? '').split(',').map((part) => finite(part))
    if (west == null || south == null || east == null || north == null) return null
    const box = { west, south, east, north }
    if (!isBox(box)) return null
    const [markerLat, markerLon] = (url.searchParams.get('marker') ?? '').split(',').map((part) => finite(part))
    if (markerLat != null && markerLon != null && Math.abs(markerLat) <= 90 && Math.abs(markerLon) <= 180) {
      marker = { lat: markerLat, lon: markerLon }
    }
    return osmResult(box, marker)
  }

  if (parts.length > 0) return null
  const view = /^#map=(\d{1,2})\/(-?[\d.]+)\/(-?[\d.]+)(?:&.*)?$/.exec(url.hash)
  const zoom = view ? clamp(Number(view[1]), 1, 19) : null
  const centreLat = finite(view?.[2])
  const centreLon = finite(view?.[3])
  const centre = centreLat !== null && centreLon !== null ? { lat: centreLat, lon: centreLon } : marker
  if (!centre || Math.abs(centre.lat) > 85 || Math.abs(centre.lon) > 180) return null
  // The span a browser window shows at that zoom, roughly: 360° across at zoom 0, halving each step.
  const width = 360 / 2 ** (zoom ?? 15)
  const height = width * Math.cos((centre.lat * Math.PI) / 180) * 0.6
  const box = {
    west: clamp(centre.lon - width / 2, -180, 180),
    east: clamp(centre.lon + width / 2, -180, 180),
    south: clamp(centre.lat - height / 2, -90, 90),
    north: clamp(centre.lat + height / 2, -90, 90),
  }
  return isBox(box) ? osmResult(box, marker, zoom ?? undefined) : null
}

/** Datawrapper charts: `datawrapper.dwcdn.net/AbC12/3/` or the share link `www.datawrapper.de/_/AbC12/`. */
function readDatawrapper(url: URL): IdentifiedEmbed | null {
  const parts = pathParts(url)
  let id: string | undefined
  let version: string | undefined
  if (url.hostname === 'datawrapper.dwcdn.net') {
    if (parts.length < 1 || parts.length > 2) return null
    id = parts[0]
    version = parts[1]
  } else {
    if (parts.length !== 2 || parts[0] !== '_') return null
    id = parts[1]
  }
  if (!id || !datawrapperId.test(id)) return null
  if (version !== undefined && !/^\d{1,4}$/.test(version)) return null
  const embedUrl = `${embedProviders.datawrapper.frameOrigin}/${id}/${version ? `${version}/` : ''}`
  return { provider: 'datawrapper', embedUrl, pageUrl: embedUrl }
}
