// Stands in for the `server-only` package under Vitest: the real one throws outside a React
// Server Components bundle, and tests import server modules directly.
export {}
