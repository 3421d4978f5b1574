import { describe, expect, it } from 'vitest'
import { base64ToBytes } from '../../text/base64'
import { valueOf } from '../testing/eval-helpers'

/**
 * A self-signed P-256 certificate made with openssl for these tests:
 * `openssl req -new -x509 -key key.pem -days 3650 -set_serial 0x1A2B3C4D5E
 *  -subj "/C=US/O=Contoso Ltd/OU=Identity/CN=SyncLens Test" -addext "basicConstraints=critical,CA:FALSE"
 *  -addext "keyUsage=critical,digitalSignature" -addext "subjectAltName=DNS:synclens.contoso.com,
 *  email:test@contoso.com,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:joe@contoso.com"`.
 * Expected values come from `openssl x509 -noout -fingerprint -sha1 -subject -serial -dates -nameopt RFC2253`
 * and `openssl asn1parse` on the same file.
 */
const CERT_BASE64 = [
  'MIICRTCCAeugAwIBAgIFGis8TV4wCgYIKoZIzj0EAwIwTjELMAkGA1UEBhMCVVMxFDASBgNVBAoMC0NvbnRvc28gTHRkMREw',
  'DwYDVQQLDAhJZGVudGl0eTEWMBQGA1UEAwwNU3luY0xlbnMgVGVzdDAeFw0yNjExMjUxNDAwNDhaFw0zNjExMjIxNDAwNDha',
  'ME4xCzAJBgNVBAYTAlVTMRQwEgYDVQQKDAtDb250b3NvIEx0ZDERMA8GA1UECwwISWRlbnRpdHkxFjAUBgNVBAMMDVN5bmNM',
  'ZW5zIFRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARGxngVanhCdQBJVGwKV0jQF1gxScTlzATRV6d0kXR0pUTB9iGP',
  'DY937mpRIF/FX0h2PRjDXq+w7qgwnF26fXtyo4G1MIGyMB0GA1UdDgQWBBQlTJ5LyNQ5SRJT1/YK4LwvXPrgMjAfBgNVHSME',
  'GDAWgBQlTJ5LyNQ5SRJT1/YK4LwvXPrgMjAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIHgDBSBgNVHREESzBJghRzeW5j',
  'bGVucy5jb250b3NvLmNvbYEQdGVzdEBjb250b3NvLmNvbaAfBgorBgEEAYI3FAIDoBEMD2pvZUBjb250b3NvLmNvbTAKBggq',
  'hkjOPQQDAgNIADBFAiEAmGyIqjK8GPa2zvCNqlFjfaHxcPWCswZBf6FZ+C5MpVACIBBTXxRGdqM4do2IF/Nh+RX4VuX/fKmj',
  'Uz/IZDLUXNHU',
].join('')

const certificate = base64ToBytes(CERT_BASE64) ?? new Uint8Array(0)
const pem = `-----BEGIN CERTIFICATE-----\n${CERT_BASE64}\n-----END CERTIFICATE-----\n`
const attributes = { certificate, base64Text: CERT_BASE64, pem, garbage: new Uint8Array([0x30, 0x03, 0x01]) }

describe('certificate functions', () => {
  it.each([
    ['CertThumbprint([certificate])', '4BC24293ECC6C762302B042ACE6FE28B1C613DF5'],
    ['CertHashString([certificate])', '4BC24293ECC6C762302B042ACE6FE28B1C613DF5'],
    ['CertSubject([certificate])', 'CN=SyncLens Test, OU=Identity, O=Contoso Ltd, C=US'],
    ['CertSubjectNameDN([certificate])', 'CN=SyncLens Test, OU=Identity, O=Contoso Ltd, C=US'],
    ['CertIssuer([certificate])', 'CN=SyncLens Test, OU=Identity, O=Contoso Ltd, C=US'],
    ['CertIssuerDN([certificate])', 'CN=SyncLens Test, OU=Identity, O=Contoso Ltd, C=US'],
    ['CertSubjectNameOid([certificate])', '2.5.4.3'],
    ['CertIssuerOid([certificate])', '2.5.4.3'],
    ['CertSerialNumber([certificate])', '1A2B3C4D5E'],
    ['CertNotBefore([certificate])', new Date('2026-11-25T14:00:48Z')],
    ['CertNotAfter([certificate])', new Date('2036-11-22T14:00:48Z')],
    ['CertVersion([certificate])', 3],
    ['CertSignatureAlgorithmOid([certificate])', '1.2.840.10045.4.3.2'],
    ['CertKeyAlgorithm([certificate])', '1.2.840.10045.2.1'],
    ['CertPublicKeyOid([certificate])', '1.2.840.10045.2.1'],
    ['CertPublicKeyParametersOid([certificate])', '1.2.840.10045.3.1.7'],
    ['CertKeyAlgorithmParams([certificate])', '06082A8648CE3D030107'],
    ['CertExtensionOids([certificate])', ['2.5.29.19', '2.5.29.15']],
    ['CertExtensionOids([certificate], False)', ['2.5.29.14', '2.5.29.35', '2.5.29.17']],
    ['CertFormat([certificate])', 'X509'],
    ['CertFriendlyName([certificate])', ''],
    ['CertNameInfo([certificate],"SimpleName",False)', 'SyncLens Test'],
    ['CertNameInfo([certificate],"DnsName",False)', 'synclens.contoso.com'],
    ['CertNameInfo([certificate],"EmailName",False)', 'test@contoso.com'],
    ['CertNameInfo([certificate],"UpnName",False)', 'joe@contoso.com'],
    ['CertNameInfo([certificate],"UrlName",False)', ''],
    ['CertNameInfo([certificate],"SimpleName",True)', 'SyncLens Test'],
    ['IsCert([certificate])', true],
    ['IsCert([base64Text])', true],
    ['IsCert([garbage])', false],
    ['IsCert([missing])', false],
    ['IsCert("hello")', false],
    ['CertThumbprint([base64Text])', '4BC24293ECC6C762302B042ACE6FE28B1C613DF5'],
    ['CertThumbprint([pem])', '4BC24293ECC6C762302B042ACE6FE28B1C613DF5'],
    ['CertThumbprint(ConvertToBinaryFromBase64([base64Text]))', '4BC24293ECC6C762302B042ACE6FE28B1C613DF5'],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression, { attributes })).toEqual(expected)
  })

  it('filters a multi-valued userCertificate with Where, as the reference example does', () => {
    const expression = 'Where($item,[userCertificate],CertNotAfter($item)>Now())'

    expect(valueOf(expression, { attributes: { userCertificate: [certificate] } })).toEqual([certificate])
  })

  it.each([
    ['CertSubject([garbage])', 'Not an X.509 certificate'],
    ['CertSubject("hello")', 'neither DER nor base64'],
    ['CertSubject(42)', 'expects certificate data'],
    ['CertNameInfo([certificate],"Nickname",False)', 'CertNameInfo name type must be'],
  ])('%s is an error mentioning %j', (expression, fragment) => {
    expect(valueOf(expression, { attributes })).toContain(fragment)
  })
})
