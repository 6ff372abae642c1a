/** The flags of `fmrl add` and what each sets; lists are comma-separated, symbols in any notation. */
export const addFlags: ReadonlyArray<readonly [string, string]> = [
  ['--role', 'role id: agent, planner or reward'],
  ['--category', 'category id or name within the role, e.g. parametric'],
  ['--name', 'method name as the paper gives it'],
  ['--citation', 'short citation, e.g. "Zhang et al., 2023a"'],
  ['--models', 'foundation models, comma-separated'],
  ['--ft', 'fine-tuning symbol from content/legend.md'],
  ['--fm-roles', 'FM role symbols, comma-separated'],
  ['--rl-agent', 'RL agent symbol'],
  ['--rl-task', 'RL task symbol'],
  ['--rl-setting', 'RL setting symbol'],
  ['--rl-roles', 'RL role symbols, comma-separated'],
  ['--metrics', 'metric symbols, comma-separated'],
  ['--code', 'code URL (default -)'],
  ['--paper', 'paper URL (default -)'],
  ['--authors', 'for a new reference: authors as the reference list prints them'],
  ['--title', 'for a new reference: paper title'],
  ['--venue', 'for a new reference: venue']
]
