/**
 * Where a JSON text first goes wrong, and what was expected there. JSON.parse's messages differ between
 * Node versions and do not always give a position; this small scanner (RFC 8259) always does, so an
 * error can name the line and column. Used only after JSON.parse has failed.
 */

export interface JsonSyntaxProblem {
  /** Offset (in UTF-16 code units) of the first character that is wrong. */
  readonly offset: number;
  readonly expected: string;
  readonly expectedZh: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: string,
    readonly expectedZh: string,
  ) {}
}

export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const n = text.length;
  const space = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i += 1;
  };
  const fail = (expected: string, expectedZh: string): never => {
    throw new Stop(i, i >= n ? `${expected} (the text ends here)` : expected, i >= n ? `${expectedZh}（文本在此结束）` : expectedZh);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("a value: an object, array, string, number, true, false or null", "一个值：对象、数组、字符串、数字、true、false 或 null");
  };
  const string = () => {
    i += 1;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i += 1;
        return;
      }
      if (ch < 0x20) fail("no line break or control character inside a string (write \\n)", "字符串内不能有换行或控制字符（请写 \\n）");
      if (ch === 0x5c) {
        const next = text[i + 1];
        if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else {
          i += 1;
          fail('a valid escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX', '合法的转义：\\" \\\\ \\/ \\b \\f \\n \\r \\t 或 \\uXXXX');
        }
        continue;
      }
      i += 1;
    }
    fail('the closing " of the string', "字符串的右引号 \"");
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === "" || match[0] === "-") fail("a number such as 12 or 0.5 (no leading zeros, no + sign)", "数字，如 12 或 0.5（不能有前导零或 + 号）");
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 500) fail("less deeply nested JSON", "嵌套层数较少的 JSON");
    space();
    const ch = text[i];
    if (ch === "{") {
      i += 1;
      space();
      if (text[i] === "}") {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('a property name in double quotes (a trailing comma is not allowed)', "用双引号括起的属性名（末尾不能有多余的逗号）");
        string();
        space();
        if (text[i] !== ":") fail("':' after the property name", "属性名后的冒号 ':'");
        i += 1;
        value(depth + 1);
        space();
        if (text[i] === ",") {
          i += 1;
          continue;
        }
        if (text[i] === "}") {
          i += 1;
          return;
        }
        fail("',' or '}' after a property value", "属性值后的 ',' 或 '}'");
      }
    }
    if (ch === "[") {
      i += 1;
      space();
      if (text[i] === "]") {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] === "]") fail("a value (a trailing comma is not allowed)", "一个值（末尾不能有多余的逗号）");
        value(depth + 1);
        space();
        if (text[i] === ",") {
          i += 1;
          continue;
        }
        if (text[i] === "]") {
          i += 1;
          return;
        }
        fail("',' or ']' after an array element", "数组元素后的 ',' 或 ']'");
      }
    }
    if (ch === '"') return string();
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return number();
    if (ch === "t") return literal("true");
    if (ch === "f") return literal("false");
    if (ch === "n") return literal("null");
    fail("a value: an object, array, string, number, true, false or null", "一个值：对象、数组、字符串、数字、true、false 或 null");
  };
  try {
    value(0);
    space();
    if (i < n) fail("the end of the text after the JSON value (several documents? use .jsonl, one per line)", "JSON 值之后应结束（多个文档？请用 .jsonl，每行一个）");
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, expected: error.expected, expectedZh: error.expectedZh };
    if (error instanceof RangeError) return null;
    throw error;
  }
}
