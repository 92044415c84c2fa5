/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capital letters without I, O, Z, S, V); the last is a check character over the
 * first 17 with weights 3^(i) mod 31.
 */

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 characters of a code, or null if they are not well-formed. */
export function usccCheckCharacter(first17: string): string | null {
  // Anything but a string of 17 characters has no check character (a number, null: not a code).
  if (typeof first17 !== "string" || first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

export type UsccProblem = "shape" | "check";

/** Null when the code is valid; otherwise what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (typeof code !== "string" || !SHAPE.test(code)) return "shape";
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : "check";
}
