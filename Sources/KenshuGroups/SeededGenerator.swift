/// A small, seedable random number generator (xoshiro256**, seeded through SplitMix64).
///
/// Group formation must be deterministic for a given seed, and the standard library's
/// `SystemRandomNumberGenerator` cannot be seeded. The bounded-integer and shuffle helpers are
/// implemented here too, rather than with `Int.random(in:using:)`, so that a plan does not
/// change if the standard library changes how it draws bounded numbers.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator whose whole sequence is determined by `seed`.
  public init(seed: UInt64) {
    // SplitMix64 spreads any seed (including 0) over the 256-bit state, which must not be all zero.
    var mix = SplitMix64(state: seed)
    s0 = mix.next()
    s1 = mix.next()
    s2 = mix.next()
    s3 = mix.next()
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  /// A number in `0..<bound` (Lemire's multiply-shift; `bound` must be positive).
  public mutating func nextInt(below bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    return Int(UInt64(bound).multipliedFullWidth(by: next()).high)
  }

  /// A number in `[0, 1)` with 53 random bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// Fisher–Yates shuffle driven by this generator.
  public mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      let j = nextInt(below: i + 1)
      if i != j { items.swapAt(i, j) }
    }
  }

  private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}

/// SplitMix64, used only to expand a seed into xoshiro's state.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
