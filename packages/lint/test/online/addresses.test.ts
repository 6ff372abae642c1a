import {describe, expect, test} from 'vitest'
import {addressPolicy, literalAddress, privateRange} from '../../src/online/addresses.js'

describe('privateRange', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['224.0.0.1', 'multicast'],
    ['8.8.8.8', undefined],
    ['140.82.112.3', undefined],
    ['2606:4700::6810:84e5', undefined],
    ['::ffff:8.8.8.8', undefined]
  ])('%s', (address, range) => {
    expect(privateRange(address)).toBe(range)
  })
})

describe('addressPolicy', () => {
  test('refuses every special range by default, saying which', () => {
    const policy = addressPolicy({allowPrivate: false})
    expect(['127.0.0.1', '169.254.169.254', 'fd00:ec2::254', '100.64.0.1', '8.8.8.8'].map(policy)).toEqual([
      'a loopback address',
      'a link-local address',
      'a unique-local address',
      'a carrier-grade NAT address',
      undefined
    ])
  })

  test('--allow-private lifts it whole; `allow` lets exact addresses through and nothing more', () => {
    expect(addressPolicy({allowPrivate: true})('169.254.169.254')).toBeUndefined()
    const test = addressPolicy({allowPrivate: false, allow: ['127.0.0.1']})
    expect([test('127.0.0.1'), test('::ffff:127.0.0.1'), test('127.0.0.2')]).toEqual([undefined, undefined, 'a loopback address'])
  })

  test('literalAddress: the hosts the URL parser writes as addresses', () => {
    expect(['127.0.0.1', '[::1]', '[fd00:ec2::254]', 'example.org', '1.example'].map(literalAddress)).toEqual(['127.0.0.1', '::1', 'fd00:ec2::254', undefined, undefined])
    expect(literalAddress(new URL('http://2130706433/').hostname)).toBe('127.0.0.1')
    expect(literalAddress(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1')
  })
})
