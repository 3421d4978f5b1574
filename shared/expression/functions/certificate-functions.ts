/**
 * Certificate functions: the X.509 fields as .NET's X509Certificate2 reports them, read from DER or
 * base64 bytes/text by the pure-TypeScript reader in ../x509.
 */
import { bytesToHex } from '../codec/hex'
import { asBoolean, asOptionName } from '../convert'
import { EvalFailure } from '../eval-failure'
import type { RuntimeValue } from '../runtime-value'
import { NULL, isSpecial, listOrNull, typeName } from '../runtime-value'
import type { Certificate } from '../x509/certificate'
import { alternativeNames, formatName, nameValue, readCertificate, thumbprint } from '../x509/certificate'
import { TAG, decodeOid, readElement } from '../x509/der'
import type { FunctionImpl } from './function-types'
import { arg, given } from './function-types'

const parsed = new WeakMap<Uint8Array, Certificate>()

function certificateOf(value: RuntimeValue, what: string): Certificate {
  if (!(value instanceof Uint8Array) && typeof value !== 'string') {
    throw new EvalFailure(`${what} expects certificate data (binary or base64) but got ${typeName(value)}.`)
  }
  if (value instanceof Uint8Array) {
    const cached = parsed.get(value)
    if (cached !== undefined) return cached
  }
  const result = readCertificate(value)
  if (!result.ok) throw new EvalFailure(`${what}: ${result.message}`)
  if (value instanceof Uint8Array) parsed.set(value, result.certificate)
  return result.certificate
}

/** A per-certificate field reader as a function. */
function field(what: string, read: (certificate: Certificate) => RuntimeValue): FunctionImpl {
  return (args) => read(certificateOf(arg(args, 0), what))
}

/** OID of the most specific attribute of a name. UNSURE: .NET's X500DistinguishedName.Oid is rarely set. */
function nameOid(name: Certificate['subject']): RuntimeValue {
  const last = name[name.length - 1]
  return last?.[0]?.oid ?? NULL
}

/** The curve or parameter OID when the parameters are an OID, else the key algorithm OID. */
function parametersOid(certificate: Certificate): string {
  const parameters = certificate.publicKeyParameters
  if (parameters.length > 0 && parameters[0] === TAG.oid) {
    return decodeOid(readElement(parameters, 0).content)
  }
  return certificate.publicKeyAlgorithmOid
}

/**
 * CertExtensionOids(cert[, critical]): OIDs of the critical extensions (the reference), or with False the
 * non-critical ones. UNSURE: the second (Boolean) argument exists only in the engine registry.
 */
const extensionOids: FunctionImpl = (args) => {
  const certificate = certificateOf(arg(args, 0), 'CertExtensionOids')
  const critical = given(args, 1) ? asBoolean(arg(args, 1), 'CertExtensionOids') : true
  return listOrNull(
    certificate.extensions.filter((extension) => extension.critical === critical).map((e) => e.oid),
  )
}

/** CertNameInfo(cert, X509NameType, forIssuer) as .NET's GetNameInfo. */
const nameInfo: FunctionImpl = (args) => {
  const certificate = certificateOf(arg(args, 0), 'CertNameInfo')
  const type = asOptionName(arg(args, 1), 'CertNameInfo').toLowerCase()
  const forIssuer = asBoolean(arg(args, 2), 'CertNameInfo')
  const name = forIssuer ? certificate.issuer : certificate.subject
  const alternative = (kind: 'email' | 'dns' | 'uri' | 'upn'): string | null =>
    forIssuer ? null : (alternativeNames(certificate, kind)[0] ?? null)
  switch (type) {
    case 'simplename':
      return (
        nameValue(name, '2.5.4.3') ??
        nameValue(name, '1.2.840.113549.1.9.1') ??
        name[name.length - 1]?.[0]?.value ??
        ''
      )
    case 'emailname':
      return nameValue(name, '1.2.840.113549.1.9.1') ?? alternative('email') ?? ''
    case 'upnname':
      return alternative('upn') ?? ''
    case 'dnsname':
      return alternative('dns') ?? nameValue(name, '2.5.4.3') ?? ''
    case 'dnsfromalternativename':
      return alternative('dns') ?? ''
    case 'urlname':
      return alternative('uri') ?? ''
    default:
      throw new EvalFailure(
        `CertNameInfo name type must be SimpleName, EmailName, UpnName, DnsName, DnsFromAlternativeName or UrlName, not "${type}".`,
      )
  }
}

/** IsCert: True when the value parses as a certificate; NULL and other types are False. */
const isCert: FunctionImpl = (args) => {
  const value = arg(args, 0)
  if (isSpecial(value) || (!(value instanceof Uint8Array) && typeof value !== 'string')) return false
  return readCertificate(value).ok
}

/** The certificate functions by name. */
export const CERTIFICATE_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['CertExtensionOids', extensionOids],
  ['CertFormat', field('CertFormat', () => 'X509')],
  // A DER certificate carries no friendly name (it lives in the Windows certificate store).
  ['CertFriendlyName', field('CertFriendlyName', () => '')],
  ['CertHashString', field('CertHashString', thumbprint)],
  ['CertIssuer', field('CertIssuer', (c) => formatName(c.issuer))],
  ['CertIssuerDN', field('CertIssuerDN', (c) => formatName(c.issuer))],
  ['CertIssuerOid', field('CertIssuerOid', (c) => nameOid(c.issuer))],
  ['CertKeyAlgorithm', field('CertKeyAlgorithm', (c) => c.publicKeyAlgorithmOid)],
  ['CertKeyAlgorithmParams', field('CertKeyAlgorithmParams', (c) => bytesToHex(c.publicKeyParameters))],
  ['CertNameInfo', nameInfo],
  // UNSURE: the reference says local time; dates here are UTC because a snapshot has no server time zone.
  ['CertNotAfter', field('CertNotAfter', (c) => c.notAfter)],
  ['CertNotBefore', field('CertNotBefore', (c) => c.notBefore)],
  ['CertPublicKeyOid', field('CertPublicKeyOid', (c) => c.publicKeyAlgorithmOid)],
  ['CertPublicKeyParametersOid', field('CertPublicKeyParametersOid', parametersOid)],
  ['CertSerialNumber', field('CertSerialNumber', (c) => bytesToHex(c.serialNumber))],
  ['CertSignatureAlgorithmOid', field('CertSignatureAlgorithmOid', (c) => c.signatureAlgorithmOid)],
  ['CertSubject', field('CertSubject', (c) => formatName(c.subject))],
  ['CertSubjectNameDN', field('CertSubjectNameDN', (c) => formatName(c.subject))],
  ['CertSubjectNameOid', field('CertSubjectNameOid', (c) => nameOid(c.subject))],
  ['CertThumbprint', field('CertThumbprint', thumbprint)],
  ['CertVersion', field('CertVersion', (c) => c.version)],
  ['IsCert', isCert],
])
