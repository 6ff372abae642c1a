import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import type {JsonFinding} from '../src/lint-report.js'
import {countByRule, repositoryRoot, run, showFinding} from './helpers.js'

// Every finding on the real awesome lists in fixtures/lists/, each read by hand against its list.
// The false alarms found there were fixed in the rules (packages/lint), not here. Files of the
// original repositories (images, CONTRIBUTING.md, LICENSE) are missing beside these copies, so
// no-missing-file reports them; in their own repositories it would not.
const pinned: Record<string, string[]> = {
  "Eileen19200930--Awesome-Agent-Papers.md": [
    "23:35-23:40: error: Unexpected anchor `#-ICL` that matches no heading, expected the id of a heading (no-dead-anchor)",
    "31:15-31:21: error: Unexpected anchor `#-友情链接` that matches no heading, expected the id of a heading (no-dead-anchor)"
  ],
  "GT-RIPL--Awesome-LLM-Robotics.md": [
    "48:172-48:203: warning: Unexpected `http:` URL `http://github.com/rowanz/piglet`, expected `https://github.com/rowanz/piglet` (github.com serves https) (prefer-https)",
    "75:134-75:166: error: Unexpected URL `https://arxiv.org/abs/2201.07207` for `ZSP`, already the link of `PIGLeT` (line 48); expected each entry to have its own link (no-duplicate-url)"
  ],
  "LuciusMos--awesome-rl-env-zoo.md": [
    "190:109-190:124: error: Unexpected link to missing file `CONTRIBUTING.md`, expected `fixtures/lists/CONTRIBUTING.md` to exist in the repository (no-missing-file)"
  ],
  "Paitesanshi--LLM-Agent-Survey.md": [
    "13:17-13:33: error: Unexpected image to missing file `assets/trend.png`, expected `fixtures/lists/assets/trend.png` to exist in the repository (no-missing-file)",
    "26:24-26:47: error: Unexpected image to missing file `assets/architecture.png`, expected `fixtures/lists/assets/architecture.png` to exist in the repository (no-missing-file)",
    "184:37-184:40: error: Unexpected link to missing file `url`, expected `fixtures/lists/url` to exist in the repository (no-missing-file)",
    "185:37-185:40: error: Unexpected link to missing file `url`, expected `fixtures/lists/url` to exist in the repository (no-missing-file)",
    "377:37-377:40: error: Unexpected link to missing file `url`, expected `fixtures/lists/url` to exist in the repository (no-missing-file)",
    "1104:19-1104:35: error: Unexpected image to missing file `assets/table.png`, expected `fixtures/lists/assets/table.png` to exist in the repository (no-missing-file)"
  ],
  "Sun-Haoyuan23--Awesome-RL-based-Reasoning-MLLMs.md": [
    "5:72-5:79: error: Unexpected link to missing file `LICENSE`, expected `fixtures/lists/LICENSE` to exist in the repository (no-missing-file)",
    "27:10-27:24: error: Unexpected image to missing file `Multimodal.jpg`, expected `fixtures/lists/Multimodal.jpg` to exist in the repository (no-missing-file)",
    "82:92-82:128: warning: Unexpected URL variant `https://www.arxiv.org/abs/2505.05470`, expected `https://arxiv.org/abs/2505.05470` (canonical-url)",
    "94:70-94:106: warning: Unexpected URL variant `https://www.arxiv.org/abs/2504.13617`, expected `https://arxiv.org/abs/2504.13617` (canonical-url)",
    "116:143-116:179: warning: Unexpected URL variant `https://www.arxiv.org/abs/2504.02587`, expected `https://arxiv.org/abs/2504.02587` (canonical-url)",
    "170:80-170:112: error: Unexpected URL `https://arxiv.org/abs/2504.01805` for `Spatial-R1: Enhancing MLLMs in Video Spatial Reasoning`, already the link of `SpaceR: Reinforcing MLLMs in Video Spatial Reasoning` as `https://arxiv.org/pdf/2504.01805v2` (line 164); expected each entry to have its own link (no-duplicate-url)",
    "224:94-224:130: warning: Unexpected URL variant `https://www.arxiv.org/pdf/2505.16282`, expected `https://arxiv.org/pdf/2505.16282` (canonical-url)",
    "257:118-257:154: warning: Unexpected URL variant `https://www.arxiv.org/abs/2505.00063`, expected `https://arxiv.org/abs/2505.00063` (canonical-url)",
    "259:116-259:147: warning: Unexpected `http:` URL `http://arxiv.org/abs/2504.15279`, expected `https://arxiv.org/abs/2504.15279` (arxiv.org serves https) (prefer-https)"
  ],
  "TsinghuaC3I--Awesome-RL-for-LRMs.md": [],
  "aikorea--awesome-rl.md": [
    "86:63-86:100: warning: Unexpected `http:` URL `http://arxiv.org/pdf/cs/9901002v1.pdf`, expected `https://arxiv.org/pdf/cs/9901002v1.pdf` (arxiv.org serves https) (prefer-https)",
    "125:12-125:17: error: Unexpected link to missing file `blank`, expected `fixtures/lists/blank` to exist in the repository (no-missing-file)"
  ],
  "clvrai--awesome-rl-envs.md": [
    "43:16-43:55: error: Unexpected `://github.com/ppaquette/gym-super-mario` without a scheme (it reads as a file path), expected `https://github.com/ppaquette/gym-super-mario` (no-malformed-url)",
    "117:42-117:73: error: Unexpected `://github.com/openai/neural-mmo` without a scheme (it reads as a file path), expected `https://github.com/openai/neural-mmo` (no-malformed-url)",
    "132:3-132:72: warning: Unexpected title `Assistive-gym`, the same as `Assistive-gym` (line 12); expected each paper once (no-duplicate-title)",
    "169:16-169:55: error: Unexpected `://github.com/duckietown/gym-duckietown` without a scheme (it reads as a file path), expected `https://github.com/duckietown/gym-duckietown` (no-malformed-url)"
  ],
  "mengdi-li--awesome-RLAIF.md": [],
  "opendilab--awesome-RLHF.md": [
    "35:15-35:37: error: Unexpected image to missing file `./overview_chatgpt.png`, expected `fixtures/lists/overview_chatgpt.png` to exist in the repository (no-missing-file)",
    "39:15-39:40: error: Unexpected image to missing file `./overview_video_game.png`, expected `fixtures/lists/overview_video_game.png` to exist in the repository (no-missing-file)",
    "112:22-112:52: warning: Unexpected `http:` URL `http://rl-diffusion.github.io/`, expected `https://rl-diffusion.github.io/` (rl-diffusion.github.io serves https) (prefer-https)",
    "162:3-162:126: warning: Unexpected title `AlignDiff: Aligning Diverse Human Preferences via Behavior-Customisable Diffusion Model`, the same as `AlignDiff: Aligning Diverse Human Preferences via Behavior-Customisable Diffusion Model` (line 114); expected each paper once (no-duplicate-title)",
    "509:11-509:23: error: Unexpected link to missing file `README_TU.md`, expected `fixtures/lists/README_TU.md` to exist in the repository (no-missing-file)",
    "513:109-513:124: error: Unexpected link to missing file `CONTRIBUTING.md`, expected `fixtures/lists/CONTRIBUTING.md` to exist in the repository (no-missing-file)"
  ],
  "sindresorhus--awesome-tap.md": [],
  "vicgalle--awesome-rlaif.md": [],
  "whitbrunn--Awesome-RL-in-VLA.md": [
    "13:188-13:231: error: Unexpected link to missing file `notes/attachments/Pi%2006_260127_100858.pdf`, expected `fixtures/lists/notes/attachments/Pi 06_260127_100858.pdf` to exist in the repository (no-missing-file)"
  ],
  "zchoi--Awesome-Embodied-Robotics-and-Agent.md": [
    "54:15-54:24: error: Unexpected link to missing file `trend.png`, expected `fixtures/lists/trend.png` to exist in the repository (no-missing-file)",
    "55:15-55:26: error: Unexpected link to missing file `Genshin.jpg`, expected `fixtures/lists/Genshin.jpg` to exist in the repository (no-missing-file)",
    "63:15-63:39: error: Unexpected link to missing file `assets/overview_eval.png`, expected `fixtures/lists/assets/overview_eval.png` to exist in the repository (no-missing-file)",
    "188:3-188:134: warning: Unexpected title `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills`, the same as `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills` (line 170); expected each paper once (no-duplicate-title)",
    "200:77-200:109: error: Unexpected URL `https://arxiv.org/pdf/2406.01014` for `Mobile-Agent: The Powerful Mobile Device Operation Assistant Family`, already the link of `Mobile-Agent-v2: Mobile Device Operation Assistant with Effective Navigation via Multi-Agent Collaboration` (line 196); expected each entry to have its own link (no-duplicate-url)",
    "235:52-235:108: error: Unexpected URL `https://openreview.net/attachment?id=sFyTZEqmUY&name=pdf` for `Learning Interactive Real-World Simulators`, already the link of `KALM: Knowledgeable Agents by Offline Reinforcement Learning from Large Language Model Rollouts` (line 231); expected each entry to have its own link (no-duplicate-url)",
    "285:3-285:112: warning: Unexpected title `Language Reward Modulation for Pretraining Reinforcement Learning`, the same as `Language Reward Modulation for Pretraining Reinforcement Learning` (line 276); expected each paper once (no-duplicate-title)",
    "318:3-318:134: warning: Unexpected title `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills`, the same as `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills` (line 170); expected each paper once (no-duplicate-title)",
    "519:96-519:127: warning: Unexpected `http:` URL `http://arxiv.org/abs/2305.01098`, expected `https://arxiv.org/abs/2305.01098` (arxiv.org serves https) (prefer-https)",
    "567:3-567:134: warning: Unexpected title `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills`, the same as `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills` (line 170); expected each paper once (no-duplicate-title)",
    "608:3-608:133: warning: Unexpected title `RoboRefer: Towards Spatial Referring with Reasoning in Vision-Language Models for Robotics`, the same as `RoboRefer: Towards Spatial Referring with Reasoning in Vision-Language Models for Robotics` (line 302); expected each paper once (no-duplicate-title)",
    "612:3-612:125: warning: Unexpected title `DivScene: Benchmarking LVLMs for Object Navigation with Diverse Scenes and Objects`, the same as `DivScene: Benchmarking LVLMs for Object Navigation with Diverse Scenes and Objects` (line 524); expected each paper once (no-duplicate-title)",
    "620:3-620:121: warning: Unexpected title `Online Continual Learning for Interactive Instruction Following Agents`, the same as `Online Continual Learning for Interactive Instruction Following Agents` (line 272); expected each paper once (no-duplicate-title)",
    "632:84-632:125: error: Unexpected URL `https://openreview.net/pdf?id=0IOX0YcCdTn` for `ALFWorld: Aligning Text and Embodied Environments for Interactive Learning`, already the link of `SmartPlay: A Benchmark for LLMs as Intelligent Agents` (line 624); expected each entry to have its own link (no-duplicate-url)",
    "731:3-731:134: warning: Unexpected title `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills`, the same as `Meta-Control: Automatic Model-based Control System Synthesis for Heterogeneous Robot Skills` (line 170); expected each paper once (no-duplicate-title)"
  ],
  "zhousheng97--Awesome-MLLM-TextVQA.md": []
}

