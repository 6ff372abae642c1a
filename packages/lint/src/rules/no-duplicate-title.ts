import {distance} from 'fastest-levenshtein'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {repairMojibake} from '../mojibake.js'
import {createRule, report} from '../rule.js'
import {itemTitle} from '../util/entries.js'
import {nodesOfType} from '../util/walk.js'

interface Options {
  /** Similarity (1 − edit distance / length) from which two titles count as near-identical. */
  threshold: number
}

interface Title {
  text: string
  key: string
  /** The title's words as written (letters and digits), in order. */
  words: string[]
  node: Nodes
}

/** Title as compared: case, punctuation and spacing do not matter. */
function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

function titleWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

function similarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length, 1)
}

/**
 * A name or a version, which only ever matches itself: a word with a digit (`Qwen2`, `5`), a
 * capital after its first letter (`TRLX`, `RLHF`, `LLaMA`) or fewer than four letters.
 */
function isName(word: string): boolean {
  return /\p{N}/u.test(word) || /^.\p{L}*\p{Lu}/u.test(word) || word.length < 4
}

/** The stretches where two word lists differ (a longest-common-subsequence diff), each side's words. */
function differences(a: readonly string[], b: readonly string[]): Array<[string[], string[]]> {
  const same = (i: number, j: number) => a[i]!.toLowerCase() === b[j]!.toLowerCase()
  // common[i][j]: length of the longest common subsequence of a[i…] and b[j…].
  const common = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) common[i]![j] = same(i, j) ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!)
  const hunks: Array<[string[], string[]]> = []
  let hunk: [string[], string[]] = [[], []]
  const close = () => {
    if (hunk[0].length + hunk[1].length > 0) hunks.push(hunk)
    hunk = [[], []]
  }
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(i, j)) {
      close()
      i++
      j++
    } else if (j >= b.length || (i < a.length && common[i + 1]![j]! >= common[i]![j + 1]!)) hunk[0].push(a[i++]!)
    else hunk[1].push(b[j++]!)
  }
  close()
  return hunks
}

/**
 * Whether two titles read as one title spelled two ways: every difference is spacing
 * (`Pre-training` and `Pretraining`) or a spelling variant of an ordinary word (`Reward` and
 * `Rewards`, `Robot` and `Robotic`), never a different name or version (`Qwen2` and `Qwen2.5`,
 * `TRL` and `TRLX`).
 */
function spelledAlike(a: readonly string[], b: readonly string[]): boolean {
  return differences(a, b).every(([left, right]) => {
    if (left.join('').toLowerCase() === right.join('').toLowerCase()) return true
    if (left.length !== 1 || right.length !== 1) return false
    const [x, y] = [left[0]!, right[0]!]
    return !isName(x) && !isName(y) && similarity(x.toLowerCase(), y.toLowerCase()) >= 0.6
  })
}

/** Whether a title is the same as, or near-identical to, an earlier one. */
function isTwin(earlier: Title, title: Title, threshold: number): boolean {
  if (earlier.key === title.key) return true
  // Similarity cannot reach the threshold when the lengths alone differ by more.
  const longest = Math.max(earlier.key.length, title.key.length)
  if (Math.abs(earlier.key.length - title.key.length) > (1 - threshold) * longest) return false
  return similarity(earlier.key, title.key) >= threshold && spelledAlike(earlier.words, title.words)
}

/**
 * The titles listed so far, by key length: a title is compared only with those whose length lets
 * them reach the threshold (what `isTwin` checks first), not with every earlier one.
 */
class TitleIndex {
  private readonly byLength = new Map<number, Array<{title: Title; order: number}>>()
  private count = 0

  constructor(private readonly threshold: number) {}

  /** The earliest listed title that is the same as, or near-identical to, this one. */
  twinOf(title: Title): Title | undefined {
    const length = title.key.length
    // Lengths outside [threshold × length, length / threshold] cannot reach the threshold (one past each end for rounding).
    const lengths = this.threshold > 0 ? range(Math.floor(length * this.threshold) - 1, Math.ceil(length / this.threshold) + 1) : [...this.byLength.keys()]
    let best: {title: Title; order: number} | undefined
    for (const candidate of lengths) {
      for (const earlier of this.byLength.get(candidate) ?? []) {
        if (best && earlier.order > best.order) break
        if (isTwin(earlier.title, title, this.threshold)) best = earlier
      }
    }
    return best?.title
  }

