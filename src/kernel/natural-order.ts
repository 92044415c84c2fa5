/**
 * Identifiers in natural order: runs of digits compare as whole numbers, so "s2" comes before "s10" (as a
 * person numbering claims expects), and "s01" beside "s1". Where two ids are equal that way ("s01" and
 * "s1"), they compare by UTF-16 code units, so the order is total and never depends on input order.
 */
export function compareNatural(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare the two numbers: leading zeros aside, the longer run is the larger number.
      let startA = i;
      while (startA < a.length && a.charCodeAt(startA) === 48) startA++;
      let startB = j;
      while (startB < b.length && b.charCodeAt(startB) === 48) startB++;
      let endA = startA;
      while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++;
      let endB = startB;
      while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++;
      if (endA - startA !== endB - startB) return endA - startA < endB - startB ? -1 : 1;
      for (let k = 0; k < endA - startA; k++) {
        const d = a.charCodeAt(startA + k) - b.charCodeAt(startB + k);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      i = endA;
      j = endB;
    } else {
      if (ca !== cb) return ca < cb ? -1 : 1;
      i++;
      j++;
    }
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return a < b ? -1 : 1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
