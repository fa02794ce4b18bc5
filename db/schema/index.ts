// The database schema, one file per part of the newsroom. `@/db/schema` is this file.
export * from './people'
export * from './stories'
export * from './media'
export * from './desk'
export * from './edge'
export * from './security'
export * from './site'
export * from './notifications'
