import {createRule, report} from '../rule.js'
import {entryFinder, type Entry} from '../util/entries.js'
import {linkTargets, type Target} from '../util/links.js'
import {nameKey} from '../util/tables.js'
import {parseHttpUrl, urlKey} from '../util/urls.js'

/** Whether two entries may share a URL: one entry (or one name, cross-listed) twice, a dataset and the method that made it. */
function mayShare(first: Entry, second: Entry): boolean {
  if (first.node === second.node) return true
  const kinds = new Set([first.kind, second.kind])
  if (kinds.has('dataset') && kinds.has('method')) return true
  return first.name !== undefined && second.name !== undefined && nameKey(first.name) === nameKey(second.name)
}

function describe(entry: Entry): string {
  return entry.name === undefined ? 'another entry' : `\`${entry.name}\``
}

/** The same URL (after normalization) for two different entries; the message points at the second, its cause at the first. */
export const noDuplicateUrl = createRule({
  id: 'no-duplicate-url',
  description: 'Same URL as the own link (a list item\'s title or paper link, a row\'s name, paper or code) of two different entries after normalization (scheme, `www.`, trailing `/`, arXiv ids, DOIs, a GitHub repository\'s root)',
  severity: 'error',
  defaults: {},
  reads: ['ignoreUrls'],
  examples: {
    ok: [
      {
        title: 'a dataset and its method, one entry twice, a method in two sections',
        markdown: '| Dataset | Link |\n| - | - |\n| MineDojo | <https://github.com/MineDojo/MineDojo> |\n\n| Method | FT | Code |\n| - | - | - |\n| MineCLIP | ✓ | [Code](https://github.com/MineDojo/MineDojo/tree/main) |\n| [AGILE](https://arxiv.org/abs/2405.14751) | ✓ | [Code](https://arxiv.org/pdf/2405.14751v2) |\n| Twin | ✓ | <https://github.com/a/twin> |\n\n| Method | FT | Code |\n| - | - | - |\n| Twin | ✓ | <https://github.com/a/twin> |\n'
      },
      {
        title: 'a dataset named by its link, and the method that made it, sharing their repository',
        markdown: '| Dataset | Year |\n| - | - |\n| [MineDojo](https://github.com/MineDojo/MineDojo) | 2022 |\n\n| Method | FT | Code |\n| - | - | - |\n| MineCLIP | ✓ | [Code](https://github.com/MineDojo/MineDojo) |\n'
      },
      {
        title: 'one repository\'s issues and pulls, folders of a monorepo, sections of a page',
        markdown: '- [Issues](https://github.com/x/y/issues)\n- [Pulls](https://github.com/x/y/pulls)\n- [Scaling](https://github.com/google-research/google-research/tree/master/scaling)\n- [Robotics](https://github.com/google-research/google-research/tree/master/robotics)\n- [Setup](https://example.com/guide#setup)\n- [Usage](https://example.com/guide#usage)\n'
      },
      {
        title: 'links an entry uses rather than its own: a dataset under two papers, a tool under two environments',
        markdown: '- [Training language models to follow instructions](https://arxiv.org/abs/2203.02155)\n  - Dataset: [TruthfulQA](https://github.com/sylinrl/TruthfulQA)\n- [WebGPT](https://arxiv.org/abs/2112.09332)\n  - Dataset: [TruthfulQA](https://github.com/sylinrl/TruthfulQA)\n- [TruthfulQA](https://github.com/sylinrl/TruthfulQA): the dataset itself\n\n### Atari\n\n- Public agent: [Stable Baselines 3](https://github.com/DLR-RM/stable-baselines3)\n\n### MuJoCo\n\n- Public agent: [Stable Baselines 3](https://github.com/DLR-RM/stable-baselines3)\n'
      },
      {
        title: 'a code repository two papers share, a link in a description',
        markdown: '- [Skywork R1V2: Multimodal Hybrid Reinforcement Learning](https://arxiv.org/abs/2504.16656) [[Code](https://github.com/SkyworkAI/Skywork-R1V)]\n- [Skywork R1V: Pioneering Multimodal Reasoning](https://arxiv.org/abs/2504.05599) [[Code](https://github.com/SkyworkAI/Skywork-R1V)]\n- [chutney](https://github.com/derhuerst/chutney) - A lighter [smokestack](https://github.com/hughsk/smokestack) alternative.\n- [smokestack](https://github.com/hughsk/smokestack) - Run tests in a browser.\n'
      }
    ],
    notOk: [
      {
        title: 'one paper link for two named entries; a later listing of the first entry is no-duplicate-title\'s',
        markdown: '* **PIGLeT**: "Language Grounding", *ACL*. [[Paper](https://arxiv.org/abs/2201.07207)] [[Code](https://github.com/rowanz/piglet)]\n* **ZSP**: "Zero-Shot Planners", *ICML*. [[Paper](https://arxiv.org/abs/2201.07207)]\n* **PIGLeT**: "Language Grounding", *ACL*. [[Paper](https://arxiv.org/abs/2201.07207)]\n',
        messages: [
          '2:51-2:83: Unexpected URL `https://arxiv.org/abs/2201.07207` for `ZSP`, already the link of `PIGLeT` (line 1); expected each entry to have its own link (no-duplicate-url)'
        ]
      },
      {
        title: 'two papers with one arXiv id, one repository in two forms',
        markdown: '- [Direct Preference Optimization](https://arxiv.org/abs/2305.18290)\n- [SimPO](http://arxiv.org/pdf/2305.18290v2)\n- [A](https://github.com/x/y)\n- [B](https://www.github.com/X/y.git)\n- [C](https://github.com/x/y/tree/main?tab=readme-ov-file)\n- [D](https://example.com/a/)\n- [E](https://example.com/a/)\n',
        messages: [
          '2:11-2:44: Unexpected URL `http://arxiv.org/pdf/2305.18290v2` for `SimPO`, already the link of `Direct Preference Optimization` as `https://arxiv.org/abs/2305.18290` (line 1); expected each entry to have its own link (no-duplicate-url)',
          '4:7-4:37: Unexpected URL `https://www.github.com/X/y.git` for `B`, already the link of `A` as `https://github.com/x/y` (line 3); expected each entry to have its own link (no-duplicate-url)',
          '5:7-5:58: Unexpected URL `https://github.com/x/y/tree/main?tab=readme-ov-file` for `C`, already the link of `A` as `https://github.com/x/y` (line 3); expected each entry to have its own link (no-duplicate-url)',
          '7:7-7:29: Unexpected URL `https://example.com/a/` for `E`, already the link of `D` (line 6); expected each entry to have its own link (no-duplicate-url)'
        ]
      },
      {
        title: 'ignored URLs',
        markdown: '- [A](https://example.com/x)\n- [B](https://example.com/x)\n- [C](https://example.org/y)\n- [D](https://example.org/y)\n',
        data: {ignoreUrls: ['https://example.com/*']},
        messages: [
          '4:7-4:28: Unexpected URL `https://example.org/y` for `D`, already the link of `C` (line 3); expected each entry to have its own link (no-duplicate-url)'
        ]
      }
    ]
  },
  check({tree, file}) {
    const entryOf = entryFinder(tree)
    const first = new Map<string, {target: Target; entry: Entry}[]>()
    for (const target of linkTargets(tree, file)) {
      if (target.kind === 'image' || target.kind === 'html' || !parseHttpUrl(target.url)) continue
      const entry = entryOf(target.node, target.url, target.ancestors)
      if (!entry) continue
      const key = urlKey(target.url)
      const seen = first.get(key) ?? []
      const earlier = seen.find((candidate) => !mayShare(candidate.entry, entry))
      if (earlier) {
        const line = earlier.target.position?.start.line
        // Quote the earlier spelling when it differs, so the reader sees why the two are one.
        const spelled = earlier.target.url === target.url ? '' : ` as \`${earlier.target.url}\``
        report(file, `Unexpected URL \`${target.url}\` for ${describe(entry)}, already the link of ${describe(earlier.entry)}${spelled}${line ? ` (line ${line})` : ''}; expected each entry to have its own link`, target.position, {
          cause: {reason: 'First listed here', place: earlier.target.position, file: file.path}
        })
        // A reported link is not the URL's: a later entry that rightly shares it with the first
        // holder (the same paper listed again) is compared with the holders only.
        continue
      }
      if (!seen.some((candidate) => candidate.entry.node === entry.node)) first.set(key, [...seen, {target, entry}])
    }
  }
})

