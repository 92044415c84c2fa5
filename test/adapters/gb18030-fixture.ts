/** GBK bytes of a text, for tests (Node's TextDecoder reads GB18030 but there is no encoder: a table of the few characters used). */
const GBK: Readonly<Record<string, readonly number[]>> = { 平: [0xc6, 0xbd], 谷: [0xb9, 0xc8], 桃: [0xcc, 0xd2], 园: [0xd4, 0xb0] };

export function iconv(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (GBK[ch]) bytes.push(...GBK[ch]!);
    else throw new Error(`no GBK bytes for ${ch} in the test table`);
  }
  return new Uint8Array(bytes);
}
