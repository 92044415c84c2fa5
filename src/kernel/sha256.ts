/**
 * SHA-256 (FIPS 180-4) in plain JavaScript, over the UTF-8 bytes of a string.
 *
 * The audit stamp must be computable where there is no `node:crypto`, no Web Crypto and no TextEncoder
 * (a spreadsheet's script engine), so the library carries its own. It is checked against node:crypto on
 * the FIPS vectors and on random strings in test/kernel/sha256.test.ts.
 */
import { makeIssue, PolicyValidationError } from "./errors.js";

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** The UTF-8 length of a string; a lone surrogate counts as U+FFFD (3 bytes), as TextEncoder does. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Write the UTF-8 bytes of `text` into `bytes` from index 0 (which has room for them). */
function encodeUtf8(text: string, bytes: Uint8Array): void {
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (isLowSurrogate(next)) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    } else if (isLowSurrogate(code)) {
      code = 0xfffd;
    }
    if (code < 0x80) bytes[at++] = code;
    else if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 63);
    } else if (code < 0x10000) {
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    } else {
      bytes[at++] = 0xf0 | (code >> 18);
      bytes[at++] = 0x80 | ((code >> 12) & 63);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    }
  }
}

/** UTF-8 bytes of a string; a lone surrogate is encoded as U+FFFD, as TextEncoder does. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(text));
  encodeUtf8(text, bytes);
  return bytes;
}

/** The padded length of a message of `length` bytes: room for 0x80 and the 8-byte bit length. */
function paddedLengthOf(length: number): number {
  return (((length + 9 + 63) >> 6) << 6) >>> 0;
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export function sha256Bytes(message: Uint8Array): string {
  const padded = new Uint8Array(paddedLengthOf(message.length));
  padded.set(message);
  return sha256Padded(padded, message.length);
}

/** SHA-256 of the first `length` bytes of `padded`, a zero-filled buffer of paddedLengthOf(length). */
function sha256Padded(padded: Uint8Array, length: number): string {
  const bitLength = length * 8;
  const paddedLength = padded.length;
  padded[length] = 0x80;
  writeBitLength(padded, paddedLength - 8, bitLength);
  const h = initialState();
  const w = new Uint32Array(64);
  for (let offset = 0; offset < paddedLength; offset += 64) compress(h, w, padded, offset);
  return hexOf(h);
}

function initialState(): Uint32Array {
  return new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
}

/** The message length in bits, big-endian, in 8 bytes from `at` (high word first). */
function writeBitLength(bytes: Uint8Array, at: number, bitLength: number): void {
  const high = Math.floor(bitLength / 0x100000000);
  const low = bitLength >>> 0;
  for (let i = 0; i < 4; i++) {
    bytes[at + i] = (high >>> (24 - 8 * i)) & 0xff;
    bytes[at + 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
  }
}

function hexOf(h: Uint32Array): string {
  let hex = "";
  for (let i = 0; i < 8; i++) hex += (h[i] as number).toString(16).padStart(8, "0");
  return hex;
}

/** One 64-byte block from `bytes[offset…]` into the state `h` (`w`: the message schedule, reused). */
function compress(h: Uint32Array, w: Uint32Array, bytes: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const j = offset + t * 4;
    w[t] = ((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number);
  }
  for (let t = 16; t < 64; t++) {
    const w15 = w[t - 15] as number;
    const w2 = w[t - 2] as number;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
  }
  let a = h[0] as number;
  let b = h[1] as number;
  let c = h[2] as number;
  let d = h[3] as number;
  let e = h[4] as number;
  let f = h[5] as number;
  let g = h[6] as number;
  let hh = h[7] as number;
  for (let t = 0; t < 64; t++) {
    const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + s1 + ch + (K[t] as number) + (w[t] as number)) >>> 0;
    const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (s0 + maj) >>> 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) >>> 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) >>> 0;
  }
  h[0] = ((h[0] as number) + a) >>> 0;
  h[1] = ((h[1] as number) + b) >>> 0;
  h[2] = ((h[2] as number) + c) >>> 0;
  h[3] = ((h[3] as number) + d) >>> 0;
  h[4] = ((h[4] as number) + e) >>> 0;
  h[5] = ((h[5] as number) + f) >>> 0;
  h[6] = ((h[6] as number) + g) >>> 0;
  h[7] = ((h[7] as number) + hh) >>> 0;
}

/**
 * SHA-256 over text written piece by piece, as of the UTF-8 bytes of the pieces joined: memory stays one
 * 64-byte block however long the text, which is never built (`canonicalJsonSha256` hashes a document of
 * 100,000 claims without making its 20 MB string). Each piece is encoded on its own, a lone surrogate as
 * U+FFFD as TextEncoder does; a surrogate pair must not be split across two pieces.
 */
export class Sha256Writer {
  private readonly h = initialState();
  private readonly w = new Uint32Array(64);
  private readonly block = new Uint8Array(64);
  private used = 0;
  /** Bytes compressed so far (whole blocks). */
  private compressed = 0;
  private done = false;

  private byte(value: number): void {
    this.block[this.used++] = value;
    if (this.used === 64) {
      compress(this.h, this.w, this.block, 0);
      this.compressed += 64;
      this.used = 0;
    }
  }

  /** Add the UTF-8 bytes of `text`. */
  write(text: string): void {
    if (this.done) throw new Error("Sha256Writer: written after digest");
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        this.byte(code);
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (isLowSurrogate(next)) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else code = 0xfffd;
      } else if (isLowSurrogate(code)) code = 0xfffd;
      if (code < 0x800) {
        this.byte(0xc0 | (code >> 6));
        this.byte(0x80 | (code & 63));
      } else if (code < 0x10000) {
        this.byte(0xe0 | (code >> 12));
        this.byte(0x80 | ((code >> 6) & 63));
        this.byte(0x80 | (code & 63));
      } else {
        this.byte(0xf0 | (code >> 18));
        this.byte(0x80 | ((code >> 12) & 63));
        this.byte(0x80 | ((code >> 6) & 63));
        this.byte(0x80 | (code & 63));
      }
    }
  }

  /** The hash of everything written, as 64 lowercase hex digits; the writer is finished. */
  hex(): string {
    if (this.done) throw new Error("Sha256Writer: digest taken twice");
    this.done = true;
    const bitLength = (this.compressed + this.used) * 8;
    this.block[this.used++] = 0x80;
    if (this.used > 56) {
      this.block.fill(0, this.used);
      compress(this.h, this.w, this.block, 0);
      this.used = 0;
    }
    this.block.fill(0, this.used);
    writeBitLength(this.block, 56, bitLength);
    compress(this.h, this.w, this.block, 0);
    return hexOf(this.h);
  }
}

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  if (typeof text !== "string") {
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_type", pathSegments: ["text"], received: text, expected: "a string (its UTF-8 bytes are hashed)", expectedZh: "字符串（对其 UTF-8 字节求哈希）" })],
      "sha256Hex",
    );
  }
  // Encoded straight into the padded buffer: no intermediate list of bytes, one allocation.
  const length = utf8Length(text);
  const padded = new Uint8Array(paddedLengthOf(length));
  encodeUtf8(text, padded);
  return sha256Padded(padded, length);
}
