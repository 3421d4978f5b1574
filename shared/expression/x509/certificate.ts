/**
 * The parts of an X.509 certificate the Cert* functions return, read from DER (or base64 / PEM text),
 * formatted as .NET's X509Certificate2 shows them.
 */
import { base64ToBytes } from '../../text/base64'
import { bytesToHex } from '../codec/hex'
import { decodeUtf8 } from '../codec/text-encoding'
import { sha1 } from '../crypto/hashes'
import type { DerElement } from './der'
import { DerError, TAG, children, decodeOid, decodeString, decodeTime, expectTag, readElement } from './der'

/** One attribute of a distinguished name. */
export interface NameAttribute {
  readonly oid: string
  readonly value: string
}

/** A parsed certificate. */
export interface Certificate {
  readonly der: Uint8Array
  readonly version: number
  readonly serialNumber: Uint8Array
  readonly signatureAlgorithmOid: string
  /** RDNs in DER order (most general first); each RDN holds one or more attributes. */
  readonly issuer: readonly (readonly NameAttribute[])[]
  readonly subject: readonly (readonly NameAttribute[])[]
  readonly notBefore: Date
  readonly notAfter: Date
  readonly publicKeyAlgorithmOid: string
  /** DER of the algorithm parameters (e.g. NULL for RSA, the curve OID for EC), empty when absent. */
  readonly publicKeyParameters: Uint8Array
  readonly extensions: readonly CertificateExtension[]
}

/** One extension. */
export interface CertificateExtension {
  readonly oid: string
  readonly critical: boolean
  readonly value: Uint8Array
}

/** A certificate, or why the bytes are not one. */
export type CertificateResult =
  { readonly ok: true; readonly certificate: Certificate } | { readonly ok: false; readonly message: string }

/** Reads DER bytes, or bytes/text holding base64 (with or without PEM armour). */
export function readCertificate(input: Uint8Array | string): CertificateResult {
  const der =
    typeof input === 'string'
      ? fromText(input)
      : input[0] === TAG.sequence
        ? input
        : fromText(decodeUtf8(input, false) ?? '')
  if (der === null) return { ok: false, message: 'The value is neither DER nor base64 certificate data.' }
  try {
    return { ok: true, certificate: parse(der) }
  } catch (error) {
    if (error instanceof DerError) return { ok: false, message: `Not an X.509 certificate: ${error.message}` }
    throw error
  }
}

function fromText(text: string): Uint8Array | null {
  const body = text.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '')
  return base64ToBytes(body)
}

function parse(der: Uint8Array): Certificate {
  const outer = expectTag(readElement(der, 0), TAG.sequence, 'a certificate SEQUENCE')
  if (outer.encoded.length !== der.length) throw new DerError('Trailing data after the certificate.')
  const [tbs, signatureAlgorithm] = children(outer)
  const fields = children(expectTag(tbs, TAG.sequence, 'the TBSCertificate'))
  let index = 0
  let version = 1
  const head = fields[0]
  if (head !== undefined && head.tag === 0xa0) {
    const versionInteger = expectTag(children(head)[0], TAG.integer, 'the version')
    version = integerValue(versionInteger.content) + 1
    index++
  }
  const serial = expectTag(fields[index++], TAG.integer, 'the serial number')
  expectTag(fields[index++], TAG.sequence, 'the signature algorithm')
  const issuer = readName(expectTag(fields[index++], TAG.sequence, 'the issuer'))
  const validity = children(expectTag(fields[index++], TAG.sequence, 'the validity'))
  const subject = readName(expectTag(fields[index++], TAG.sequence, 'the subject'))
  const publicKeyInfo = children(expectTag(fields[index++], TAG.sequence, 'the public key'))
  const keyAlgorithm = children(expectTag(publicKeyInfo[0], TAG.sequence, 'the public key algorithm'))
  const extensions: CertificateExtension[] = []
  for (const field of fields.slice(index)) {
    if (field.tag === 0xa3) for (const extension of readExtensions(field)) extensions.push(extension)
  }
  const [notBefore, notAfter] = validity
  if (notBefore === undefined || notAfter === undefined) throw new DerError('Incomplete validity.')
  return {
    der,
    version,
    serialNumber: serial.content,
    signatureAlgorithmOid: decodeOid(
      expectTag(
        children(expectTag(signatureAlgorithm, TAG.sequence, 'the signature algorithm'))[0],
        TAG.oid,
        'an OID',
      ).content,
    ),
    issuer,
    subject,
    notBefore: decodeTime(notBefore),
    notAfter: decodeTime(notAfter),
    publicKeyAlgorithmOid: decodeOid(expectTag(keyAlgorithm[0], TAG.oid, 'the key algorithm OID').content),
    publicKeyParameters: keyAlgorithm[1]?.encoded ?? new Uint8Array(0),
    extensions,
  }
}

