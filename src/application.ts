/**
 * The application document: the applicant (with the findings of 第二条, 第九条, 第十条, 第十三条), its
 * claims, and its grant history under these measures. Validated with zod; exported as JSON Schema for
 * systems that call the library from other languages.
 */
import * as z from "zod";
import { makeApplicationReader } from "./application-reader.js";
import { date, fact, fastFieldReader, requiredDate, requiredMoney, money } from "./kernel/fields.js";
import { usccProblem } from "./kernel/uscc.js";
import { listClauseIds } from "./measures/registry.js";

const MAX_ID = 100;
/**
 * The most claims (and grants) one application may carry. A real applicant has dozens; the limit
 * keeps evaluation within bounded memory (about 11 KB per claim while deciding) and is checked on the
 * raw document before any claim is read, so a hostile million-claim document is refused at once.
 */
export const MAX_CLAIMS_PER_APPLICATION = 100_000;
export const MAX_GRANTS_PER_APPLICATION = 100_000;
const MAX_TEXT = 2000;
const MAX_NAME = 300;

const idText = (what: string) =>
  z
    .string()
    .min(1, { error: `${what}: a non-empty string` })
    .max(MAX_ID, { error: `${what}: at most ${MAX_ID} characters` })
    .meta({ description: what });

const clauseIdSchema = z
  .string()
  .superRefine((value, ctx) => {
    const known = listClauseIds();
    if (!(known as readonly string[]).includes(value)) {
      ctx.addIssue({
        code: "custom",
        message: `a clause id`,
        input: value,
        params: {
          expected: `a clause id, one of: ${known.join(", ")}`,
          expectedZh: `条款编号，以下之一：${known.join("、")}`,
        },
      });
    }
  })
  .meta({ description: "A clause id of docs/clauses.md, e.g. \"art4.1-session\" / 条款编号" });

const creditCodeSchema = z
  .string()
  // Read in upper case, as GB 32100-2015 writes it; full-width characters and surrounding spaces (a
  // spreadsheet cell, an IME) are read as what they show (NFKC). Then one applicant is one code.
  .overwrite((value) => value.normalize("NFKC").trim().toUpperCase())
  .superRefine((value, ctx) => {
    const problem = usccProblem(value);
    if (problem === null) return;
    ctx.addIssue({
      code: "custom",
      message: "a unified social credit code",
      input: value,
      params: {
        expected: "an 18-character unified social credit code (GB 32100-2015) with a valid check character",
        expectedZh: "18位统一社会信用代码（GB 32100-2015），校验码须正确",
        hintEn:
          problem === "shape"
            ? "18 characters: digits and capital letters except I, O, Z, S, V"
            : "the last character does not match the check character of the first 17: a typing error?",
        hintZh: problem === "shape" ? "18位，由数字和除 I、O、Z、S、V 外的大写字母组成" : "第18位校验码与前17位不符，可能录入有误",
      },
    });
  })
  .meta({ type: "string", pattern: "^[0-9A-HJ-NPQRTUWXY]{18}$", description: "统一社会信用代码 (GB 32100-2015)" });

export const MISCONDUCT_KINDS = ["forged-materials", "false-data", "illegal-transfer", "other-serious-violation"] as const;

export const misconductFindingSchema = z.strictObject({
  kind: z.enum(MISCONDUCT_KINDS).meta({
    description:
      "forged-materials 伪造申请材料 / false-data 虚报数据 / illegal-transfer 违规转让补贴资金 / other-serious-violation 其他重大违法违规行为",
  }),
  foundOn: requiredDate({ en: "date the finding was made", zh: "查实日期" }),
  description: z.string().min(1).max(MAX_TEXT),
  grants: z
    .union([z.literal("all"), z.array(idText("grant id")).max(100000)])
    .meta({ description: "The grants tied to the finding (ids in the grant history), or \"all\"" }),
});

export const applicantSchema = z.strictObject({
  name: z.string().min(1).max(MAX_NAME).meta({ description: "Registered name / 市场主体名称" }),
  creditCode: creditCodeSchema,
  registeredInPinggu: fact({ en: "registered (工商注册) in Pinggu District (第二条)", zh: "依法在平谷区进行工商注册（第二条）" }),
  liveCommerceBusiness: fact({
    en: "engaged in live-streaming e-commerce operation, service or management (第二条)",
    zh: "在平谷区从事直播电商相关领域经营、服务、管理（第二条）",
  }),
  restrictedCatalogue: fact({
    en: "finding: in the prohibited/restricted categories of the Beijing catalogue (第十条(1)); absent means no such finding",
    zh: "认定：被列入《北京市新增产业的禁止和限制目录》禁止类和限制类（第十条）；省略表示无此认定",
  }),
  majorAccident: fact({
    en: "finding: a major production-safety or fire accident (第十条(2)); absent means no such finding",
    zh: "认定：发生重大生产安全事故或重大火灾事故（第十条）；省略表示无此认定",
  }),
  otherReviewFinding: z
    .strictObject({ reason: z.string().min(1).max(MAX_TEXT) })
    .nullish()
    .meta({ description: "第十条(3): found by review to fall under another non-support circumstance, with its stated reason" }),
  misconductFindings: z.array(misconductFindingSchema).max(1000).optional().meta({
    description: "第九条 / 第十三条 findings: falsified materials or data, illegal transfer of funds",
  }),
});

