import * as lib from "../src/index.js";
for (const [k, v] of Object.entries(lib)) console.log(k, typeof v, typeof v === "function" ? v.length : "");
