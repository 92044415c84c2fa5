/**
 * The wrappers that make the bundle's functions visible to a spreadsheet as custom functions, rendered
 * from the rule registry at build time (scripts/gen-sheets.ts writes them to dist/sheets/):
 *
 * - Google Sheets (Apps Script): top-level functions with JSDoc `@customfunction`;
 * - Excel: functions.json metadata and `CustomFunctions.associate` calls;
 * - WPS (JSA macros): the same top-level functions, in one file with the bundle.
 *
 * Build-time only: not imported by the bundle (it reads field descriptions through zod's JSON Schema
 * generator, which the bundle leaves out). Pure and deterministic, so a test can render it again.
 */
import * as z from "zod";
import type { FieldKind } from "./cells.js";
import { sheetClauses } from "./clauses.js";

/** The namespace object of the bundle (tsup's `globalName`). */
export const GLOBAL_NAME = "PingguLiveCommerce";

/** The bundle's budget: 150 KB minified, counted strictly as 150,000 bytes (not 150 KiB). */
export const SHEETS_BUDGET_BYTES = 150_000;

export interface WrapperParam {
  readonly name: string;
  readonly description: string;
  /** JSDoc type for Apps Script's help. */
  readonly jsType: string;
  readonly excelType: "any" | "string";
  readonly matrix?: boolean;
  readonly optional?: boolean;
  /** Any number of further arguments (`…inputs`). */
  readonly repeating?: boolean;
}

export interface WrapperFunction {
  /** The name a user types in Google Sheets and WPS, and the id Excel associates. */
  readonly name: string;
  /** Excel shows NAMESPACE.excelName: PINGGU_ART3_3 becomes =PINGGU.ART3_3(…). */
  readonly excelName: string;
  readonly description: string;
  readonly params: readonly WrapperParam[];
  readonly result: { readonly jsType: string; readonly matrix: boolean };
}

const KIND_HINT: Record<FieldKind, string> = {
  boolean: "TRUE/FALSE or 是/否",
  date: "a date / 日期",
  number: "a number / 数值",
  text: "text / 文字",
  any: "a value / 值",
};

const JS_TYPE: Record<FieldKind, string> = {
  boolean: "boolean",
  date: "Date",
  number: "number",
  text: "string",
  any: "*",
};

/** A field's description as the clause declares it ("English / 中文"), from its JSON Schema. */
function fieldDescriptions(schema: z.ZodType): Record<string, string> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { description?: string; anyOf?: { description?: string }[] }>;
  };
  const result: Record<string, string> = {};
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    result[name] = property.description ?? property.anyOf?.find((variant) => variant.description)?.description ?? name;
  }
  return result;
}

const CLAUSE_ID: WrapperParam = {
  name: "clauseId",
  description: 'the clause id, e.g. "art3.3" (PINGGU_CLAUSES lists them) / 条款编号',
  jsType: "string",
  excelType: "string",
};

const INPUTS: WrapperParam = {
  name: "inputs",
  description: "the clause's inputs, in the order PINGGU_FIELDS lists; a blank cell is a missing fact / 条款输入，顺序同 PINGGU_FIELDS；空白单元格表示事实缺失",
  jsType: "...*",
  excelType: "any",
  optional: true,
  repeating: true,
};

const AMOUNT = "a number of yuan (0 when ineligible); blank for blank inputs; text starting with # when there is no figure";

/** Every function the wrappers expose, generic ones first, then one per clause in the order of the text. */
export function wrapperFunctions(): WrapperFunction[] {
  const generic: WrapperFunction[] = [
    {
      name: "PINGGU_SUBSIDY",
      excelName: "SUBSIDY",
      description: `Subsidy of one clause for one applicant: ${AMOUNT}. / 单个条款、单个申请人的扶持金额（元）。`,
      params: [CLAUSE_ID, INPUTS],
      result: { jsType: "number|string", matrix: false },
    },
    {
      name: "PINGGU_SUBSIDY_TEXT",
      excelName: "SUBSIDY_TEXT",
      description: 'As PINGGU_SUBSIDY, but the amount as exact text with two places, e.g. "1000000.01". / 金额以精确文字返回。',
      params: [CLAUSE_ID, INPUTS],
      result: { jsType: "string", matrix: false },
    },
    {
      name: "PINGGU_EXPLAIN",
      excelName: "EXPLAIN",
      description: "The decision explained step by step, in Chinese. / 逐步说明（中文）。",
      params: [CLAUSE_ID, INPUTS],
      result: { jsType: "string", matrix: false },
    },
    {
      name: "PINGGU_EXPLAIN_EN",
      excelName: "EXPLAIN_EN",
      description: "The decision explained step by step, in English. / 逐步说明（英文）。",
      params: [CLAUSE_ID, INPUTS],
      result: { jsType: "string", matrix: false },
    },
    {
      name: "PINGGU_SUBSIDY_RANGE",
      excelName: "SUBSIDY_RANGE",
      description:
        "One row per applicant in, one row of [amount, status, reason] out; blank rows stay blank, a bad row says so in its own cells. / 每行一个申请人，返回 金额、状态、理由。",
      params: [
        CLAUSE_ID,
        {
          name: "applicants",
          description: "the applicants, one per row, one column per input (PINGGU_FIELDS) / 申请人区域：每行一个申请人，每列一项输入",
          jsType: "Array<Array<*>>",
          excelType: "any",
          matrix: true,
        },
        {
          name: "lang",
          description: '"en" for English reasons; Chinese by default / 理由语言："en" 为英文，默认中文',
          jsType: "string",
          excelType: "string",
          optional: true,
        },
      ],
      result: { jsType: "Array<Array<number|string>>", matrix: true },
    },
    {
      name: "PINGGU_FIELDS",
      excelName: "FIELDS",
      description: "The inputs of a clause, in order, as one header row. / 条款输入字段（表头一行）。",
      params: [CLAUSE_ID],
      result: { jsType: "Array<Array<string>>", matrix: true },
    },
    {
      name: "PINGGU_CLAUSES",
      excelName: "CLAUSES",
      description: "Every clause: id, function, titles, citation and inputs. / 全部条款一览。",
      params: [],
      result: { jsType: "Array<Array<string>>", matrix: true },
    },
    {
      name: "PINGGU_VERSION",
      excelName: "VERSION",
      description: "The library version and edition that compute the figures. / 计算所用的版本。",
      params: [],
      result: { jsType: "string", matrix: false },
    },
  ];
  const perClause = sheetClauses().map((clause): WrapperFunction => {
    const descriptions = fieldDescriptions(clause.rule.schema);
    return {
      name: clause.functionName,
      excelName: clause.functionName.replace(/^PINGGU_/, ""),
      description: `${clause.rule.citation.labelEn} ${clause.rule.title.en}: ${AMOUNT}. / ${clause.rule.citation.labelZh} ${clause.rule.title.zh}：扶持金额（元）。`,
      params: clause.fields.map((field) => ({
        name: field.name,
        description: `${descriptions[field.name] ?? field.name}; ${KIND_HINT[field.kind]}`,
        jsType: JS_TYPE[field.kind],
        excelType: "any",
        optional: true,
      })),
      result: { jsType: "number|string", matrix: false },
    };
  });
  return [...generic, ...perClause];
}

