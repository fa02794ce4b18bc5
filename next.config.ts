import type { NextConfig } from 'next'
import { securityHeaders } from './lib/security-headers'

const nextConfig: NextConfig = {
  // The end-to-end tests build into their own folder so a running server's build is untouched.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WebAssembly and data files from its own package folder at run time. The
  // sync server (lib/collab/) and Yjs are loaded once from node_modules, not bundled per route:
  // server.mjs and the routes must share one Yjs, and ws's optional native parts stay optional.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    '@hocuspocus/server',
    '@hocuspocus/extension-redis',
    'ws',
    'yjs',
    'y-prosemirror',
    'y-protocols',
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit, its first step) before it builds for
  // the end-to-end tests, and says so: that build need not check the same files again.
  typescript: { ignoreBuildErrors: process.env.COPYDESK_TYPES_CHECKED === '1' },
  // Built assets, media, the sign-in API and uploads (which skip the proxy). The desk and the sign-in page get their headers from
  // proxy.ts, reader's pages and the Content API (/api/v1, whose answers server.mjs may send from
  // memory) from their route handlers (per request, so SITE_URL is read at run time there; here it
  // is read when the app is built).
  async headers() {
    const headers = Object.entries(securityHeaders()).map(([key, value]) => ({ key, value }))
    return ['/_next/:path*', '/media/:path*', '/api/auth/:path*', '/desk/media/upload'].map((source) => ({ source, headers }))
  },
  // Nothing uses next/image: reader pages carry their own srcset of stored renditions. With the
  // optimizer off, /_next/image answers 404 and can never fetch a private image or any other
  // local path on a visitor's behalf.
  images: { unoptimized: true },
  experimental: {
    // Server actions take text only, and their own checks give the reason for a refusal (a note
    // is at most 10,000 characters). Above the 1 MB default, so that a megabyte pasted into a
    // note is refused with that reason rather than failing on the way in.
    serverActions: { bodySizeLimit: '2mb' },
    // Reader's pages are cached in memory only (an LRU of cacheMaxMemorySize): a restart, or a
    // database reseeded under the same build, never serves pages made from other data, and
    // requests for made-up addresses cannot fill the disk.
    isrFlushToDisk: false,
    // The build cache speeds up the next build on this machine; CI builds once, in a clean clone,
    // and writing the cache cost it 10 s for nothing.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
}

export default nextConfig
