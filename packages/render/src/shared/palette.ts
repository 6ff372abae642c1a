import type {RoleId} from '@fmrl/model'

/** A chart colour with the word a caption names it by, so no chart says anything by colour alone. */
export interface Colour {
  hex: string
  name: string
}

/**
 * One colour per role for every chart's bars: Okabe and Ito's colour-blind-safe palette (blue,
 * vermillion, bluish green), each at least 3:1 against white and against GitHub's and the page's
 * dark backgrounds, so one colour serves both themes (a test measures the ratios).
 */
export const roleColours: Readonly<Record<RoleId, Colour>> = {
  agent: {hex: '#0072B2', name: 'blue'},
  planner: {hex: '#D55E00', name: 'vermillion'},
  reward: {hex: '#009E73', name: 'green'}
}
