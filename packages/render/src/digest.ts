import {createHash} from 'node:crypto'

/** The SHA-256 of a text, in base64: the key of a remembered piece, and a script's or style's hash in the page's policy. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64')
}
