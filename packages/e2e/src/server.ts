import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import sirv from 'sirv'

/** A static file server on 127.0.0.1 for one folder, on a free port; `close` stops it. */
export async function serveFolder(folder: string): Promise<{url: string; close(): Promise<void>}> {
  const server = createServer(sirv(folder, {dev: true, dotfiles: false}))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  }
}
