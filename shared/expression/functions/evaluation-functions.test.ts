import { describe, expect, it } from 'vitest'
import { valueOf } from '../testing/eval-helpers'

const attributes = {
  empty: '',
  text: 'abc',
  number: 42,
  numericText: '42',
  flag: false,
  bin: new Uint8Array([1, 2]),
  guid: '{00112233-4455-6677-8899-aabbccddeeff}',
  date: '2013-01-10',
  list: ['a', ''],
  numbers: ['1', '2'],
}

describe('evaluation functions', () => {
  it.each([
    ['IsBitSet(&HF,4)', true],
    ['IsBitSet(&HF,16)', false],
    ['IsBitSet(512,2)', false],
    ['IsBitSet(514,2)', true],
    ['IsNull([missing])', true],
    ['IsNull([empty])', false],
    ['IsNull(NULL)', true],
    ['IsNull(IgnoreThisFlow)', true],
    ['IsEmpty([empty])', true],
    ['IsEmpty([missing])', false],
    ['IsEmpty([text])', false],
    ['IsNullOrEmpty([missing])', true],
    ['IsNullOrEmpty([empty])', true],
    ['IsNullOrEmpty([text])', false],
    ['IsNullOrEmpty([list])', false],
    ['IsPresent([text])', true],
    ['IsPresent([empty])', false],
    ['IsPresent([missing])', false],
    ['IsPresent([flag])', true],
    ['IsPresent([list])', true],
    ['IsNumeric([number])', true],
    ['IsNumeric([numericText])', true],
    ['IsNumeric([text])', false],
    ['IsNumeric([numbers])', true],
    ['IsNumeric([missing])', false],
    ['IsString([text])', true],
    ['IsString([number])', true],
    ['IsString([bin])', false],
    ['IsString([missing])', false],
    ['IsGuid([guid])', true],
    ['IsGuid("00112233-4455-6677-8899-aabbccddeeff")', true],
    ['IsGuid([text])', false],
    ['IsGuid([bin])', false],
    ['IsDate([date])', true],
    ['IsDate([text])', false],
    ['IsDate(Now())', true],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression, { attributes })).toEqual(expected)
  })
})
