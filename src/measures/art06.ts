/**
 * 第六条 激活直播电商发展动能 — Article 6: activate the drivers of live-commerce development.
 * Clauses: art6.1 (skills training), art6.2 (characteristic events).
 */
import { requireFact, thresholdCondition } from "../kernel/conditions.js";
import { count, fact, facts, fraction, money } from "../kernel/fields.js";
import { CLAUSE_REASON_CODES } from "../kernel/reasons.js";
import { cite, type MeasuresRule, present } from "./common.js";

const ITEM_6_1 =
  "（一）开展技能培训。依托区内园区基地、培训机构等开展电商人才培育，推广“主播带教+实战实训”等模式。每年培训电商人才500人次以上，建立完整的培训档案，培训后3个月内，参训人员实现电商相关就业（如主播、运营、场控）或自主开设直播店铺的比例20%以上，给予培训主体最高不超过10万元一次性补贴。";
const ITEM_6_2 =
  "（二）举办特色活动。对具有公共性、基础性、服务性的电商产业活动给予经费支持，包括线上线下专业会展、创业创新大赛、宣传推广等，单个项目按实际费用的50%给予承办单位最高不超过30万元的一次性资金扶持。";

// ---------------------------------------------------------------------------------------------------
// art6.1 开展技能培训

const art6_1Schema = facts({
  personTimesTrained: count({
    en: "e-commerce trainees trained in the year, in person-times",
    zh: "当年培训电商人才人次",
  }),
  completeTrainingRecords: fact({
    en: "keeps complete training records (files) of the training",
    zh: "建立完整的培训档案",
  }),
  placementRate: fraction({
    en: "share of trainees who, within 3 months after training, took e-commerce work (streamer, operations, live control) or opened their own live shop (0.20 = 20%)",
    zh: "培训后3个月内参训人员实现电商相关就业（如主播、运营、场控）或自主开设直播店铺的比例（0.20 即 20%）",
  }),
  approvedAmount: money({
    en: "amount approved by the review, yuan (optional: without it the result is the ceiling)",
    zh: "评审核定的补贴金额（元）（可选：未提供时结果为最高限额）",
  }),
});

export const art6_1: MeasuresRule<typeof art6_1Schema> = {
  id: "art6.1",
  title: { zh: "开展技能培训", en: "Skills training" },
  citation: cite(
    6,
    1,
    ITEM_6_1,
    "每年培训电商人才500人次以上，建立完整的培训档案，培训后3个月内，参训人员实现电商相关就业（如主播、运营、场控）或自主开设直播店铺的比例20%以上，给予培训主体最高不超过10万元一次性补贴。",
  ),
  reading: {
    en: "A training entity that trained at least 500 person-times of e-commerce talent in the year, keeps complete training records, and placed at least 20% of its trainees in e-commerce work or their own live shop within 3 months receives a one-time subsidy of at most 100,000 yuan per year. The text gives only the ceiling: the amount is the approved amount, and without one the result is the ceiling, flagged as the maximum rather than a computed figure.",
    zh: "培训主体当年培训电商人才≥500人次、建立完整培训档案、培训后3个月内参训人员电商相关就业或自主开设直播店铺的比例≥20%的，给予一次性补贴，每年最高10万元。条文仅规定上限：金额为评审核定金额；未提供核定金额时结果为最高限额，并标明其为上限而非计算结果。",
  },
  formula: {
    en: "the approved amount (default: the ceiling of 100,000)",
    zh: "评审核定金额（默认：最高限额10万元）",
  },
  schema: art6_1Schema,
  // A18: paid on a year's figure, dated 31 December of the year the figure counts.
  factDate: "year-end",
  switches: [],
  // The approved amount is optional: without it the ceiling is returned (and flagged), never "undetermined".
  amountFields: [],
  conditions(input, ctx) {
    const p = ctx.params["art6.1"];
    return [
      thresholdCondition(
        {
          id: "art6.1/person-times",
          field: "personTimesTrained",
          value: input.personTimesTrained,
          threshold: p.minPersonTimes,
          unit: "count",
          label: { en: "person-times trained in the year", zh: "当年培训人次" },
        },
        ctx.words,
        ctx.dec,
      ),
      requireFact("art6.1/training-records", "completeTrainingRecords", input.completeTrainingRecords, {
        en: "complete training records kept",
        zh: "建立完整的培训档案",
      }),
      thresholdCondition(
        {
          id: "art6.1/placement-rate",
          field: "placementRate",
          value: input.placementRate,
          threshold: p.minPlacementRate,
          unit: "rate",
          label: {
            en: "share of trainees in e-commerce work or running their own live shop within 3 months",
            zh: "培训后3个月内参训人员实现电商相关就业或自主开设直播店铺的比例",
          },
        },
        ctx.words,
        ctx.dec,
      ),
    ];
  },
  amount(input, ctx, calc) {
    if (input.approvedAmount !== undefined) {
      return calc.value({ en: "amount approved by the review", zh: "评审核定金额" }, input.approvedAmount);
    }
    calc.note(CLAUSE_REASON_CODES.AMOUNT_IS_CEILING);
    return calc.value(
      { en: "no approved amount: the ceiling (a maximum, not a computed figure)", zh: "未提供核定金额：最高限额（上限，而非计算结果）" },
      ctx.dec(ctx.params["art6.1"].cap),
    );
  },
  caps(ctx) {
    return [
      {
        id: "art6.1/per-training-entity",
        limit: ctx.dec(ctx.params["art6.1"].cap),
        scope: "per-claim",
        label: { en: "the cap of the subsidy (最高不超过10万元)", zh: "培训主体补贴最高限额" },
      },
    ];
  },
  once: () => "per-enterprise-per-year",
};

