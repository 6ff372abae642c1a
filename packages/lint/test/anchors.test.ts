import {describe, expect, test} from 'vitest'
import {formatMessage, lintText, only} from './helpers.js'

/** The no-dead-anchor findings for a link to `anchor` above `headings`. */
function findings(headings: string, anchor: string): string[] {
  return lintText(`[link](${anchor})\n\n${headings}\n`, {rules: only('no-dead-anchor')}).map(formatMessage)
}

// Heading text and the anchor GitHub gives it, after the expectations of remark-validate-links
// (badges in headings, any case) and github-slugger (punctuation, repeats, emoji, other scripts).
describe('an anchor GitHub gives a heading resolves', () => {
  test.each([
    ['# hello [![Chat](https://example.com/badge.svg)](https://example.com)', '#hello-'],
    ['# hello2 ![Chat](https://example.com/badge.svg)', '#hello2-'],
    ['# electricityMap [![A](https://a.org/a.svg)](https://a.org) [![B](https://b.org/b.svg)](https://b.org) [![C](https://c.org/c.svg)](https://c.org)', '#electricitymap---'],
    ['# Awesome LLM RL [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)', '#awesome-llm-rl-'],
    ['## Logo <img src="logo.png" alt="Logo"> and text', '#logo--and-text'],
    ['## A <sup>note</sup>', '#a-note'],
    ['# Hello', '#HELLO'],
    ['# Hello', '#Hello'],
    ['## bravoCharlieDelta', '#bravocharliedelta'],
    ['## heading with a - dash', '#heading-with-a---dash'],
    ['## heading with an _ underscore', '#heading-with-an-_-underscore'],
    ['## heading with a period.txt', '#heading-with-a-periodtxt'],
    ['## exchange.bind_headers(exchange, routing [, bindCallback])', '#exchangebind_headersexchange-routing--bindcallback'],
    ['## apostrophe’s should be trimmed', '#apostrophes-should-be-trimmed'],
    ['## I ♥ unicode', '#i--unicode'],
    ['## en–dash', '#endash'],
    ['## 😄 unicode emoji', '#-unicode-emoji'],
    ['## 😄 - an emoji', '#---an-emoji'],
    ['## :smile: - a gemoji', '#smile---a-gemoji'],
    ['## Привет non-latin 你好', '#привет-non-latin-你好'],
    ['## Привет', '#%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82'],
    ['## *Emphasis*, `code` and [a link](https://example.com)', '#emphasis-code-and-a-link'],
    ['## echo\n\n## echo\n\n## echo 1\n\n## echo-1\n\n## echo', '#echo-1-2'],
    ['## echo\n\n## echo\n\n## echo 1\n\n## echo-1\n\n## echo', '#echo-2'],
    ['## foxtrot-1\n\n## foxtrot\n\n## foxtrot', '#foxtrot-2'],
    ['## Intro', '#top'],
    ['## Intro', '#readme'],
    ['<a name="custom"></a>\n\n## Intro', '#custom']
  ])('%j has %s', (headings, anchor) => {
    expect(findings(headings, anchor)).toEqual([])
  })
})

describe('an anchor GitHub does not give a heading is reported', () => {
  test.each([
    ['# hello [![Chat](https://example.com/badge.svg)](https://example.com)', '#hello-chat', '#hello-'],
    ['## Logo <img src="logo.png" alt="Logo"> and text', '#logo-logo-and-text', '#logo--and-text'],
    ['## 😄 unicode emoji', '#unicode-emoji', '#-unicode-emoji'],
    ['## echo\n\n## echo', '#echo-2', '#echo-1']
  ])('%j has no %s', (headings, anchor, suggestion) => {
    expect(findings(headings, anchor)).toEqual([
      `1:8-1:${8 + anchor.length}: Unexpected anchor \`${anchor}\` that matches no heading, expected the id of a heading: did you mean \`${suggestion}\`? (no-dead-anchor)`
    ])
  })
})
