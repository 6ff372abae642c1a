import {distance} from 'fastest-levenshtein'
import type {ListItem, Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {repairMojibake} from '../mojibake.js'
import {createRule, report} from '../rule.js'
import {itemTitle} from '../util/entries.js'

interface Options {
  /** Similarity (1 − edit distance / length) from which two titles count as near-identical. */
  threshold: number
}

interface Title {
  text: string
  key: string
  node: Nodes
}

/** Title as compared: case, punctuation and spacing do not matter. */
function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

function similarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length, 1)
}

/** Two list entries whose titles are the same or near-identical: the same paper listed twice. */
export const noDuplicateTitle = createRule<Options>({
  id: 'no-duplicate-title',
  description: 'Two list entries with identical or near-identical titles (the same paper listed twice)',
  severity: 'warn',
  defaults: {threshold: 0.9},
  examples: {
    ok: [
      {
        title: 'different titles, even when alike in part',
        markdown: '- [O1 Replication Journey -- Part 2: Surpassing O1-preview](https://arxiv.org/abs/2411.16489)\n- [O1 Replication Journey -- Part 3: Inference-time Scaling](https://arxiv.org/abs/2501.06458)\n- **RL-GPT**\n- **RLingua**\n'
      }
    ],
    notOk: [
      {
        title: 'a case variant and a near-identical title',
        markdown: '- [Reflexion: Language Agents with Verbal Reinforcement Learning](https://arxiv.org/abs/2303.11366)\n- [Reflexion: language agents with verbal reinforcement learning](https://a.org)\n- **Natural Language Reinforcement Learning**\n- **Natural-Language Reinforcement Learnings**\n',
        messages: [
          '2:3-2:81: Unexpected title `Reflexion: language agents with verbal reinforcement learning`, the same as `Reflexion: Language Agents with Verbal Reinforcement Learning` (line 1); expected each paper once (no-duplicate-title)',
          '4:3-4:47: Unexpected title `Natural-Language Reinforcement Learnings`, near-identical to `Natural Language Reinforcement Learning` (line 3); expected each paper once (no-duplicate-title)'
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
    const titles: Title[] = []
    visit(tree, 'listItem', (item: ListItem) => {
      const node = itemTitle(item)
      // A table of contents lists headings, not papers.
      if (!node || (node.type === 'link' && !/^https?:/i.test(node.url))) return
      const text = repairMojibake(toString(node)).trim()
      const key = titleKey(text)
      // Short titles (names such as "RL-GPT") are alike by chance; names are no-duplicate-method's job.
      if (key.length < 12) return
      const twin = titles.find((earlier) => earlier.key === key || similarity(earlier.key, key) >= options.threshold)
      if (twin) {
        const line = twin.node.position?.start.line
        const how = twin.key === key ? 'the same as' : 'near-identical to'
        report(file, `Unexpected title \`${text}\`, ${how} \`${twin.text}\`${line ? ` (line ${line})` : ''}; expected each paper once`, node, {
          cause: {reason: 'First listed here', place: twin.node.position, file: file.path}
        })
      } else titles.push({text, key, node})
    })
  }
})
