// Types for TypeScript callers (the end-to-end tests) of cluster.mjs, whose JSDoc is the source.

export interface ClusterOptions {
  instances?: number
  edgePort?: number
  basePort?: number
  distDir?: string
  env?: Record<string, string | undefined>
  runDir?: string
  log?: (line: string) => void
  s3?: boolean
}

export interface Startable {
  start(): Promise<void>
  stop(): Promise<void>
}

export interface Instance extends Startable {
  url: string
  port: number
}

export interface Cluster {
  edgeUrl: string
  instanceUrls: string[]
  instances: Instance[]
  edge: Startable
  runDir: string
  stop(): Promise<void>
}

export interface EdgeOptions {
  port: number
  upstreams: string[]
  runDir: string
  refreshFrom?: string[]
}

export function startCluster(options?: ClusterOptions): Promise<Cluster>
export function createEdge(options: EdgeOptions): Startable & { url: string; configFile: string }
export class ClusterSetupError extends Error {}
