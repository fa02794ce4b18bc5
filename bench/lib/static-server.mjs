// The stand-in for nginx when it cannot be had: serves one file from memory, in its own process
// so that it does not share an event loop with the load generator.
// Usage: node bench/lib/static-server.mjs <file> <port>
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

const [file, port] = process.argv.slice(2)
const body = fs.readFileSync(file)
const name = `/${path.basename(file)}`
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'content-length': body.length,
  'last-modified': fs.statSync(file).mtime.toUTCString(),
}

const server = http.createServer((request, response) => {
  if (request.url !== name) {
    response.writeHead(404, { 'content-length': 0 })
    response.end()
    return
  }
  response.writeHead(200, headers)
  response.end(body)
})
server.keepAliveTimeout = 60_000
server.listen(Number(port), '127.0.0.1')
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)))