// ---------------------------------------------------------------------------------------------------
// art6.2 举办特色活动

const art6_2Schema = facts({
  publicBasicServiceEvent: fact({
    en: "the event is a public, basic, service-type e-commerce industry event (professional exhibition online or offline, entrepreneurship or innovation contest, promotion)",
    zh: "具有公共性、基础性、服务性的电商产业活动（线上线下专业会展、创业创新大赛、宣传推广等）",
  }),
  actualCost: money({ en: "actual cost of the event (project), yuan", zh: "活动（项目）实际费用（元）" }),
});

export const art6_2: MeasuresRule<typeof art6_2Schema> = {
  id: "art6.2",
  title: { zh: "举办特色活动", en: "Characteristic events" },
  citation: cite(
    6,
    2,
    ITEM_6_2,
    "对具有公共性、基础性、服务性的电商产业活动给予经费支持，包括线上线下专业会展、创业创新大赛、宣传推广等，单个项目按实际费用的50%给予承办单位最高不超过30万元的一次性资金扶持。",
  ),
  reading: {
    en: "The organiser of a public, basic, service-type e-commerce industry event (professional exhibitions online or offline, entrepreneurship and innovation contests, promotion) receives 50% of the event's actual cost, at most 300,000 yuan per project, paid once (一次性资金扶持, A17): the project's first claim awarded more than 0 is paid and every later claim of the project, here or in the grant history, is refused. Each claim needs its project id (`projectId`).",
    zh: "具有公共性、基础性、服务性的电商产业活动（线上线下专业会展、创业创新大赛、宣传推广等），按单个项目实际费用的50%给予承办单位扶持，每个项目最高30万元，一次性支持（A17）：项目首笔获支持（金额大于0）的申报予以支持，该项目此后的申报（含已拨付记录）不予支持。每笔申报须填写项目编号（projectId）。",
  },
  formula: { en: "actual cost × 50%", zh: "实际费用 × 50%" },
  schema: art6_2Schema,
  switches: ["art6_2ProjectScope"],
  amountFields: ["actualCost"],
  conditions(input) {
    return [
      requireFact("art6.2/public-event", "publicBasicServiceEvent", input.publicBasicServiceEvent, {
        en: "a public, basic, service-type e-commerce industry event",
        zh: "具有公共性、基础性、服务性的电商产业活动",
      }),
    ];
  },
  amount(input, ctx, calc) {
    return calc.multiply(
      { en: "actual cost × rate", zh: "实际费用 × 扶持比例" },
      present(input.actualCost, "actualCost"),
      ctx.dec(ctx.params["art6.2"].rate),
    );
  },
  caps(ctx) {
    return [
      {
        id: "art6.2/per-project",
        limit: ctx.dec(ctx.params["art6.2"].capPerProject),
        scope: "per-project",
        label: { en: "the cap per project (最高不超过30万元)", zh: "单个项目最高限额" },
      },
    ];
  },
  // 单个项目……一次性资金扶持 (A17): one payment per project; the old reading pays several claims of a
  // project up to its cap.
  once: (ctx) => (ctx.switches.art6_2ProjectScope === "cumulative" ? undefined : "per-project"),
};

/** Article 6's clauses, in the order of the text. */
export const ARTICLE_6_RULES: readonly MeasuresRule[] = [art6_1, art6_2];