const folder = join(repositoryRoot, 'fixtures/lists')
// A list may be removed at its owner's request (see fixtures/lists/README.md): pins follow the files.
const present = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()

async function lintList(name: string): Promise<{code: number; findings: string[]}> {
  const result = await run(['lint', '--format', 'json', `fixtures/lists/${name}`], repositoryRoot)
  const findings = (JSON.parse(result.out) as JsonFinding[]).map(showFinding)
  return {code: result.code, findings}
}

describe('fmrl lint on real awesome lists', () => {
  test('every list in fixtures/lists/ is pinned', () => {
    expect(present.filter((name) => !(name in pinned))).toEqual([])
  })

  for (const name of present.filter((candidate) => candidate in pinned)) {
    test(name, async () => {
      const {code, findings} = await lintList(name)
      expect(findings).toEqual(pinned[name])
      expect(code).toBe(findings.some((finding) => / error: /.test(finding)) ? 1 : 0)
    })
  }

  test('counts per rule', () => {
    const counts = Object.fromEntries(Object.entries(pinned).filter(([, findings]) => findings.length > 0).map(([name, findings]) => [name.split('--')[0], countByRule(findings)]))
    expect(counts).toEqual({
      "Eileen19200930": {'no-dead-anchor': 2},
      "GT-RIPL": {'prefer-https': 1, 'no-duplicate-url': 1},
      "LuciusMos": {'no-missing-file': 1},
      "Paitesanshi": {'no-missing-file': 6},
      "Sun-Haoyuan23": {'no-missing-file': 2, 'canonical-url': 5, 'no-duplicate-url': 1, 'prefer-https': 1},
      "aikorea": {'prefer-https': 1, 'no-missing-file': 1},
      "clvrai": {'no-malformed-url': 3, 'no-duplicate-title': 1},
      "opendilab": {'no-missing-file': 4, 'prefer-https': 1, 'no-duplicate-title': 1},
      "whitbrunn": {'no-missing-file': 1},
      "zchoi": {'no-missing-file': 3, 'no-duplicate-title': 8, 'no-duplicate-url': 3, 'prefer-https': 1}
    })
  })
})
