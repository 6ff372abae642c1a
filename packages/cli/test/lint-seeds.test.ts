import {cp, mkdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {findMojibake} from '@fmrl/lint'
import {describe, expect, test} from 'vitest'
import type {JsonFinding} from '../src/lint-report.js'
import {countByRule, repositoryRoot, run, showFinding, temporaryRepository} from './helpers.js'

// Every finding on the four seeds, each checked by hand against the seed (see the lint README):
// mojibake, table-of-contents anchors that miss their emoji headings, member lists missing methods,
// "Over 40+" against 34 methods, README values that disagree with Table 1 (content/), a bibtex
// year before its arXiv id, an empty link, shared arXiv ids, images and links to missing files,
// GitHub `?tab=readme-ov-file` variants and a `[TOC]` marker GitHub does not expand.
const pinned: Record<string, string[]> = {
  '000_f034324e3aea4e9d.txt': [
    "9:1-9:5: error: Unexpected mojibake `\uf8ffüìÑ`, expected `📄` (UTF-8 read as Mac Roman) (no-mojibake)",
    "11:1-11:5: error: Unexpected mojibake `\uf8ffüìå`, expected `📌` (UTF-8 read as Mac Roman) (no-mojibake)",
    "15:4-15:7: error: Unexpected mojibake `‚ú®`, expected `✨` (UTF-8 read as Mac Roman) (no-mojibake)",
    "30:4-30:8: error: Unexpected mojibake `\uf8ffüöÄ`, expected `🚀` (UTF-8 read as Mac Roman) (no-mojibake)",
    "33:33-33:56: error: Unexpected claim `Over 40+ recent methods`, expected it to agree with the 34 methods in this file's tables: write `34 methods` (count-claim)",
    "39:4-39:8: error: Unexpected mojibake `\uf8ffüß†`, expected `🧠` (UTF-8 read as Mac Roman) (no-mojibake)",
    "41:14-41:23: error: Unexpected anchor `#datasets` that matches no heading, expected the id of a heading: did you mean `#-datasets`? (no-dead-anchor)",
    "42:22-42:39: error: Unexpected anchor `#llmvlam-as-agent` that matches no heading, expected the id of a heading: did you mean `#-llmvlm-as-agent`? (no-dead-anchor)",
    "43:24-43:43: error: Unexpected anchor `#llmvlam-as-planner` that matches no heading, expected the id of a heading: did you mean `#-llmvlm-as-planner`? (no-dead-anchor)",
    "44:23-44:41: error: Unexpected anchor `#llmvlam-as-reward` that matches no heading, expected the id of a heading: did you mean `#-llmvlm-as-reward`? (no-dead-anchor)",
    "45:32-45:59: error: Unexpected anchor `#future-research-directions` that matches no heading, expected the id of a heading: did you mean `#-future-research-directions`? (no-dead-anchor)",
    "46:14-46:23: error: Unexpected anchor `#citation` that matches no heading, expected the id of a heading: did you mean `#-citation`? (no-dead-anchor)",
    "50:4-50:8: error: Unexpected mojibake `\uf8ffüîç`, expected `🔍` (UTF-8 read as Mac Roman) (no-mojibake)",
    "62:4-62:8: error: Unexpected mojibake `\uf8ffü§ñ`, expected `🤖` (UTF-8 read as Mac Roman) (no-mojibake)",
    "64:1-64:28: warning: Unexpected member list `Parametric (fine-tuned)` without `GLAM`, expected all 6 methods of the table at line 69 (member-list)",
    "65:1-65:19: warning: Unexpected member list `Non-parametric` without `Xu et al.`, `LangGround`, expected all 7 methods of the table at line 80 (member-list)",
    "71:63-71:66: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "72:63-72:66: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "73:63-73:66: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "74:63-74:66: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "75:63-75:66: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "76:63-76:66: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "82:69-82:71: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "83:69-83:71: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "84:69-84:71: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "85:69-85:71: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "86:69-86:71: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "87:69-87:71: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "88:69-88:71: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "92:74-92:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "93:74-93:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "94:74-94:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "95:74-95:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "99:4-99:8: error: Unexpected mojibake `\uf8ffüß≠`, expected `🧭` (UTF-8 read as Mac Roman) (no-mojibake)",
    "101:1-101:27: warning: Unexpected member list `Comprehensive planners` without `LgTS`, `LLaRP`, `When2Ask`, expected all 7 methods of the table at line 106 (member-list)",
    "102:1-102:25: warning: Unexpected member list `Incremental planners` without `Text2Motion`, expected all 5 methods of the table at line 118 (member-list)",
    "108:59-108:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "109:59-109:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "110:59-110:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "111:59-111:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "112:59-112:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "113:59-113:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "113:97-113:153: error: Unexpected Code `-` for `When2Ask`, expected `https://github.com/ZJLAB-AMMI/LLM4RL` as at content/methods/planner.md:12:89 (consistent-values)",
    "114:59-114:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "114:63-114:78: error: Unexpected RL Role `π, v` for `Inner Monologue`, expected `o` as at content/methods/planner.md:13:95 (consistent-values)",
    "120:62-120:64: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "121:62-121:64: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "122:62-122:65: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "123:62-123:64: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "124:62-124:64: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "129:99-129:102: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "130:99-130:102: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "131:1-131:83: error: Unexpected Paper `https://arxiv.org/abs/2212.01599` for `Inner Monologue`, expected `https://arxiv.org/abs/2207.05608` as at content/methods/planner.md:13:117 (consistent-values)",
    "135:4-135:8: error: Unexpected mojibake `\uf8ffüéØ`, expected `🎯` (UTF-8 read as Mac Roman) (no-mojibake)",
    "138:1-138:17: warning: Unexpected member list `Reward Model` without `Kwon et al.`, `PREDILECT`, `ELLM`, expected all 6 methods of the table at line 150 (member-list)",
    "144:48-144:50: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "144:52-144:73: error: Unexpected RL Role `π, ref` for `Text2Reward`, expected `π` as at content/methods/reward.md:7:84 (consistent-values)",
    "144:66-144:69: error: Unexpected `ref` in column `RL Role`, expected one of `π`, `π_l`, `π_g`, `v`, `v_l`, `v_g`, `τ_π`, `rft`, `o`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)",
    "145:1-145:35: warning: Unexpected citation `2024` written as `YEAR`, expected the format of this file's other citations, `Author et al., YEAR`: `Zeng et al., 2024` (citation-format)",
    "145:48-145:50: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "146:48-146:50: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "152:1-152:36: warning: Unexpected citation `2023` written as `YEAR`, expected the format of this file's other citations, `Author et al., YEAR`: `Kwon et al., 2023` (citation-format)",
    "152:59-152:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "153:59-153:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "154:59-154:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "155:59-155:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "156:59-156:61: error: Unexpected mojibake `√ó`, expected `×` (UTF-8 read as Mac Roman) (no-mojibake)",
    "157:59-157:62: error: Unexpected mojibake `‚úì`, expected `✓` (UTF-8 read as Mac Roman) (no-mojibake)",
    "161:74-161:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "162:74-162:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "163:74-163:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "164:14-164:50: error: Unexpected URL `https://github.com/MineDojo/MineDojo` for `MineDojo`, already the link of `MineCLIP` (line 157); expected each entry to have its own link (no-duplicate-url)",
    "164:74-164:77: error: Unexpected mojibake `‚úÖ`, expected `✅` (UTF-8 read as Mac Roman) (no-mojibake)",
    "168:4-168:8: error: Unexpected mojibake `\uf8ffüß≠`, expected `🧭` (UTF-8 read as Mac Roman) (no-mojibake)",
    "177:4-177:8: error: Unexpected mojibake `\uf8ffüìö`, expected `📚` (UTF-8 read as Mac Roman) (no-mojibake)",
    "186:9-186:13: error: Unexpected year `2024` in the BibTeX entry of arXiv:2502.15214 (posted in 2025), expected `2025`: an arXiv preprint's year is the year it was posted (citation-year)",
    "192:4-192:8: error: Unexpected mojibake `\uf8ffü§ù`, expected `🤝` (UTF-8 read as Mac Roman) (no-mojibake)",
    "206:4-206:11: error: Unexpected mojibake `\uf8ffüóìÔ∏è`, expected `🗓️` (UTF-8 read as Mac Roman) (no-mojibake)"
  ],
  '001_d5d3570bc8b49d00.txt': [
    "135:5-135:36: error: Unexpected image to missing file `images/2502.15214v1.pdf-1-0.png`, expected `fixtures/seeds/images/2502.15214v1.pdf-1-0.png` to exist in the repository (no-missing-file)",
    "249:5-249:36: error: Unexpected image to missing file `images/2502.15214v1.pdf-2-0.png`, expected `fixtures/seeds/images/2502.15214v1.pdf-2-0.png` to exist in the repository (no-missing-file)",
    "251:5-251:36: error: Unexpected image to missing file `images/2502.15214v1.pdf-2-1.png`, expected `fixtures/seeds/images/2502.15214v1.pdf-2-1.png` to exist in the repository (no-missing-file)",
    "352:5-352:36: error: Unexpected image to missing file `images/2502.15214v1.pdf-4-0.png`, expected `fixtures/seeds/images/2502.15214v1.pdf-4-0.png` to exist in the repository (no-missing-file)",
    "354:5-354:36: error: Unexpected image to missing file `images/2502.15214v1.pdf-4-1.png`, expected `fixtures/seeds/images/2502.15214v1.pdf-4-1.png` to exist in the repository (no-missing-file)",
    "450:5-450:36: error: Unexpected image to missing file `images/2502.15214v1.pdf-5-0.png`, expected `fixtures/seeds/images/2502.15214v1.pdf-5-0.png` to exist in the repository (no-missing-file)",
    "452:5-452:36: error: Unexpected image to missing file `images/2502.15214v1.pdf-5-1.png`, expected `fixtures/seeds/images/2502.15214v1.pdf-5-1.png` to exist in the repository (no-missing-file)"
  ],
  '002_65008ec4654ceb78.txt': [
    "12:3-12:18: error: Unexpected empty link target in `[**[arXiv]**]()`, expected a URL between the parentheses (no-empty-link)",
    "37:48-37:91: error: Unexpected anchor `#awesome-multi-modal-reinforcement-learning` that matches no heading, expected the id of a heading (no-dead-anchor)",
    "75:72-75:104: error: Unexpected URL `https://arxiv.org/abs/2305.18290` for `SimPO: Simple Preference Optimization with a Reference-Free Reward`, already the link of `Direct Preference Optimization: Your Language Model is Secretly a Reward Model` (line 72); expected each entry to have its own link (no-duplicate-url)",
    "93:87-93:119: error: Unexpected URL `https://arxiv.org/abs/2305.20050` for `OpenR: An Open Source Framework for Advanced Reasoning with Large Language Models`, already the link of `Let's Verify Step by Step` (line 90); expected each entry to have its own link (no-duplicate-url)",
    "137:109-137:124: error: Unexpected link to missing file `CONTRIBUTING.md`, expected `fixtures/seeds/CONTRIBUTING.md` to exist in the repository (no-missing-file)"
  ],
  '003_f84490f62b47e7f3.txt': [
    "12:1-12:6: warning: Unexpected `[TOC]`, a table-of-contents marker GitHub does not expand, expected a written table of contents (a list of links to the headings) (no-undefined-reference)",
    "28:19-28:48: error: Unexpected image to missing file `./images/RL-GPT framework.png`, expected `fixtures/seeds/images/RL-GPT framework.png` to exist in the repository (no-missing-file)",
    "42:17-42:34: error: Unexpected image to missing file `./images/NLRL.png`, expected `fixtures/seeds/images/NLRL.png` to exist in the repository (no-missing-file)",
    "55:17-55:47: error: Unexpected image to missing file `./images/RLingua framework.png`, expected `fixtures/seeds/images/RLingua framework.png` to exist in the repository (no-missing-file)",
    "59:17-59:39: error: Unexpected image to missing file `./images/RLingua 2.png`, expected `fixtures/seeds/images/RLingua 2.png` to exist in the repository (no-missing-file)",
    "73:17-73:45: error: Unexpected image to missing file `images/Hi_Core framework.png`, expected `fixtures/seeds/images/Hi_Core framework.png` to exist in the repository (no-missing-file)",
    "87:19-87:49: error: Unexpected image to missing file `./images/TWOSOME framework.png`, expected `fixtures/seeds/images/TWOSOME framework.png` to exist in the repository (no-missing-file)",
    "101:15-101:38: error: Unexpected image to missing file `./images/skillshack.png`, expected `fixtures/seeds/images/skillshack.png` to exist in the repository (no-missing-file)",
    "103:13-103:77: warning: Unexpected URL variant `https://github.com/Farama-Foundation/MiniGrid?tab=readme-ov-file`, expected `https://github.com/Farama-Foundation/MiniGrid` (canonical-url)",
    "105:15-105:47: error: Unexpected image to missing file `./images/door-key-curriculum.gif`, expected `fixtures/seeds/images/door-key-curriculum.gif` to exist in the repository (no-missing-file)",
    "107:12-107:65: warning: Unexpected URL variant `https://github.com/danijar/crafter?tab=readme-ov-file`, expected `https://github.com/danijar/crafter` (canonical-url)",
    "109:9-109:29: error: Unexpected image to missing file `./images/crafter.gif`, expected `fixtures/seeds/images/crafter.gif` to exist in the repository (no-missing-file)",
    "113:15-113:49: error: Unexpected image to missing file `./images/MultiAgentRLenvDrones.gif`, expected `fixtures/seeds/images/MultiAgentRLenvDrones.gif` to exist in the repository (no-missing-file)",
    "117:15-117:46: error: Unexpected image to missing file `./images/MultiAgentParticle.gif`, expected `fixtures/seeds/images/MultiAgentParticle.gif` to exist in the repository (no-missing-file)",
    "119:12-119:75: warning: Unexpected URL variant `https://github.com/Farama-Foundation/MAgent2?tab=readme-ov-file`, expected `https://github.com/Farama-Foundation/MAgent2` (canonical-url)",
    "121:15-121:34: error: Unexpected image to missing file `./images/MAgent.gif`, expected `fixtures/seeds/images/MAgent.gif` to exist in the repository (no-missing-file)"
  ]
}

async function lintSeed(name: string): Promise<{code: number; findings: JsonFinding[]}> {
  const result = await run(['lint', '--format', 'json', `fixtures/seeds/${name}`], repositoryRoot)
  return {code: result.code, findings: JSON.parse(result.out) as JsonFinding[]}
}

describe('fmrl lint on the seeds as they are', () => {
  for (const [name, expected] of Object.entries(pinned)) {
    test(name, async () => {
      const {code, findings} = await lintSeed(name)
      expect(findings.map(showFinding)).toEqual(expected)
      expect(code).toBe(1)
    })
  }

  test('counts per rule', () => {
    expect(Object.fromEntries(Object.entries(pinned).map(([name, findings]) => [name.slice(0, 3), countByRule(findings)]))).toEqual({
      '000': {'no-mojibake': 57, 'count-claim': 1, 'no-dead-anchor': 6, 'member-list': 5, 'consistent-values': 4, 'no-unknown-symbol': 1, 'citation-format': 2, 'no-duplicate-url': 1, 'citation-year': 1},
      '001': {'no-missing-file': 7},
      '002': {'no-empty-link': 1, 'no-dead-anchor': 1, 'no-duplicate-url': 2, 'no-missing-file': 1},
      '003': {'no-undefined-reference': 1, 'no-missing-file': 12, 'canonical-url': 3}
    })
  })
})

describe('fmrl lint --fix on a copy of seed 000', () => {
  test('repairs all mojibake, leaves only findings without a fix, and a second run changes nothing', async () => {
    const root = await temporaryRepository()
    await mkdir(join(root, 'seeds'))
    const seed = join(root, 'seeds/000.md')
    await cp(join(repositoryRoot, 'fixtures/seeds/000_f034324e3aea4e9d.txt'), seed)

    const first = await run(['lint', '--fix', '--format', 'json', 'seeds/000.md'], root)
    expect(first.err).toBe('seeds/000.md: 57 fixes applied')
    const fixed = await readFile(seed, 'utf8')
    expect(findMojibake(fixed)).toEqual([])
    const remaining = JSON.parse(first.out) as JsonFinding[]
    expect(remaining.filter((finding) => finding.fix !== undefined)).toEqual([])
    expect(countByRule(remaining.map(showFinding))).toEqual({'count-claim': 1, 'no-dead-anchor': 6, 'member-list': 5, 'consistent-values': 4, 'no-unknown-symbol': 1, 'citation-format': 2, 'no-duplicate-url': 1, 'citation-year': 1})
    expect(first.code).toBe(1)

    const second = await run(['lint', '--fix', '--format', 'json', 'seeds/000.md'], root)
    expect(second.err).toBe('')
    expect(await readFile(seed, 'utf8')).toBe(fixed)
    expect(JSON.parse(second.out)).toEqual(remaining)
  })
})
