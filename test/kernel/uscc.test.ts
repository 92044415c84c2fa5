/**
 * The unified social credit code (GB 32100-2015): shape, check character, and that every single
 * substitution (and every transposition within the first 17 characters) is caught.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { USCC_ALPHABET, usccCheckCharacter, usccProblem } from "../../src/kernel/uscc.js";

/** The example code of GB 32100-2015. */
const EXAMPLE = "91350100M000100Y43";

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

const alphabetChar = fc.constantFrom(...USCC_ALPHABET.split(""));
const first17 = fc.array(alphabetChar, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(""));

describe("the GB 32100-2015 example", () => {
  it("91350100M000100Y43 is valid, and its check character is 3", () => {
    expect(usccProblem(EXAMPLE)).toBeNull();
    expect(usccCheckCharacter(EXAMPLE.slice(0, 17))).toBe("3");
  });

  it("every single-character change (all 18 × 30 of them) is detected as a check failure", () => {
    let changes = 0;
    for (let index = 0; index < 18; index++) {
      for (const char of USCC_ALPHABET) {
        if (char === EXAMPLE[index]) continue;
        expect(usccProblem(replaceAt(EXAMPLE, index, char)), `position ${index + 1} → ${char}`).toBe("check");
        changes++;
      }
    }
    expect(changes).toBe(18 * 30);
  });

  it("property: changing any one of the 18 characters to another alphabet character makes it invalid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), alphabetChar, (index, char) => {
        fc.pre(char !== EXAMPLE[index]);
        expect(usccProblem(replaceAt(EXAMPLE, index, char))).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe("usccCheckCharacter", () => {
  it("property: a code completed with its check character is valid", () => {
    fc.assert(
      fc.property(first17, (body) => {
        const check = usccCheckCharacter(body);
        expect(check).not.toBeNull();
        expect(USCC_ALPHABET).toContain(check as string);
        expect(usccProblem(body + (check as string))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("property: any other 18th character is a check failure", () => {
    fc.assert(
      fc.property(first17, alphabetChar, (body, char) => {
        fc.pre(char !== usccCheckCharacter(body));
        expect(usccProblem(body + char)).toBe("check");
      }),
      { numRuns: 300 },
    );
  });

  it("property: any single substitution of a valid random code is caught", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), alphabetChar, (body, index, char) => {
        const code = body + (usccCheckCharacter(body) as string);
        fc.pre(char !== code[index]);
        expect(usccProblem(replaceAt(code, index, char))).toBe("check");
      }),
      { numRuns: 300 },
    );
  });

  it("property: swapping two different characters among the first 17 is caught (the weights 3^i mod 31 are distinct)", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 }), (body, i, j) => {
        fc.pre(body[i] !== body[j]);
        const code = body + (usccCheckCharacter(body) as string);
        const swapped = replaceAt(replaceAt(code, i, code[j] as string), j, code[i] as string);
        expect(usccProblem(swapped)).toBe("check");
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["16 characters", EXAMPLE.slice(0, 16)],
    ["18 characters", EXAMPLE],
    ["a lowercase letter", "91350100m000100Y4"],
    ["the letter I", "91350100I000100Y4"],
    ["the letter O", "91350100O000100Y4"],
    ["a space", "91350100 000100Y4"],
  ])("returns null for a first part with %s", (_name, text) => {
    expect(usccCheckCharacter(text)).toBeNull();
  });
});

describe('shape errors are "shape", not "check"', () => {
  it.each([
    ["17 characters", EXAMPLE.slice(0, 17)],
    ["19 characters", `${EXAMPLE}0`],
    ["the empty string", ""],
    ["lowercase m", "91350100m000100Y43"],
    ["lowercase y", "91350100M000100y43"],
    ["the letter I", "91350100I000100Y43"],
    ["the letter O", "91350100O000100Y43"],
    ["the letter Z", "91350100Z000100Y43"],
    ["the letter S", "91350100S000100Y43"],
    ["the letter V", "91350100V000100Y43"],
    ["I as the check character", "91350100M000100Y4I"],
    ["a full-width digit", "９1350100M000100Y43"],
    ["a hyphen", "91350100-000100Y43"],
    ["surrounding spaces", ` ${EXAMPLE} `],
  ])("%s", (_name, code) => {
    expect(usccProblem(code)).toBe("shape");
  });

  it("property: any string outside the 18-character alphabet shape is a shape error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (code) => {
        fc.pre(!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code));
        expect(usccProblem(code)).toBe("shape");
      }),
      { numRuns: 200 },
    );
  });

  it("property: a valid code with one letter lowercased is a shape error", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), (body, index) => {
        const code = body + (usccCheckCharacter(body) as string);
        const char = code[index] as string;
        fc.pre(/[A-Z]/.test(char));
        expect(usccProblem(replaceAt(code, index, char.toLowerCase()))).toBe("shape");
      }),
      { numRuns: 200 },
    );
  });
});
