import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The end-to-end tests build into their own folder so a running server's build is untouched.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  experimental: {
    // The proxy buffers request bodies it passes on; image uploads may be up to 25 MB.
    proxyClientMaxBodySize: '26mb',
  },
}

export default nextConfig
