import {readFile} from 'node:fs/promises'
import type {Survey} from '@fmrl/model'
import {describe, expect, test} from 'vitest'
import {toMarkdown} from '../src/markdown.js'
import {renderEnvironments, renderReadingList} from '../src/readme/reading-list.js'
import {renderReadme} from '../src/readme/readme.js'
import {readSurvey, repositoryRoot} from './survey.js'

const survey = await readSurvey()
const entries = JSON.parse(await readFile(new URL('fixtures/reading-list/entries.json', repositoryRoot), 'utf8')) as Pick<Survey, 'relatedLists' | 'readingList' | 'environments'>
const withEntries: Survey = {...survey, ...entries}
const markdown = (nodes: ReturnType<typeof renderReadingList>) => toMarkdown({type: 'root', children: nodes})

describe('the reading list in README.md', () => {
  test('one heading per section in order of first appearance, entries as awesome-list items', () => {
    expect(markdown(renderReadingList(withEntries))).toBe([
      '## 📖 Reading List',
      '',
      'Papers beyond Table 1, from the related lists [Awesome VLM-RL](https://github.com/steve-zeyu-zhang/Awesome-VLM-RL), LLM-RL-Cross-Papers. An entry that is a method of Table 1 names its row instead of repeating its links.',
      '',
      '### General-RL',
      '',
      '- [Proximal Policy Optimization Algorithms](https://arxiv.org/abs/1707.06347) - John Schulman, Filip Wolski, Prafulla Dhariwal, Alec Radford, Oleg Klimov.',
      '',
      '### VLM-RL',
      '',
      '- Fine-Tuning Large Vision-Language Models as Decision-Making Agents via Reinforcement Learning - In Table 1 as Zhai et al., 🤖 LLM/VLM as Agent › Parametric. Yuexiang Zhai, Hao Bai, Sergey Levine.',
      '',
      '### Generative-RL',
      '',
      '- [PaLI: A Jointly-Scaled Multilingual Language-Image Model](https://arxiv.org/abs/2209.06794) - Xi Chen, Xiao Wang. Keywords: amazing zero-shot, language component and visual component. notable top 5%.',
      '- [VIMA: General Robot Manipulation with Multimodal Prompts](https://arxiv.org/abs/2210.03094) - Yunfan Jiang, Agrim Gupta. NeurIPS Workshop 2022. Keywords: multimodal prompts. Environments: [VIMA-Bench](https://github.com/vimalabs/VimaBench), MuJoCo.',
      '',
      '### Cross papers',
      '',
      '- [RL-GPT: Integrating Reinforcement Learning and Code-as-policy](https://arxiv.org/abs/2402.19299) - Links: [homepage](https://sites.google.com/view/rl-gpt/). RL-GPT includes a slow agent and a fast agent.',
      '- True Knowledge Comes from Practice: Aligning LLMs with Embodied Environments via Reinforcement Learning - In Table 1 as TWOSOME, 🤖 LLM/VLM as Agent › Parametric. TWOSOME deploys LLMs as embodied agents aligned with environments through RL.',
      ''
    ].join('\n'))
  })

  test('the environments credit only the lists the reading list did not link', () => {
    expect(markdown(renderEnvironments(withEntries))).toBe([
      '## 🎮 Environments',
      '',
      'Open-source environments and benchmarks to run RL experiments in, from LLM-RL-Cross-Papers, Awesome VLM-RL.',
      '',
      '- [Skillhack](https://github.com/ucl-dark/skillhack)',
      '- [Crafter](https://github.com/danijar/crafter) - An open-world survival game to benchmark an agent\'s abilities. [Picture](https://github.com/danijar/crafter/raw/main/media/terrain.png).',
      ''
    ].join('\n'))
  })

  test('empty lists render nothing, not even a heading', () => {
    expect(renderReadingList({...withEntries, readingList: []})).toEqual([])
    expect(renderEnvironments({...withEntries, environments: []})).toEqual([])
    expect(toMarkdown(renderReadme({...survey, readingList: [], environments: []}))).not.toMatch(/Reading List|Environments/)
  })

  test('both get their own entries in the table of contents, sections nested', () => {
    const toc = toMarkdown(renderReadme(withEntries)).split('\n## Contents\n')[1]!.split('\n## ')[0]!
    expect(toc.split('\n').filter((line) => /Reading|Environments|RL\]|Cross/.test(line))).toEqual([
      '- [📖 Reading List](#-reading-list)',
      '  - [General-RL](#general-rl)',
      '  - [VLM-RL](#vlm-rl)',
      '  - [Generative-RL](#generative-rl)',
      '  - [Cross papers](#cross-papers)',
      '- [🎮 Environments](#-environments)'
    ])
  })
})
