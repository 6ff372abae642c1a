// The tables `pnpm bench` prints: Markdown, so a run can be pasted into a note or bench/README.md as is.
import {markdownTable} from 'markdown-table'

const seconds = (ms) => (ms === null || ms === undefined ? '-' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`)
const megabytes = (bytes) => (bytes === null || bytes === undefined ? '-' : `${Math.round(bytes / 2 ** 20)} MB`)
const times = (ratio) => (ratio === null || ratio === undefined ? '-' : `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`)
const rate = (value) => (value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-US'))
// A failed run's wall time is when it ended (a timeout's is the limit), not a speed.
const wall = (measurement) => (measurement.status === 'ok' || measurement.wallMs === null ? seconds(measurement.wallMs) : `(${seconds(measurement.wallMs)})`)

/** The scale suite as one table: every command of every size, ratios to the remark-parse floor of the same text. */
export function scaleTable(measurements) {
  return markdownTable(
    [
      ['size', 'input', 'command', 'wall', '× parse', 'CPU', '× parse', 'peak RSS', '× parse', 'rows/s', '× parse', 'status'],
      ...measurements.map((measurement) => [
        measurement.size,
        measurement.input === 'readme' ? 'README.md' : 'content/',
        measurement.label,
        wall(measurement),
        times(measurement.ratios.wall),
        seconds(measurement.cpuMs),
        times(measurement.ratios.cpu),
        megabytes(measurement.peakRssBytes),
        times(measurement.ratios.peakRss),
        rate(measurement.rowsPerSecond),
        times(measurement.ratios.rowsPerSecond),
        measurement.status
      ])
    ],
    {align: ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']}
  )
}

/** The content suite: each command on the real content against the node + modules floor. */
export function contentTable(measurements) {
  return markdownTable(
    [
      ['command (real content/)', 'wall', '× floor', 'CPU', '× floor', 'peak RSS', '× floor', 'status'],
      ...measurements.map((measurement) => [measurement.label, wall(measurement), times(measurement.ratios.wall), seconds(measurement.cpuMs), times(measurement.ratios.cpu), megabytes(measurement.peakRssBytes), times(measurement.ratios.peakRss), measurement.status])
    ],
    {align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']}
  )
}

const find = (measurements, size, input, id) => measurements.find((measurement) => measurement.size === size && measurement.input === input && measurement.id === id)
const okRatio = (measurement, key) => (measurement?.status === 'ok' ? measurement.ratios[key] ?? null : null)
const percent = (ratio) => (ratio === null ? '-' : `${(ratio * 100).toFixed(0)}%`)

/**
 * The issue's targets, with what this run measured for each (only those this run has the numbers
 * for). The verdict is on wall time, the issue's measure; the CPU ratio beside it is what to trust
 * when other processes loaded the machine (the load average is in the JSON).
 */
export function targetRows(measurements) {
  const rows = []
  const add = (target, value, shown, met) => rows.push([target, shown, value === null || value === undefined ? 'not measured' : met ? 'met' : 'not met'])
  const ratioTarget = (target, measurement, limit, wallKey = 'wall', cpuKey = 'cpu', show = times) => {
    const wallRatio = okRatio(measurement, wallKey)
    add(target, wallRatio, `${show(wallRatio)} (CPU ${show(okRatio(measurement, cpuKey))})`, wallRatio <= limit)
  }
  const peakTarget = (target, measurement, limit) => add(target, measurement.status === 'ok' ? measurement.peakRssBytes : 0, `${measurement.status === 'ok' ? '' : `${measurement.status}, `}${megabytes(measurement.peakRssBytes)}`, measurement.status === 'ok' && measurement.peakRssBytes <= limit)
  const lint = find(measurements, 'content', 'content', 'fmrl-lint')
  if (lint) ratioTarget('fmrl lint on our content ≤ 1.5× node + modules', lint, 1.5)
  const cached = find(measurements, 'content', 'content', 'fmrl-lint-cached')
  if (cached) ratioTarget('… with the parse cache warm', cached, 1.5)
  const edited = find(measurements, 'content', 'content', 'fmrl-lint-edited')
  if (edited) ratioTarget('… one row edited, parse cache warm', edited, 1.5)
  const hook = find(measurements, 'content', 'content', 'pre-commit')
  if (hook) ratioTarget('pre-commit hook ≤ 1.5× node + modules', hook, 1.5)
  for (const input of ['content', 'readme']) {
    const where = input === 'readme' ? 'README.md' : 'content/'
    const ten = find(measurements, '10k', input, 'fmrl-lint')
    if (ten) {
      ratioTarget(`10k ${where}: lint ≤ 0.5× remark parse`, ten, 0.5)
      peakTarget(`10k ${where}: lint peak ≤ 400 MB`, ten, 400 * 2 ** 20)
    }
    const tenDefault = find(measurements, '10k', input, 'fmrl-lint-default')
    if (tenDefault) peakTarget(`10k ${where}: lint with the parse cache (cold) peak ≤ 400 MB`, tenDefault, 400 * 2 ** 20)
    const fiftyDefault = find(measurements, '50k', input, 'fmrl-lint-default')
    if (fiftyDefault) peakTarget(`50k ${where}: lint with the parse cache (cold) completes on the default heap, peak ≤ 1 GB`, fiftyDefault, 2 ** 30)
    const fifty = find(measurements, '50k', input, 'fmrl-lint')
    if (fifty) {
      peakTarget(`50k ${where}: lint completes on the default heap, peak ≤ 1 GB`, fifty, 2 ** 30)
      if (ten?.status === 'ok' && fifty.status === 'ok') {
        const perRow = (measurement, key) => measurement[key] / measurement.rows
        const linear = perRow(fifty, 'wallMs') / perRow(ten, 'wallMs')
        add(`50k ${where}: lint per-row cost ≤ 1.2× that at 10k`, linear, `${times(linear)} (CPU ${times(perRow(fifty, 'cpuMs') / perRow(ten, 'cpuMs'))})`, linear <= 1.2)
      }
    }
  }
  const build = find(measurements, '50k', 'content', 'fmrl-build')
  if (build) peakTarget('50k content/: build completes on the default heap, peak ≤ 1 GB', build, 2 ** 30)
  const warmLabels = {'fmrl-lint-warm': 're-lint', 'fmrl-lint-cached': 're-lint with the parse cache', 'fmrl-build-warm': 'rebuild'}
  for (const [id, what] of Object.entries(warmLabels)) {
    const warm = find(measurements, '10k', 'content', id)
    if (warm) ratioTarget(`10k: ${what} after editing one row ≤ 10% of cold`, warm, 0.1, 'ofCold', 'ofColdCpu', percent)
  }
  return rows
}

export function targetTable(measurements) {
  const rows = targetRows(measurements)
  return rows.length === 0 ? '' : markdownTable([['target (issue 10)', 'this run', ''], ...rows])
}
