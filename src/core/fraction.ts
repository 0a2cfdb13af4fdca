/**
 * Exact fractions of integers (BigInt), so that scores are compared without rounding (SPEC 6:
 * equal scores are equal as fractions). A number enters as the decimal it is written as, the
 * shortest one that reads back as that double: `0.1` is 1/10, not the binary 0.1000000000000000055…
 */

/** numerator / denominator, in lowest terms, with denominator > 0. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const ZERO: Fraction = { numerator: 0n, denominator: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduced(numerator: bigint, denominator: bigint): Fraction {
  if (denominator === 0n) throw new RangeError("a fraction with denominator 0");
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

/** The integer `value`. */
export function integer(value: bigint | number): Fraction {
  return { numerator: BigInt(value), denominator: 1n };
}

/** The finite number `value` as the decimal fraction JavaScript writes it as (`String(value)`). */
export function fractionOf(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return integer(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new RangeError(`not a decimal: ${value}`);
  const [, sign = "", whole = "", decimals = "", exponent = "0"] = match;
  const digits = BigInt(`${sign}${whole}${decimals}`);
  const scale = decimals.length - Number(exponent);
  return scale >= 0
    ? reduced(digits, 10n ** BigInt(scale))
    : integer(digits * 10n ** BigInt(-scale));
}

export function add(a: Fraction, b: Fraction): Fraction {
  if (a.denominator === b.denominator) return reduced(a.numerator + b.numerator, a.denominator);
  return reduced(
    a.numerator * b.denominator + b.numerator * a.denominator,
    a.denominator * b.denominator,
  );
}

export function subtract(a: Fraction, b: Fraction): Fraction {
  return add(a, { numerator: -b.numerator, denominator: b.denominator });
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return reduced(a.numerator * b.numerator, a.denominator * b.denominator);
}

export function divide(a: Fraction, b: Fraction): Fraction {
  return reduced(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** The sum of `values` (0 for none). */
export function sum(values: Iterable<Fraction>): Fraction {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

/** Negative when a < b, 0 when equal, positive when a > b: cross-multiplied, never rounded. */
export function compare(a: Fraction, b: Fraction): number {
  const difference = a.numerator * b.denominator - b.numerator * a.denominator;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The nearest double (for display; never for comparing). */
export function toNumber(value: Fraction): number {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  const small = (n: bigint) => n <= limit && n >= -limit;
  if (small(value.numerator) && small(value.denominator))
    return Number(value.numerator) / Number(value.denominator);
  // Twenty decimals of the quotient are more than a double holds.
  const scale = 10n ** 20n;
  return Number((value.numerator * scale) / value.denominator) / 1e20;
}
