import {describe, expect, test} from 'vitest'
import {roleColours} from '../src/shared/palette.js'
import {backgroundColours, pageColours, textColours} from '../src/site/style.js'

/** WCAG 2's relative luminance of an sRGB colour `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** WCAG 2's contrast ratio of two colours, from 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

const round = (ratio: number) => Math.round(ratio * 100) / 100

// What the charts are drawn on: GitHub's README (light and dark) and the page (both themes).
const chartBackgrounds = {'GitHub light': '#ffffff', 'GitHub dark': '#0d1117', 'page light': pageColours.bg.light, 'page dark': pageColours.bg.dark}

describe('colours', () => {
  test('the ratio is WCAG\'s: black on white 21, a colour on itself 1', () => {
    expect(round(contrast('#000000', '#ffffff'))).toBe(21)
    expect(round(contrast('#0072B2', '#0072B2'))).toBe(1)
    expect(round(contrast('#777777', '#ffffff'))).toBe(4.48)
  })

  test('every role\'s bar colour holds 3:1 (WCAG\'s non-text contrast) on every background it is drawn on', () => {
    const ratios = Object.fromEntries(Object.entries(roleColours).map(([role, colour]) => [role, Object.fromEntries(Object.entries(chartBackgrounds).map(([name, background]) => [name, round(contrast(colour.hex, background))]))]))
    expect(ratios).toEqual({
      agent: {'GitHub light': 5.19, 'GitHub dark': 3.65, 'page light': 5.19, 'page dark': 3.65},
      planner: {'GitHub light': 3.87, 'GitHub dark': 4.89, 'page light': 3.87, 'page dark': 4.89},
      reward: {'GitHub light': 3.42, 'GitHub dark': 5.53, 'page light': 3.42, 'page dark': 5.53}
    })
    for (const role of Object.values(ratios)) for (const ratio of Object.values(role)) expect(ratio).toBeGreaterThanOrEqual(3)
  })

  test('every text colour of the page holds 4.5:1 (WCAG AA) on every background, in both themes', () => {
    const weak = textColours.flatMap((text) => backgroundColours.flatMap((background) => (['light', 'dark'] as const).flatMap((theme) => {
      const ratio = contrast(pageColours[text][theme], pageColours[background][theme])
      return ratio < 4.5 ? [`${text} on ${background} (${theme}): ${round(ratio)}`] : []
    })))
    expect(weak).toEqual([])
  })
})
