/** The argument parser: Node's parseArgs splits, the command's own messages explain every mistake. */
import { describe, expect, it } from "vitest";
import { type OptionSpecs, parseArgs, UsageError } from "../../src/adapters/cli/args.js";

const SPECS: OptionSpecs = {
  format: { type: "string", values: ["json", "csv"] },
  edition: { type: "string", valueName: "FILE", repeatable: true },
  envelope: { type: "string", valueName: "YUAN" },
  bom: { type: "boolean" },
};

const fails = (argv: string[]) => {
  try {
    parseArgs(argv, SPECS, "evaluate");
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error("expected a usage error");
};

describe("parseArgs", () => {
  it("reads values, inline values, flags, repeatable options, - and --", () => {
    const args = parseArgs(["a.json", "--format", "csv", "--edition=x.json", "--edition", "y.json", "--bom", "-", "--envelope", "-5", "--", "--not-an-option"], SPECS, "evaluate");
    expect(args.positionals).toEqual(["a.json", "-", "--not-an-option"]);
    expect(args.strings).toEqual({ format: "csv", envelope: "-5" });
    expect(args.lists).toEqual({ edition: ["x.json", "y.json"] });
    expect([...args.flags]).toEqual(["bom"]);
  });

  it("says what is wrong, as before", () => {
    expect(fails(["--formt", "csv"])).toBe("unknown option --formt (did you mean --format?)");
    expect(fails(["--formt=csv"])).toBe("unknown option --formt (did you mean --format?)");
    expect(fails(["-x"])).toBe("unknown option -x");
    expect(fails(["--format", "xml"])).toBe('--format must be one of json, csv; got "xml"');
    expect(fails(["--format"])).toBe("--format needs a value: --format json|csv");
    expect(fails(["--envelope", "--bom"])).toBe("--envelope needs a value: --envelope YUAN");
    expect(fails(["--bom=yes"])).toBe("--bom takes no value");
    expect(fails(["--format", "csv", "--format", "json"])).toBe("--format is given twice");
  });
});