function integerValue(content: Uint8Array): number {
  let value = 0
  for (const byte of content) value = value * 256 + byte
  return value
}

function readName(name: DerElement): readonly (readonly NameAttribute[])[] {
  return children(name).map((rdn) =>
    children(expectTag(rdn, TAG.set, 'an RDN')).map((pair) => {
      const [type, value] = children(expectTag(pair, TAG.sequence, 'a name attribute'))
      return {
        oid: decodeOid(expectTag(type, TAG.oid, 'an attribute type').content),
        value: value === undefined ? '' : decodeString(value),
      }
    }),
  )
}

function readExtensions(wrapper: DerElement): readonly CertificateExtension[] {
  const list = expectTag(children(wrapper)[0], TAG.sequence, 'the extensions')
  return children(list).map((extension) => {
    const parts = children(expectTag(extension, TAG.sequence, 'an extension'))
    const oid = decodeOid(expectTag(parts[0], TAG.oid, 'an extension OID').content)
    const critical = parts[1]?.tag === TAG.boolean ? (parts[1].content[0] ?? 0) !== 0 : false
    const value = parts[parts.length - 1]
    return { oid, critical, value: value?.tag === TAG.octetString ? value.content : new Uint8Array(0) }
  })
}

/** SHA-1 of the DER in upper-case hex: the thumbprint Windows shows. */
export function thumbprint(certificate: Certificate): string {
  return bytesToHex(sha1(certificate.der))
}

const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.4', 'SN'],
  ['2.5.4.5', 'SERIALNUMBER'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'S'],
  ['2.5.4.9', 'STREET'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['2.5.4.12', 'T'],
  ['2.5.4.42', 'G'],
  ['2.5.4.43', 'I'],
  ['1.2.840.113549.1.9.1', 'E'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['0.9.2342.19200300.100.1.1', 'UID'],
])

/** A name as .NET prints it: most specific RDN first, `, ` between RDNs, ` + ` inside one. */
export function formatName(name: readonly (readonly NameAttribute[])[]): string {
  return [...name]
    .reverse()
    .map((rdn) =>
      rdn
        .map(
          (attribute) =>
            `${SHORT_NAMES.get(attribute.oid) ?? `OID.${attribute.oid}`}=${quote(attribute.value)}`,
        )
        .join(' + '),
    )
    .join(', ')
}

function quote(value: string): string {
  const needsQuotes = /[,+="\n<>#;]/.test(value) || value !== value.trim() || value === ''
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value
}

/** The value of the first attribute with this OID, searching from the most specific RDN. */
export function nameValue(name: readonly (readonly NameAttribute[])[], oid: string): string | null {
  for (let i = name.length - 1; i >= 0; i--) {
    const hit = (name[i] ?? []).find((attribute) => attribute.oid === oid)
    if (hit !== undefined) return hit.value
  }
  return null
}

/** Subject alternative names of one kind (context tag: 1 email, 2 DNS, 6 URI; 0 with the UPN OID). */
export function alternativeNames(
  certificate: Certificate,
  kind: 'email' | 'dns' | 'uri' | 'upn',
): readonly string[] {
  const extension = certificate.extensions.find((candidate) => candidate.oid === '2.5.29.17')
  if (extension === undefined) return []
  try {
    const names = children(readElement(extension.value, 0))
    const tag = kind === 'email' ? 0x81 : kind === 'dns' ? 0x82 : kind === 'uri' ? 0x86 : 0xa0
    return names
      .filter((name) => name.tag === tag)
      .flatMap((name) => (kind === 'upn' ? upnOf(name) : [latin1Text(name.content)]))
  } catch (error) {
    if (error instanceof DerError) return []
    throw error
  }
}

function upnOf(otherName: DerElement): readonly string[] {
  const [typeId, wrapped] = children(otherName)
  if (
    typeId?.tag !== TAG.oid ||
    decodeOid(typeId.content) !== '1.3.6.1.4.1.311.20.2.3' ||
    wrapped === undefined
  )
    return []
  const inner = children(wrapped)[0]
  return inner === undefined ? [] : [decodeString(inner)]
}

function latin1Text(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return text
}
