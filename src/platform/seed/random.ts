// Seeded randomness for synthetic data. Every stream is derived from the run's seed and a label (the
// authority's code, a part's name), so one authority's data is the same whichever others are generated
// with it, and adding a part does not change the rows the other parts write.

/** cyrb128: four 32-bit words from a string, to seed sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** sfc32: small, fast and good enough for synthetic data. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(readonly label: string) {
    ;[this.a, this.b, this.c, this.d] = hash128(label)
    for (let i = 0; i < 12; i++) this.next()
  }

  /** An independent stream for a sub-task, the same whatever this stream has drawn so far. */
  derive(...labels: Array<string | number>): Random {
    return new Random(`${this.label}/${labels.join('/')}`)
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** An integer from low to high inclusive. */
  between(low: number, high: number): number {
    return low + this.below(high - low + 1)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next())
  }

  /** Normally distributed (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  /** A count with the given mean: the integer part, plus one with the fractional part's chance. */
  round(expected: number): number {
    const whole = Math.floor(expected)
    return whole + (this.chance(expected - whole) ? 1 : 0)
  }
}

/** Picks from a fixed list by weight in O(log n). */
export class Weighted<T> {
  private readonly items: T[]
  private readonly cumulative: Float64Array

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('Weighted needs at least one entry')
    this.items = entries.map(([item]) => item)
    this.cumulative = new Float64Array(entries.length)
    let total = 0
    entries.forEach(([, weight], i) => { total += weight; this.cumulative[i] = total })
  }

  pick(random: Random): T {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.cumulative[middle]! > target) high = middle
      else low = middle + 1
    }
    return this.items[low]!
  }
}

/** Common names commoner: the n-th most common has weight 1 / (n + 3) ^ exponent. */
export function byPopularity<T>(items: readonly T[], exponent = 0.9): Weighted<T> {
  return new Weighted(items.map((item, rank) => [item, 1 / (rank + 3) ** exponent] as const))
}

/**
 * Samples a distribution given as points on its quantile function ([probability, value], probabilities rising
 * from 0 to 1), interpolating linearly: enough to match published medians and quartiles.
 */
export function fromQuantiles(random: Random, points: ReadonlyArray<readonly [number, number]>): number {
  const u = random.next()
  for (let i = 1; i < points.length; i++) {
    const [p1, v1] = points[i]!
    if (u <= p1) {
      const [p0, v0] = points[i - 1]!
      return v0 + ((u - p0) / (p1 - p0)) * (v1 - v0)
    }
  }
  return points[points.length - 1]![1]
}
