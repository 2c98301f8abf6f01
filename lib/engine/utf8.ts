/** Strict UTF-8: files that are not UTF-8 are refused, not read with U+FFFD in place of their bytes. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The offset of the first byte that is not valid UTF-8 (the decoder says only that one exists). */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const [length, min] = b < 0x80 ? [1, 0] : b >= 0xc2 && b <= 0xdf ? [2, 0x80] : b >= 0xe0 && b <= 0xef ? [3, 0x800] : b >= 0xf0 && b <= 0xf4 ? [4, 0x10000] : [0, 0];
    if (length === 0) return i;
    // Stryker disable next-line ConditionalExpression: equivalent, an ASCII byte masked to its low 6 bits is still a code point >= 0 and below U+D800
    let cp = length === 1 ? b : b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      // Stryker disable next-line ConditionalExpression: equivalent, undefined & 0xc0 is 0, which is not 0x80 either
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/** Decodes UTF-8 strictly; undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
