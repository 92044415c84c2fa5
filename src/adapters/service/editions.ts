/** The editions a server answers under: each with its content hash, the first being the default. */
import { type Edition, editionHash } from "../../index.js";

export interface ServedEdition {
  readonly id: string;
  readonly hash: string;
  readonly edition: Edition;
  readonly isDefault: boolean;
}

/** The editions, hashed once. Two with one id could not be told apart in a request: refused. */
export function servedEditions(editions: readonly Edition[]): ServedEdition[] {
  if (editions.length === 0) throw new Error("the service needs at least one edition");
  const seen = new Set<string>();
  return editions.map((edition, index) => {
    if (seen.has(edition.id)) throw new Error(`two editions have the id ${JSON.stringify(edition.id)}: give each file its own "id"`);
    seen.add(edition.id);
    return { id: edition.id, hash: editionHash(edition), edition, isDefault: index === 0 };
  });
}

/** An edition by its id or its hash (either names it for good), or undefined. */
export function findEdition(editions: readonly ServedEdition[], key: string): ServedEdition | undefined {
  return editions.find((served) => served.id === key || served.hash === key);
}
