import type {Method} from './method.js'

/**
 * A family of foundation models, to group the names Table 1's Model(s) column gives (GPT-3, GPT-4V,
 * Codex are all GPT). A name takes the family of the first rule its name matches; a name no rule
 * matches is its own family, named by its first word (`Vicuna-1.5` is Vicuna, `Gemini-Pro` Gemini).
 */
export interface ModelFamilyRule {
  family: string
  pattern: RegExp
  /** Which names the rule gathers, and why they belong together. */
  why: string
}

export const modelFamilyRules: readonly ModelFamilyRule[] = [
  {family: 'GPT', pattern: /^(?:chat)?gpt\b|^codex\b/i, why: 'OpenAI\'s GPT series in every version (GPT-3, GPT-3.5-Turbo, GPT-4V, ChatGPT), and Codex, GPT-3 fine-tuned on code'},
  {family: 'Llama', pattern: /llama/i, why: 'Meta\'s Llama in every spelling and version (LLaMA, Llama 2, CodeLlama)'},
  {family: 'T5', pattern: /(?:^|[-\s])t5\b/i, why: 'Google\'s T5, instruction-tuned variants (FLAN-T5) included'}
]

/** The family of one model name (`GPT-3.5-Turbo` is GPT, `CodeLlama` Llama, `Vicuna-1.5` Vicuna). */
export function modelFamily(model: string): string {
  const name = model.trim()
  return modelFamilyRules.find((rule) => rule.pattern.test(name))?.family ?? name.split(/[\s-]/)[0]!
}

/** The families of a method's models, each once, in the order its models list them. */
export function modelFamilies(method: Pick<Method, 'models'>): string[] {
  return [...new Set(method.models.map(modelFamily))]
}
