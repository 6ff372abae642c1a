import {describe, expect, test} from 'vitest'
import {modelFamilies, modelFamily} from '../src/model-family.js'

describe('modelFamily', () => {
  test('gathers every version and spelling of a family under one name', () => {
    const names = ['GPT-3', 'GPT-3.5', 'GPT-3.5-Turbo', 'GPT-4', 'GPT-4V', 'ChatGPT', 'Codex', 'Llama', 'LLaMA', 'Llama 2', 'CodeLlama', 'FLAN-T5', 'T5']
    expect(names.map(modelFamily)).toEqual(['GPT', 'GPT', 'GPT', 'GPT', 'GPT', 'GPT', 'GPT', 'Llama', 'Llama', 'Llama', 'Llama', 'T5', 'T5'])
  })

  test('a name no rule gathers is its own family, named by its first word', () => {
    const names = ['Vicuna-1.5', 'Vicuna', 'Gemini-Pro', 'LLaVA-v1.6-Mistral', 'ChatGLM-Turbo', 'PaLM', 'CLIP', 'Meerkat', 'LongChat']
    expect(names.map(modelFamily)).toEqual(['Vicuna', 'Vicuna', 'Gemini', 'LLaVA', 'ChatGLM', 'PaLM', 'CLIP', 'Meerkat', 'LongChat'])
  })

  test('names that only look alike stay apart', () => {
    expect(['ChatGLM', 'GPTQ-Llama', 'T5X', 'Codexia'].map(modelFamily)).toEqual(['ChatGLM', 'Llama', 'T5X', 'Codexia'])
  })

  test('a method\'s families, each once, in its models\' order', () => {
    expect(modelFamilies({models: ['Llama 2', 'GPT-4', 'CodeLlama', 'GPT-3.5']})).toEqual(['Llama', 'GPT'])
  })
})
