import * as z from "zod";
import { RULES } from "../src/measures/registry.js";
for (const rule of RULES) {
  const js = z.toJSONSchema(rule.schema, { io: "input", unrepresentable: "any" }) as any;
  const money = Object.entries(js.properties ?? {}).filter(([, p]: any) => JSON.stringify(p).includes("\\\\.\\\\d{1,2}0*")).map(([k]) => k);
  console.log(rule.id, money.join(","));
}