  push(title: Title): void {
    const same = this.byLength.get(title.key.length)
    const entry = {title, order: this.count++}
    if (same) same.push(entry)
    else this.byLength.set(title.key.length, [entry])
  }
}

function range(from: number, to: number): number[] {
  return Array.from({length: Math.max(0, to - from + 1)}, (_, index) => from + index)
}

/** Two list entries whose titles are the same or near-identical: the same paper listed twice. */
export const noDuplicateTitle = createRule<Options>({
  id: 'no-duplicate-title',
  description: 'Two list entries with identical or near-identical titles (the same paper listed twice); names and versions such as `TRL`, `Qwen2.5` must match exactly',
  severity: 'warn',
  defaults: {threshold: 0.9},
  examples: {
    ok: [
      {
        title: 'different titles, even when alike in part',
        markdown: '- [O1 Replication Journey -- Part 2: Surpassing O1-preview](https://arxiv.org/abs/2411.16489)\n- [O1 Replication Journey -- Part 3: Inference-time Scaling](https://arxiv.org/abs/2501.06458)\n- **RL-GPT**\n- **RLingua**\n- **SayCan**\n- **SayCan2**\n- **Voyager**\n- **VOYAGER**\n'
      },
      {
        title: 'versions and names that differ by a character',
        markdown: '- [Qwen2 Technical Report](https://arxiv.org/abs/2407.10671)\n- [Qwen2.5 Technical Report](https://arxiv.org/abs/2412.15115)\n- **TRLX: distributed training for RLHF**\n- **TRL: distributed training for RLHF**\n- **Scaling Laws for RLHF Reward Models**\n- **Scaling Laws for RLAIF Reward Models**\n- **Gemma: Open Models Based on Gemini**\n- **Gemma 2: Open Models Based on Gemini**\n'
      }
    ],
    notOk: [
      {
        title: 'a case variant and near-identical titles',
        markdown: '- [Reflexion: Language Agents with Verbal Reinforcement Learning](https://arxiv.org/abs/2303.11366)\n- [Reflexion: language agents with verbal reinforcement learning](https://a.org)\n- **Natural Language Reinforcement Learning**\n- **Natural-Language Reinforcement Learnings**\n- **Pre-training Agents with Offline Data**\n- **Pretraining Agents with Offline Data**\n',
        messages: [
          '2:3-2:81: Unexpected title `Reflexion: language agents with verbal reinforcement learning`, the same as `Reflexion: Language Agents with Verbal Reinforcement Learning` (line 1); expected each paper once (no-duplicate-title)',
          '4:3-4:47: Unexpected title `Natural-Language Reinforcement Learnings`, near-identical to `Natural Language Reinforcement Learning` (line 3); expected each paper once (no-duplicate-title)',
          '6:3-6:43: Unexpected title `Pretraining Agents with Offline Data`, near-identical to `Pre-training Agents with Offline Data` (line 5); expected each paper once (no-duplicate-title)'
        ]
      },
      {
        title: 'a lower threshold',
        markdown: '- **Language to Rewards for Robotic Skill Synthesis**\n- **Language to Reward for Robot Skill Synthesis**\n',
        options: {threshold: 0.8},
        messages: [
          '2:3-2:51: Unexpected title `Language to Reward for Robot Skill Synthesis`, near-identical to `Language to Rewards for Robotic Skill Synthesis` (line 1); expected each paper once (no-duplicate-title)'
        ]
      }
    ]
  },
  check({tree, file, options}) {
    const titles = new TitleIndex(options.threshold)
    nodesOfType(tree, 'listItem').forEach(({node: item}) => {
      const node = itemTitle(item)
      // A table of contents lists headings, not papers.
      if (!node || (node.type === 'link' && !/^https?:/i.test(node.url))) return
      const text = repairMojibake(toString(node), {trustLonePairs: true}).trim()
      const title = {text, key: titleKey(text), words: titleWords(text), node}
      // Short titles (names such as "RL-GPT") are alike by chance; names are no-duplicate-method's job.
      if (title.key.length < 12) return
      const twin = titles.twinOf(title)
      if (twin) {
        const line = twin.node.position?.start.line
        const how = twin.key === title.key ? 'the same as' : 'near-identical to'
        report(file, `Unexpected title \`${text}\`, ${how} \`${twin.text}\`${line ? ` (line ${line})` : ''}; expected each paper once`, node, {
          cause: {reason: 'First listed here', place: twin.node.position, file: file.path}
        })
      } else titles.push(title)
    })
  }
})
