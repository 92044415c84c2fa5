/**
 * Shared inputs for the tests that kill mutants (test/mutation/*.test.ts): one eligible claim's facts per
 * clause under the draft's figures, and a valid applicant. Plain data, built fresh on every call, so that
 * no test can change another's input.
 */
import { usccCheckCharacter } from "../../src/kernel/uscc.js";
import type { ClauseId } from "../../src/measures/edition.js";

/** A credit code with the right check character. */
export function creditCode(first17 = "91110117MA01ABCD1"): string {
  return first17 + (usccCheckCharacter(first17) as string);
}

/** Facts that make each clause eligible under the draft, with every optional fact given. */
export function eligibleInput(clauseId: ClauseId): Record<string, unknown> {
  switch (clauseId) {
    case "art3.1":
      return { usedArea: "4000", annualOnlineRetail: "600000000", investment: "3000000" };
    case "art3.2":
      return { municipalRecognition: true, mofcomRecognition: false, rentCost: "100000", renovationCost: "50000", equipmentCost: "50000" };
    case "art3.2-mofcom":
      return { mofcomRecognition: true };
    case "art3.3":
      return { selfOperatedOnlineSales: true, annualOnlineRetail: "35000000", growthRate: "0.2", cityAverageGrowthRate: "0.1" };
    case "art4.1-investment":
      return { annualOnlineRetail: "8000000", sellsPingguFarmProductsOut: true, bringsIndustrialProductsIn: false, liveRoomAndColdChainInvestment: "1000000" };
    case "art4.1-session":
      return { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" };
    case "art4.2":
      return { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment: "1000000" };
    case "art5.1":
      return { ecommerceServiceEnterprise: true, localEnterprisesDriven: "6", localEnterprisesCumulativeTurnover: "20000000", reviewedRate: "0.005" };
    case "art5.2":
      return { innovativeProductViaLiveStreaming: true, productAnnualTurnover: "12000000", firstYearAboveThreshold: true };
    case "art6.1":
      return { personTimesTrained: "600", completeTrainingRecords: true, placementRate: "0.3", approvedAmount: "80000" };
    case "art6.2":
      return { publicBasicServiceEvent: true, actualCost: "100000" };
    case "art7.1-logistics":
      return { logisticsFacilityBuiltOrUpgraded: true, auditedInvestment: "400000" };
    case "art7.1-express":
      return { sellsPingguSpecialtyFarmProducts: true, annualExpressParcels: "125000" };
    case "art7.2":
      return {
        statisticallyRegistered: true,
        annualOnlineRetail: "6000000",
        growthRate: "0.15",
        ownOperationsCommercialLoan: true,
        thirdPartyReviewApproved: true,
        principal: "3600000",
        benchmarkAnnualRate: "0.04",
        interestPeriodStart: "2025-01-01",
        interestPeriodEnd: "2025-07-01",
        interestPaid: "80000",
      };
  }
}

/** An applicant to whom the measures apply, with nothing against it. */
export function applicant(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: "北京平谷示例直播电商有限公司", creditCode: creditCode(), registeredInPinggu: true, liveCommerceBusiness: true, ...extra };
}