export const otherPolicySupportSchema = z.strictObject({
  policy: z.string().min(1).max(MAX_TEXT).meta({ description: "Name of the other Pinggu District fiscal policy / 其他政策名称" }),
  amount: money({ en: "support received under it, yuan", zh: "已获支持金额（元）" }),
});

export const claimSchema = z.strictObject({
  id: idText("claim id, unique within the application"),
  clauseId: clauseIdSchema,
  factDate: requiredDate({
    en: "date of the fact paid for (session, completed investment, recognition, event, interest period end)",
    zh: "所支持事项的发生日期（直播场次、投资完成、获得认定、活动举办、计息期末）",
  }),
  paymentDate: date({ en: "expected payment date (used when annual caps count by payment year, A10)", zh: "预计拨付日期（A10）" }),
  projectId: idText("project or expenditure id (claimed under several clauses, it is paid under one: 第十一条; its claims under one clause share a cap per project)").optional(),
  productId: idText("product id (art5.2: once per product)").optional(),
  otherPolicySupport: otherPolicySupportSchema.nullish(),
  input: z.record(z.string(), z.unknown()).meta({ description: "The clause's facts; see docs/clauses.md" }),
});

export const grantSchema = z.strictObject({
  id: idText("grant id, unique within the history"),
  clauseId: clauseIdSchema,
  factDate: requiredDate({ en: "date of the fact the grant paid for", zh: "所支持事项的发生日期" }),
  paidOn: date({ en: "payment date", zh: "拨付日期" }),
  amount: requiredMoney({ en: "amount granted, yuan", zh: "已拨付金额（元）" }),
  projectId: idText("project or expenditure id").optional(),
  productId: idText("product id").optional(),
});

export const applicationSchema = z
  .strictObject({
    applicant: applicantSchema,
    claims: z.array(claimSchema).max(MAX_CLAIMS_PER_APPLICATION),
    history: z.array(grantSchema).max(MAX_GRANTS_PER_APPLICATION).optional(),
  })
  .meta({ title: "Application", description: "平谷区促进直播电商产业高质量发展若干措施 — an application / 申请" });

export type ApplicationInput = z.input<typeof applicationSchema>;

/**
 * A document as a caller passes it: any value of unknown shape (JSON read from a file, checked at run
 * time), or — written in the code — an object whose every field is a field of the application document,
 * so that a misspelt field name is a compile error where it is typed. Facts (`claims[].input`) are
 * free-form here: each clause checks its own.
 */
export type ApplicationArgument<T> = unknown extends T ? T : OnlyKnownFields<T, ApplicationInput>;

/** `T` with `never` for every field, at any depth, that `Shape` does not have. */
export type OnlyKnownFields<T, Shape> = T extends readonly (infer Item)[]
  ? NonNullable<Shape> extends readonly (infer ShapeItem)[]
    ? readonly OnlyKnownFields<Item, ShapeItem>[]
    : T
  : T extends object
    ? string extends keyof T
      ? T // a record of any keys (a document built in code from data): checked at run time
      : NonNullable<Shape> extends object
        ? { readonly [K in keyof T]: K extends keyof NonNullable<Shape> ? OnlyKnownFields<T[K], NonNullable<Shape>[K]> : never }
        : T
    : T;
export type Application = z.output<typeof applicationSchema>;
export type Claim = z.output<typeof claimSchema>;
export type Grant = z.output<typeof grantSchema>;
export type MisconductFinding = z.output<typeof misconductFindingSchema>;

/**
 * The fast path of `applicationSchema` (see application-reader.ts): the parsed document for a valid one,
 * `undefined` where zod must read it. Its field readers are those of the schemas above.
 */
export const readApplicationFast = makeApplicationReader<Application>({
  fact: fastFieldReader(applicantSchema.shape.registeredInPinggu),
  date: fastFieldReader(claimSchema.shape.paymentDate),
  requiredDate: fastFieldReader(claimSchema.shape.factDate),
  money: fastFieldReader(otherPolicySupportSchema.shape.amount),
  requiredMoney: fastFieldReader(grantSchema.shape.amount),
  maxId: MAX_ID,
  maxText: MAX_TEXT,
  maxName: MAX_NAME,
  maxClaims: MAX_CLAIMS_PER_APPLICATION,
  maxGrants: MAX_GRANTS_PER_APPLICATION,
});
