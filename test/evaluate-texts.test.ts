/**
 * The exact words of the evaluator's refusals and reasons, pinned (inline snapshots, reviewed by hand
 * when written): validation of the whole document, the applicant-level findings, and the reasons of
 * each claim status. The mutation run of src/evaluate.ts showed these texts and branches untested by
 * the example suites (the randomised and hostile-input suites, which Stryker does not run, reached some).
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const PAYMENT_YEAR = deriveEdition({ publishedOn: "2025-03-01", switches: { annualCapYear: "payment-year" } });
const CODE = "91110117MA01ABCD1" + (usccCheckCharacter("91110117MA01ABCD1") as string);
const applicant = (extra: Record<string, unknown> = {}) => ({ name: "示例企业", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true, ...extra });
const session = (id: string, factDate = "2025-05-01", extra: Record<string, unknown> = {}) => ({
  id,
  clauseId: "art4.1-session",
  factDate,
  input: { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" },
  ...extra,
});

function issues(document: unknown, edition = EDITION) {
  try {
    evaluate(document, edition);
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) throw error;
    return error.issues.map((i) => [i.path, i.code, i.expected, i.expectedZh, i.hint ?? null, i.hintZh ?? null]);
  }
  throw new Error("accepted");
}

const reasonsOf = (document: unknown, edition = EDITION) =>
  evaluate(document, edition).claims.map((c) => [c.claimId, c.status, c.reasons.map((r) => [r.code, r.article ?? null, r.en, r.zh])]);

describe("validation of the whole document", () => {
  it("ids used twice, in claims and in the history", () => {
    const history = [0, 1, 2].map(() => ({ id: "g", clauseId: "art4.2", factDate: "2025-04-01", amount: "1" }));
    expect(issues({ applicant: applicant(), claims: [session("a"), session("b"), session("a")], history })).toMatchInlineSnapshot(`
      [
        [
          "claims[2].id",
          "inconsistent",
          "a claim id used once; claims[0].id already has it",
          "唯一的编号；claims[0].id 已使用该编号",
          null,
          null,
        ],
        [
          "history[1].id",
          "inconsistent",
          "a grant id used once; history[0].id already has it",
          "唯一的编号；history[0].id 已使用该编号",
          null,
          null,
        ],
        [
          "history[2].id",
          "inconsistent",
          "a grant id used once; history[0].id already has it",
          "唯一的编号；history[0].id 已使用该编号",
          null,
          null,
        ],
      ]
    `);
  });

  it("more claims or grants than one application may hold, refused before any is read", () => {
    const many = (n: number) => new Array<unknown>(n);
    expect(issues({ applicant: applicant(), claims: many(100_001), history: many(100_001) })).toMatchInlineSnapshot(`
      [
        [
          "claims",
          "invalid_value",
          "at most 100,000 claims in one application",
          "每份申请最多 100000 项申请",
          "split the claims across several applications, or evaluate them in a batch (pinggu evaluate, simulate)",
          "请拆分为多份申请，或批量处理（pinggu evaluate、simulate）",
        ],
        [
          "history",
          "invalid_value",
          "at most 100,000 grants in one application",
          "每份申请最多 100000 条拨付记录",
          "split the grants across several applications, or evaluate them in a batch (pinggu evaluate, simulate)",
          "请拆分为多份申请，或批量处理（pinggu evaluate、simulate）",
        ],
      ]
    `);
    expect(issues({ applicant: applicant(), claims: [], history: many(100_001) })).toMatchInlineSnapshot(`
      [
        [
          "history",
          "invalid_value",
          "at most 100,000 grants in one application",
          "每份申请最多 100000 条拨付记录",
          "split the grants across several applications, or evaluate them in a batch (pinggu evaluate, simulate)",
          "请拆分为多份申请，或批量处理（pinggu evaluate、simulate）",
        ],
      ]
    `);
  });

  it("a malformed envelope still reports each claim's facts", () => {
    const document = {
      applicant: { name: "" },
      claims: [
        session("a", "2025-05-01", { input: { pingguGoodsSpecialSession: true, sessionTurnover: "1,000,000" } }),
        "not a claim",
        { id: "c", clauseId: "art99", input: {} },
        { id: "d", clauseId: "art4.2", input: "not facts" },
      ],
    };
    expect(issues(document)).toMatchInlineSnapshot(`
      [
        [
          "applicant.name",
          "invalid_value",
          "a non-empty text",
          "非空文本",
          null,
          null,
        ],
        [
          "applicant.creditCode",
          "required",
          "a string",
          "字符串",
          null,
          null,
        ],
        [
          "claims[1]",
          "invalid_type",
          "an object (JSON {…})",
          "对象（JSON {…}）",
          null,
          null,
        ],
        [
          "claims[2].clauseId",
          "invalid_value",
          "a clause id, one of: art3.1, art3.2, art3.2-mofcom, art3.3, art4.1-investment, art4.1-session, art4.2, art5.1, art5.2, art6.1, art6.2, art7.1-logistics, art7.1-express, art7.2",
          "条款编号，以下之一：art3.1、art3.2、art3.2-mofcom、art3.3、art4.1-investment、art4.1-session、art4.2、art5.1、art5.2、art6.1、art6.2、art7.1-logistics、art7.1-express、art7.2",
          null,
          null,
        ],
        [
          "claims[2].factDate",
          "invalid_value",
          "a calendar date written YYYY-MM-DD (e.g. "2025-03-01"), years 1900–2199",
          "格式为 YYYY-MM-DD 的日历日期（如 "2025-03-01"），年份 1900–2199",
          "dates are strings in the library's core; spreadsheet dates are converted by the spreadsheet adapter",
          "核心库中的日期为字符串；电子表格日期由表格适配层转换",
        ],
        [
          "claims[3].factDate",
          "invalid_value",
          "a calendar date written YYYY-MM-DD (e.g. "2025-03-01"), years 1900–2199",
          "格式为 YYYY-MM-DD 的日历日期（如 "2025-03-01"），年份 1900–2199",
          "dates are strings in the library's core; spreadsheet dates are converted by the spreadsheet adapter",
          "核心库中的日期为字符串；电子表格日期由表格适配层转换",
        ],
        [
          "claims[3].input",
          "invalid_type",
          "an object (JSON {…})",
          "对象（JSON {…}）",
          null,
          null,
        ],
        [
          "claims[0].input.sessionTurnover",
          "invalid_value",
          "an amount in yuan: a plain decimal from 0 to 1000000000000, as a string like "1000.50" or a finite number",
          "以元为单位的金额：0 至 1000000000000 之间的普通小数，写作字符串（如 "1000.50"）或有限数值",
          "thousands separators are not accepted; write "1000" instead of "1,000"",
          "不接受千位分隔符，请写 1000 而不是 1,000",
        ],
      ]
    `);
  });

  it("a finding that names a grant not in the history; grants without a payment date under A10 payment-year", () => {
    const history = [{ id: "g1", clauseId: "art4.2", factDate: "2025-04-01", amount: "1000" }];
    expect(issues({ applicant: applicant({ misconductFindings: [{ kind: "forged-materials", foundOn: "2025-06-01", description: "伪造", grants: ["g1", "g9"] }] }), claims: [], history })).toMatchInlineSnapshot(`
      [
        [
          "applicant.misconductFindings[0].grants[1]",
          "inconsistent",
          "the id of a grant in the application's history",
          "申请中已拨付记录（history）的编号",
          null,
          null,
        ],
      ]
    `);
    expect(issues({ applicant: applicant(), claims: [], history }, PAYMENT_YEAR)).toMatchInlineSnapshot(`
      [
        [
          "history[0].paidOn",
          "required",
          "the payment date: the edition counts annual caps by year of payment (A10)",
          "拨付日期：本版本按支付年度计算年度上限（A10）",
          null,
          null,
        ],
      ]
    `);
  });
});

describe("applicant-level findings: each reason, its article and its words", () => {
  it("第十条 each exclusion, and 第九条/第十三条 a finding", () => {
    const document = {
      applicant: applicant({ restrictedCatalogue: true, majorAccident: true, otherReviewFinding: { reason: "审查认定" }, misconductFindings: [{ kind: "forged-materials", foundOn: "2025-06-01", description: "伪造", grants: "all" }] }),
      claims: [session("a")],
    };
    expect(reasonsOf(document)).toMatchInlineSnapshot(`
      [
        [
          "a",
          "excluded",
          [
            [
              "MISCONDUCT_FINDING",
              "第九条、第十三条",
              "Articles 9 and 13: the applicant was found to have falsified materials or data, or transferred subsidy funds in violation of rules; no further support.",
              "第九条、第十三条：申请主体经查实存在虚报数据、伪造材料或违规转让补贴资金等行为，停止政策支持。",
            ],
            [
              "EXCLUDED_RESTRICTED_CATALOGUE",
              "第十条第（一）种情形",
              "Article 10 (1): the applicant falls in the prohibited or restricted categories of the Beijing catalogue of new industries.",
              "第十条：被列入《北京市新增产业的禁止和限制目录》禁止类和限制类范围，不予支持。",
            ],
            [
              "EXCLUDED_MAJOR_ACCIDENT",
              "第十条第（二）种情形",
              "Article 10 (2): the applicant had a major production-safety accident or major fire accident.",
              "第十条：发生重大生产安全事故或重大火灾事故，不予支持。",
            ],
            [
              "EXCLUDED_BY_REVIEW",
              "第十条第（三）种情形",
              "Article 10 (3): found by review to fall under another non-support circumstance. Stated reason: 审查认定",
              "第十条：经审议具有其他不予支持情形。理由：审查认定",
            ],
          ],
        ],
      ]
    `);
    expect(evaluate(document, EDITION).claims[0]?.citations.map((c) => c.labelZh)).toMatchInlineSnapshot(`
      [
        "第四条第（一）项",
        "第九条",
        "第十三条",
        "第十条第（一）种情形",
        "第十条第（二）种情形",
        "第十条第（三）种情形",
      ]
    `);
  });

  it("第二条 not registered, not in live commerce, or not known", () => {
    expect(reasonsOf({ applicant: applicant({ registeredInPinggu: false, liveCommerceBusiness: false }), claims: [session("a")] })).toMatchInlineSnapshot(`
      [
        [
          "a",
          "ineligible",
          [
            [
              "NOT_REGISTERED_IN_PINGGU",
              "第二条",
              "Article 2: the applicant is not registered (工商注册) in Pinggu District; the measures do not apply.",
              "第二条：申请主体未在平谷区依法进行工商注册，不适用本措施。",
            ],
            [
              "NOT_IN_LIVE_COMMERCE",
              "第二条",
              "Article 2: the applicant is not engaged in live-streaming e-commerce operation, service or management.",
              "第二条：申请主体未从事直播电商相关领域经营、服务、管理。",
            ],
          ],
        ],
      ]
    `);
    expect(reasonsOf({ applicant: applicant({ registeredInPinggu: undefined, liveCommerceBusiness: undefined }), claims: [session("a")] })).toMatchInlineSnapshot(`
      [
        [
          "a",
          "undetermined",
          [
            [
              "APPLICABILITY_UNKNOWN",
              "第二条",
              "Article 2: whether the applicant is registered in Pinggu and engaged in live commerce is not known. Missing: applicant.registeredInPinggu, applicant.liveCommerceBusiness.",
              "第二条：申请主体是否在平谷区注册并从事直播电商尚不明确。缺少：applicant.registeredInPinggu、applicant.liveCommerceBusiness。",
            ],
          ],
        ],
      ]
    `);
    expect(reasonsOf({ applicant: applicant({ liveCommerceBusiness: undefined }), claims: [session("a")] })).toMatchInlineSnapshot(`
      [
        [
          "a",
          "undetermined",
          [
            [
              "APPLICABILITY_UNKNOWN",
              "第二条",
              "Article 2: whether the applicant is registered in Pinggu and engaged in live commerce is not known. Missing: applicant.liveCommerceBusiness.",
              "第二条：申请主体是否在平谷区注册并从事直播电商尚不明确。缺少：applicant.liveCommerceBusiness。",
            ],
          ],
        ],
      ]
    `);
    expect(reasonsOf({ applicant: applicant({ registeredInPinggu: undefined }), claims: [session("a")] })).toMatchInlineSnapshot(`
      [
        [
          "a",
          "undetermined",
          [
            [
              "APPLICABILITY_UNKNOWN",
              "第二条",
              "Article 2: whether the applicant is registered in Pinggu and engaged in live commerce is not known. Missing: applicant.registeredInPinggu.",
              "第二条：申请主体是否在平谷区注册并从事直播电商尚不明确。缺少：applicant.registeredInPinggu。",
            ],
          ],
        ],
      ]
    `);
  });
});

describe("the reasons of each claim status", () => {
  it("out of the window, another policy, a missing scope id, a missing payment date", () => {
    const claims = [
      session("early", "2025-02-28"),
      session("other", "2025-05-01", { otherPolicySupport: { policy: "平谷区某政策" } }),
      { id: "park", clauseId: "art3.1", factDate: "2025-05-01", input: { usedArea: "4000", annualOnlineRetail: "600000000", investment: "3000000" } },
    ];
    expect(reasonsOf({ applicant: applicant(), claims })).toMatchInlineSnapshot(`
      [
        [
          "early",
          "out-of-window",
          [
            [
              "OUT_OF_WINDOW",
              "第十四条",
              "Article 14: the fact paid for lies outside the measures' two-year validity window. Fact date 2025-02-28; window 2025-03-01 to 2027-02-28 inclusive.",
              "第十四条：所申请支持事项的发生日期不在本措施两年有效期内。发生日期 2025-02-28；有效期 2025-03-01 至 2027-02-28（含首尾）。",
            ],
          ],
        ],
        [
          "other",
          "duplicate",
          [
            [
              "SUPPORTED_BY_OTHER_POLICY",
              "第十一条",
              "Article 11: this project or expenditure already received support under another Pinggu District fiscal policy. Other policy: 平谷区某政策.",
              "第十一条：该项目或支出已享受平谷区其他财政政策支持，不能重复享受。其他政策：平谷区某政策。",
            ],
          ],
        ],
        [
          "park",
          "undetermined",
          [
            [
              "SCOPE_ID_MISSING",
              null,
              "The clause is one-time per project or product, and the claim names no project or product id. Missing: claims[2].projectId.",
              "该条款按项目或产品一次性支持，但申请未注明项目或产品编号。缺少：claims[2].projectId。",
            ],
          ],
        ],
      ]
    `);
    expect(reasonsOf({ applicant: applicant(), claims: [session("unpaid")] }, PAYMENT_YEAR)).toMatchInlineSnapshot(`
      [
        [
          "unpaid",
          "undetermined",
          [
            [
              "PAYMENT_DATE_MISSING",
              null,
              "The edition counts annual caps by year of payment (A10), and the claim has no payment date. Missing: claims[0].paymentDate.",
              "本版本按支付年度计算年度上限（A10），但申请未注明支付日期。缺少：claims[0].paymentDate。",
            ],
          ],
        ],
      ]
    `);
  });

  it("a one-time award already given, in the history and in the application; a cap across claims", () => {
    const award = (id: string, factDate: string) => ({ id, clauseId: "art3.2-mofcom", factDate, input: { mofcomRecognition: true } });
    const history = [{ id: "g1", clauseId: "art3.2-mofcom", factDate: "2025-04-01", amount: "200000" }];
    expect(reasonsOf({ applicant: applicant(), claims: [award("m1", "2025-06-01")], history })).toMatchInlineSnapshot(`
      [
        [
          "m1",
          "duplicate",
          [
            [
              "ALREADY_AWARDED_ONCE",
              null,
              "The clause's award is one-time (一次性) and was already awarded in this scope. Scope: per-enterprise; awarded to grant g1.",
              "该条款为一次性支持，此范围内已获支持。范围：每家企业一次；已支持：g1。",
            ],
          ],
        ],
      ]
    `);
    expect(reasonsOf({ applicant: applicant(), claims: [award("m1", "2025-06-01"), award("m2", "2025-07-01")] })).toMatchInlineSnapshot(`
      [
        [
          "m1",
          "awarded",
          [],
        ],
        [
          "m2",
          "duplicate",
          [
            [
              "ALREADY_AWARDED_ONCE",
              null,
              "The clause's award is one-time (一次性) and was already awarded in this scope. Scope: per-enterprise; awarded to claim m1.",
              "该条款为一次性支持，此范围内已获支持。范围：每家企业一次；已支持：m1。",
            ],
          ],
        ],
      ]
    `);
    const sessions = [1, 2, 3, 4, 5, 6, 7].map((n) => session(`s${n}`, `2025-0${n + 2}-10`, { input: { pingguGoodsSpecialSession: true, sessionTurnover: "4500000" } }));
    expect(reasonsOf({ applicant: applicant(), claims: sessions }).slice(6)).toMatchInlineSnapshot(`
      [
        [
          "s7",
          "reduced",
          [
            [
              "CROSS_CLAIM_CAP_APPLIED",
              null,
              "A cap across claims and earlier grants (per enterprise per year, or over the policy term) reduced the amount. the cap per enterprise per calendar year, all sessions together (单个企业年度累计不超过30万元) (2025): headroom 30000.00 of 300000.00; 45000.00 reduced to 30000.00.",
              "跨申请累计上限（企业年度或政策期内）核减了金额。单个企业年度累计限额（2025）：剩余额度 30000.00（上限 300000.00）；45000.00 核减为 30000.00。",
            ],
          ],
        ],
      ]
    `);
  });

  it("grants to recover: all, or the listed ones, each once, with the total", () => {
    const history = [
      { id: "g2", clauseId: "art4.2", factDate: "2025-05-01", amount: "1000.5" },
      { id: "g1", clauseId: "art4.2", factDate: "2025-04-01", amount: "2000" },
    ];
    const all = evaluate({ applicant: applicant({ misconductFindings: [{ kind: "forged-materials", foundOn: "2025-06-01", description: "伪造", grants: "all" }, { kind: "illegal-transfer", foundOn: "2025-07-01", description: "转让", grants: ["g1"] }] }), claims: [], history }, EDITION);
    expect(all.recoveries).toMatchInlineSnapshot(`
      {
        "citations": [
          {
            "article": 9,
            "labelEn": "Article 9",
            "labelZh": "第九条",
            "textZh": "对于伪造、提供虚假材料的项目申报主体，一经查实，应退回已获得的扶持资金。",
          },
          {
            "article": 13,
            "labelEn": "Article 13",
            "labelZh": "第十三条",
            "textZh": "企业、个人在取得本措施的相关支持后，被发现存在虚报数据、伪造申请材料、违规转让补贴资金等不当行为或其他重大违法违规行为，平谷区有关部门有权停止政策支持，并保留相应的追索权。",
          },
        ],
        "items": [
          {
            "amount": "2000.00",
            "clauseId": "art4.2",
            "factDate": "2025-04-01",
            "findings": [
              0,
              1,
            ],
            "grantId": "g1",
          },
          {
            "amount": "1000.50",
            "clauseId": "art4.2",
            "factDate": "2025-05-01",
            "findings": [
              0,
            ],
            "grantId": "g2",
          },
        ],
        "total": "3000.50",
      }
    `);
    const none = evaluate({ applicant: applicant(), claims: [], history }, EDITION);
    expect(none.recoveries).toMatchInlineSnapshot(`
      {
        "citations": [],
        "items": [],
        "total": "0.00",
      }
    `);
  });
});

describe("more refusals and reasons, word for word", () => {
  it("art5.2 without a product id is undetermined, naming claims[i].productId", () => {
    const brand = { id: "b1", clauseId: "art5.2", factDate: "2025-05-01", input: { innovativeProductViaLiveStreaming: true, productAnnualTurnover: "20000000", firstYearAboveThreshold: true } };
    const [claim] = evaluate({ applicant: applicant(), claims: [brand] }, EDITION).claims;
    expect(claim?.status).toBe("undetermined");
    expect(claim?.reasons[0]?.en).toBe("The clause is one-time per project or product, and the claim names no project or product id. Missing: claims[0].productId.");
    expect(claim?.reasons[0]?.zh).toBe("该条款按项目或产品一次性支持，但申请未注明项目或产品编号。缺少：claims[0].productId。");
  });

  it("a project paid in the history under another clause: the reason names the grant", () => {
    const history = [{ id: "g9", clauseId: "art4.2", factDate: "2025-04-01", amount: "200000", projectId: "P" }];
    const claim = { id: "i1", clauseId: "art4.1-investment", factDate: "2025-06-01", projectId: "P", input: { annualOnlineRetail: "8000000", sellsPingguFarmProductsOut: true, liveRoomAndColdChainInvestment: "1000000" } };
    const [decided] = evaluate({ applicant: applicant(), claims: [claim], history }, EDITION).claims;
    expect(decided?.reasons[0]?.en).toContain("Paid under art4.2 (grant g9 in the history).");
    expect(decided?.reasons[0]?.zh).toContain("已按 art4.2 支持（已拨付记录 g9）。");
  });

  it("the draft, which has no publication date, is refused with what to do", () => {
    try {
      evaluate({ applicant: applicant(), claims: [] });
      expect.unreachable();
    } catch (error) {
      const [issue] = (error as PolicyValidationError).issues;
      expect(issue).toMatchObject({
        path: "edition.publishedOn",
        code: "required",
        expected: "the publication date of the edition (第十四条: in force from publication, valid two years)",
        expectedZh: "本版本的发布日期（第十四条：自发布之日起施行，有效期两年）",
        hint: 'the draft has no publication date: derive an edition, e.g. deriveEdition({ publishedOn: "2024-08-19" })',
      });
    }
  });
});
