import { config } from 'zod'

// Zod compiles object schemas with `new Function` when it may, and finds out by trying once: under
// the desk's Content-Security-Policy (no 'unsafe-eval') that try is refused and reported as a
// violation. Its interpreter does the same checks without eval.
config({ jitless: true })
