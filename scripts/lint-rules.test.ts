import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')

async function restricted(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT })
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message)
}

describe('the lint rule against spreading arrays into calls', () => {
  it.each([
    ['push(...x)', 'export function f(a: number[], b: number[]): void {\n  a.push(...b)\n}\n'],
    ['Math.max(...x)', 'export const f = (a: number[]): number => Math.max(...a)\n'],
    ['new X(...x)', 'export const f = (a: number[]): Set<number> => new Set<number>(...[a])\n'],
    ['fn.apply(this, x)', 'export const f = (a: number[]): number => Math.max.apply(null, a)\n'],
  ])('flags %s in production code', async (_label, code) => {
    expect(await restricted('shared/engine/planted.ts', code)).toEqual([
      expect.stringMatching(/overflows the stack on large arrays/),
    ])
  })

  it('leaves array literals and tests alone', async () => {
    expect(
      await restricted('shared/engine/planted.ts', 'export const f = (a: number[]): number[] => [...a, 1]\n'),
    ).toEqual([])
    expect(await restricted('shared/engine/planted.test.ts', 'Math.max(...[1, 2])\n')).toEqual([])
    expect(
      await restricted(
        'shared/app/planted.ts',
        'export const f = (g: (...a: number[]) => number, args: [number]): number => g(...args)\n',
      ),
    ).toEqual([])
  })
})
