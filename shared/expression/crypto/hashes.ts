import { sha1 as nobleSha1 } from '@noble/hashes/legacy.js'
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'

// @noble/hashes (audited, synchronous, no platform crypto): shared/ runs where neither node:crypto nor a
// synchronous WebCrypto digest exists, and the expression functions that need these hashes are synchronous.

/** The 20-byte SHA-1 digest of `data`, for certificate thumbprints. */
export function sha1(data: Uint8Array): Uint8Array {
  return nobleSha1(data)
}

/** The 32-byte SHA-256 digest of `data`, for `Thumbprint` of key material. */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data)
}
