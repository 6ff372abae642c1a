import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'

/** What the server saw: requests per path and method, and the most requests it had in flight at once. */
export interface LinkServer {
  origin: string
  port: number
  /** `HEAD /ok`-style keys: how many requests each got. */
  counts: Map<string, number>
  /** The most requests in flight at once. */
  maxInFlight(): number
  /** Every request, in order, as `METHOD /path`. */
  log: string[]
  /** When each request of `log` arrived (performance.now()). */
  arrivals: number[]
  close(): Promise<void>
}

export interface ServerOptions {
  host?: string
  port?: number
  /** The test's clock, for `Retry-After` dates. */
  now?: () => number
  /** Where `/to-private` redirects. */
  privateOrigin?: string
}

// A challenge page as bot protections serve them (written for this test, not copied).
const challenge = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-running">Checking your browser</div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>'

/**
 * A local HTTP server with a route for every case a link checker meets: success, HEAD refused, dead,
 * redirect chains and loops, rate limits, flaky and silent servers, resets, drips, huge bodies and
 * a bot wall. Started and stopped by each test; it answers on one loopback address only.
 */
export async function startLinkServer(options: ServerOptions = {}): Promise<LinkServer> {
  const counts = new Map<string, number>()
  const log: string[] = []
  const arrivals: number[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let inFlight = 0
  let maxInFlight = 0
  const seen = (path: string) => [...counts].filter(([key]) => key.endsWith(` ${path}`)).reduce((sum, [, count]) => sum + count, 0)
  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      action()
    }, ms)
    timers.add(timer)
  }

  function route(request: IncomingMessage, response: ServerResponse, path: string): void {
    const head = request.method === 'HEAD'
    const send = (status: number, body = '', headers: Record<string, string> = {}) => {
      response.writeHead(status, {'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), ...headers})
      response.end(head ? undefined : body)
    }
    const redirect = (status: number, location: string) => send(status, '', {location})
    const url = new URL(path, 'http://x')
    switch (url.pathname) {
      case '/ok':
      case '/ok-2':
      case '/new':
        return send(200, '<p>ok</p>')
      case '/no-head':
        return head ? send(405) : send(200, '<p>ok</p>')
      case '/head-lies':
        return head ? send(404) : send(200, '<p>ok</p>')
      case '/missing':
        return send(404, '<p>not found</p>')
      case '/gone':
        return send(410, '<p>gone</p>')
      case '/moved-301':
        return redirect(301, '/new')
      case '/moved-308':
        return redirect(308, '/new')
      case '/found-302':
        return redirect(302, '/ok')
      case '/temporary-307':
        return redirect(307, '/ok')
      case '/chain':
        return redirect(301, '/chain-2')
      case '/chain-2':
        return redirect(308, '/chain-3')
      case '/chain-3':
        return redirect(302, '/ok')
      case '/moved-dead':
        return redirect(301, '/missing')
      case '/loop-a':
        return redirect(302, '/loop-b')
      case '/loop-b':
        return redirect(302, '/loop-a')
      case '/endless':
        return redirect(302, `/endless?n=${Number(url.searchParams.get('n') ?? 0) + 1}`)
      case '/to-private':
        return redirect(302, `${options.privateOrigin}/ok`)
      case '/rate-seconds':
        return seen(url.pathname) <= 1 ? send(429, 'slow down', {'retry-after': '1'}) : send(200, '<p>ok</p>')
      case '/rate-date':
        return seen(url.pathname) <= 1 ? send(429, 'slow down', {'retry-after': new Date((options.now ?? Date.now)() + 2000).toUTCString()}) : send(200, '<p>ok</p>')
      case '/rate-forever':
        return send(429, 'slow down', {'retry-after': '3600'})
      case '/flaky':
        return seen(url.pathname) <= 2 ? send(503, 'try later') : send(200, '<p>ok</p>')
      case '/down':
        return send(503, 'down')
      case '/silent':
        return // never answers
      case '/reset':
        request.socket.destroy()
        return
      case '/drip':
      case '/drip-403': {
        response.writeHead(url.pathname === '/drip' ? 200 : 403, {'content-type': 'text/html'})
        if (head) return void response.end()
        const drip = () => {
          if (response.destroyed) return
          response.write('.')
          later(100, drip)
        }
        return drip()
      }
      case '/huge':
      case '/huge-403': {
        response.writeHead(url.pathname === '/huge' ? 200 : 403, {'content-type': 'text/html', 'content-length': String(1024 ** 3)})
        if (head) return void response.end()
        const chunk = Buffer.alloc(64 * 1024, 'x')
        let sent = 0
        const pump = () => {
          while (!response.destroyed && sent < 1024 ** 3) {
            sent += chunk.length
            if (!response.write(chunk)) return void response.once('drain', pump)
          }
          response.end()
        }
        return pump()
      }
      case '/bot-wall':
        return send(403, challenge, {server: 'cloudflare'})
      case '/slow':
        return later(Number(url.searchParams.get('ms') ?? 50), () => send(200, '<p>ok</p>'))
      default:
        return send(404, '<p>no such route</p>')
    }
  }

  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/'
    const key = `${request.method} ${new URL(path, 'http://x').pathname}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
    log.push(`${request.method} ${path}`)
    arrivals.push(performance.now())
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    let done = false
    const finish = () => {
      if (done) return
      done = true
      inFlight--
    }
    response.on('finish', finish)
    response.on('close', finish)
    route(request, response, path)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    counts,
    log,
    arrivals,
    maxInFlight: () => maxInFlight,
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