const HEADER = (what: string): string =>
  `// ${what}\n// Generated by scripts/gen-sheets.ts from the rule registry of pinggu-live-commerce: do not edit.\n`;

function jsDoc(fn: WrapperFunction, customFunction: boolean): string {
  const lines = ["/**", ` * ${fn.description}`];
  for (const param of fn.params) {
    const name = param.optional && !param.repeating ? `[${param.name}]` : param.name;
    lines.push(` * @param {${param.jsType}} ${name} ${param.description}`);
  }
  lines.push(` * @return {${fn.result.jsType}}`);
  if (customFunction) lines.push(" * @customfunction");
  lines.push(" */");
  return lines.join("\n");
}

/**
 * `function NAME(a, b) { return PingguLiveCommerce.NAME.apply(null, arguments); }`: the parameters name
 * the inputs for the spreadsheet's help, and every argument given is passed on, so that a surplus one
 * (a range one column too wide) is reported rather than silently dropped.
 */
function topLevelFunction(fn: WrapperFunction, customFunction: boolean): string {
  const names = fn.params.map((param) => param.name);
  return `${jsDoc(fn, customFunction)}\nfunction ${fn.name}(${names.join(", ")}) {\n  return ${GLOBAL_NAME}.${fn.name}.apply(null, arguments);\n}\n`;
}

/** Google Sheets: the Apps Script file of custom functions (paste next to the bundle, or clasp push). */
export function renderAppsScript(functions: readonly WrapperFunction[] = wrapperFunctions()): string {
  return [
    HEADER("Google Sheets custom functions over the PingguLiveCommerce bundle (pinggu-sheets.js)."),
    ...functions.map((fn) => topLevelFunction(fn, true)),
  ].join("\n");
}

/** WPS (JSA macros): the same top-level functions; appended to the bundle in one module file. */
export function renderWpsFunctions(functions: readonly WrapperFunction[] = wrapperFunctions()): string {
  return [
    HEADER("WPS JSA custom functions over the PingguLiveCommerce bundle above."),
    ...functions.map((fn) => topLevelFunction(fn, false)),
  ].join("\n");
}

/** Excel: the custom functions metadata (functions.json). */
export function renderExcelMetadata(functions: readonly WrapperFunction[] = wrapperFunctions()): string {
  const metadata = {
    functions: functions.map((fn) => ({
      id: fn.name,
      name: fn.excelName,
      description: fn.description,
      result: { type: "any", dimensionality: fn.result.matrix ? "matrix" : "scalar" },
      parameters: fn.params.map((param) => ({
        name: param.name,
        description: param.description,
        type: param.excelType,
        dimensionality: param.matrix ? "matrix" : "scalar",
        ...(param.optional ? { optional: true } : {}),
        ...(param.repeating ? { repeating: true } : {}),
      })),
    })),
  };
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/** Excel: the `CustomFunctions.associate` calls; appended to the bundle in functions.js. */
export function renderExcelAssociations(functions: readonly WrapperFunction[] = wrapperFunctions()): string {
  const lines = [HEADER("Excel custom functions over the PingguLiveCommerce bundle above (ids as in functions.json).")];
  for (const fn of functions) {
    const names = fn.params.map((param) => param.name);
    const repeating = fn.params.find((param) => param.repeating);
    // Excel hands a repeating parameter over as one array of the values given.
    const call = repeating
      ? `${GLOBAL_NAME}.${fn.name}.apply(null, [${names.filter((name) => name !== repeating.name).join(", ")}].concat(${repeating.name} || []))`
      : `${GLOBAL_NAME}.${fn.name}(${names.join(", ")})`;
    lines.push(`CustomFunctions.associate(${JSON.stringify(fn.name)}, function (${names.join(", ")}) {\n  return ${call};\n});`);
  }
  return `${lines.join("\n")}\n`;
}
