import {describe, expect, test} from 'vitest'
import {escapeLatex, escapeLatexUrl} from '../src/latex/escape.js'

describe('escapeLatex', () => {
  test.each([
    ['A&B_{x}', 'A\\&B\\_\\{x\\}'],
    ['\\input{/etc/passwd}', '\\textbackslash{}input\\{/etc/passwd\\}'],
    ['\\write18{rm -rf /}', '\\textbackslash{}write18\\{rm -rf /\\}'],
    ['100% $5 #1 ~ ^', '100\\% \\$5 \\#1 \\textasciitilde{} \\textasciicircum{}'],
    ['a<b>c|d', 'a\\textless{}b\\textgreater{}c\\textbar{}d'],
    ['[opt] *star', '{[}opt{]} {*}star'],
    ["it's `x`", 'it\\textquotesingle{}s \\textasciigrave{}x\\textasciigrave{}'],
    ['a--b---c,,d', 'a-\\kern0pt -b-\\kern0pt -\\kern0pt -c,\\kern0pt ,d'],
    ['accuracy ↑, ×, ✓, π, τ, 强化, عربي, 🤖', 'accuracy ↑, ×, ✓, π, τ, 强化, عربي, 🤖'],
    ['two\nlines\tand  spaces', 'two lines and spaces'],
    ['RL-VLM-F, Zhai et al., Schoepp é', 'RL-VLM-F, Zhai et al., Schoepp é'],
    // Found by the LaTeX property: a control character is invalid input to LaTeX and stopped the compile.
    ['bell\u0007 nul\u0000 del\u007f nel\u0085', 'bell\u2407 nul\u2400 del\u2421 nel{\\char"FFFD}'],
    ['mojibake \ufffd', 'mojibake {\\char"FFFD}'],
    // Found by the LaTeX property: TeX fonts set `"` as ” and `<<`, `>>` as « and », even escaped.
    ['"q" <<a>> <>', '\\textquotedbl{}q\\textquotedbl{} \\textless{}\\kern0pt \\textless{}a\\textgreater{}\\kern0pt \\textgreater{} \\textless{}\\kern0pt \\textgreater{}']
  ])('%j sets as %j', (input, output) => {
    expect(escapeLatex(input)).toBe(output)
  })
})

describe('escapeLatexUrl', () => {
  test.each([
    ['https://github.com/bytarnish/AGILE', 'https://github.com/bytarnish/AGILE'],
    ['https://example.org/a%20b?q=1&r=_~^$#top', 'https://example.org/a\\%20b?q=1&r=_~^$\\#top'],
    ['https://example.org/\\input{x}', 'https://example.org/\\%5Cinput\\%7Bx\\%7D'],
    ['https://example.org/é ü', 'https://example.org/\\%C3\\%A9\\%20\\%C3\\%BC']
  ])('%j becomes %j', (input, output) => {
    expect(escapeLatexUrl(input)).toBe(output)
  })
})
