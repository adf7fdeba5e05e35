import IglooContent

/// A score held as an exact fraction, so that bands and triggers compare with their thresholds
/// without binary rounding.
///
/// Every figure igloo computes is a rational function of the answers: points are whole numbers,
/// a median of two voices is a half, a scale is a mean, a residual risk is E × (100 − M) / 100.
/// In floating point, 75 × (1 − 0.6667) comes out as 24.999999999999993 and falls in the wrong
/// band; as a fraction it is exactly 25. The `Double` figures igloo shows and exports are the
/// nearest binary value of the exact one, taken once, after the band and the triggers are settled.
public struct ExactScore: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The numerator, in lowest terms with the denominator.
  public let numerator: Int
  /// The denominator, always positive.
  public let denominator: Int

  /// The fraction `numerator / denominator`, reduced; the denominator must not be 0.
  public init(_ numerator: Int, _ denominator: Int = 1) {
    precondition(denominator != 0, "an exact score with denominator 0")
    let g = Self.gcd(abs(numerator), abs(denominator))
    let sign = denominator < 0 ? -1 : 1
    self.numerator = sign * numerator / max(g, 1)
    self.denominator = sign * denominator / max(g, 1)
  }

  /// The value a decimal number from the content or an answer stands for: `37.5` is 75/2 and
  /// `33.3` is 333/10, read from the number's shortest decimal form rather than its binary value.
  public init(decimal value: Double) {
    // The common case, a whole number or a short decimal, without formatting the number (which cost
    // a third of scoring a session): n / 10^k is the number's shortest decimal form when k is the
    // fewest fractional digits for which the fraction reads back as `value`. Both n and 10^k are
    // exact in a Double here, so the division is rounded once, exactly as reading "n/10^k" is.
    if value.magnitude < 1e9 {
      var scale = 1.0
      for k in 0...Self.powersOfTen.count - 1 {
        let n = (value * scale).rounded()
        if n / scale == value {
          self.init(Int(n), Self.powersOfTen[k])
          return
        }
        scale *= 10
      }
    }
    self = Self.parsingShortestForm(value)
  }

  /// 10^0 through 10^6: the fractional digits the fast path of ``init(decimal:)`` tries.
  private static let powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

  /// ``init(decimal:)`` by reading the number's printed shortest form: the reference the fast path
  /// must agree with, and the way for numbers with more digits.
  static func parsingShortestForm(_ value: Double) -> ExactScore {
    var text = String(value)
    if text.hasSuffix(".0") { text.removeLast(2) }
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    if text.contains("e") || parts.count > 2 || parts.contains(where: { $0.count > 15 }) {
      // Not a plain decimal (never the case for points or thresholds): keep millionths.
      return ExactScore(Int((value * 1_000_000).rounded()), 1_000_000)
    }
    let whole = Int(parts[0]) ?? 0
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    var scale = 1
    for _ in fraction { scale *= 10 }
    let n = whole * scale + (Int(fraction) ?? 0)
    return ExactScore(negative ? -n : n, scale)
  }

  /// The nearest binary value, for display and export.
  public var double: Double { Double(numerator) / Double(denominator) }

  /// The largest whole number not above the score: the figure headlines show.
  public var wholeDown: Int {
    let q = numerator / denominator
    return numerator % denominator != 0 && numerator < 0 ? q - 1 : q
  }

  public var description: String { denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)" }

  /// Zero.
  public static let zero = ExactScore(0)
  /// One hundred, the top of every scale.
  public static let hundred = ExactScore(100)

  /// The sum.
  public static func + (a: ExactScore, b: ExactScore) -> ExactScore {
    let g = gcd(a.denominator, b.denominator)
    let l = a.denominator / g
    return checked(
      a.numerator.multipliedReportingOverflow(by: b.denominator / g), b.numerator.multipliedReportingOverflow(by: l),
      l.multipliedReportingOverflow(by: b.denominator), a.double + b.double, add: true)
  }

  /// The difference.
  public static func - (a: ExactScore, b: ExactScore) -> ExactScore { a + ExactScore(-b.numerator, b.denominator) }

  /// The product.
  public static func * (a: ExactScore, b: ExactScore) -> ExactScore {
    let g1 = gcd(abs(a.numerator), b.denominator), g2 = gcd(abs(b.numerator), a.denominator)
    let n = (a.numerator / max(g1, 1)).multipliedReportingOverflow(by: b.numerator / max(g2, 1))
    let d = (a.denominator / max(g2, 1)).multipliedReportingOverflow(by: b.denominator / max(g1, 1))
    if n.overflow || d.overflow { return approximate(a.double * b.double) }
    return ExactScore(n.partialValue, d.partialValue)
  }

  /// The quotient by a whole number, e.g. a sum divided by its count; `n` must not be 0.
  public static func / (a: ExactScore, n: Int) -> ExactScore {
    let d = a.denominator.multipliedReportingOverflow(by: n)
    if d.overflow { return approximate(a.double / Double(n)) }
    return ExactScore(a.numerator, d.partialValue)
  }

  /// The mean of `scores`; nil when there are none.
  public static func mean(_ scores: [ExactScore]) -> ExactScore? {
    guard !scores.isEmpty else { return nil }
    return scores.reduce(.zero, +) / scores.count
  }

  /// Orders scores by value, exactly.
  public static func < (a: ExactScore, b: ExactScore) -> Bool {
    let l = a.numerator.multipliedReportingOverflow(by: b.denominator)
    let r = b.numerator.multipliedReportingOverflow(by: a.denominator)
    if l.overflow || r.overflow { return a.double < b.double }
    return l.partialValue < r.partialValue
  }

  private static func checked(
    _ x: (partialValue: Int, overflow: Bool), _ y: (partialValue: Int, overflow: Bool),
    _ d: (partialValue: Int, overflow: Bool), _ fallback: Double, add: Bool
  ) -> ExactScore {
    guard !x.overflow, !y.overflow, !d.overflow else { return approximate(fallback) }
    let s = x.partialValue.addingReportingOverflow(y.partialValue)
    guard !s.overflow else { return approximate(fallback) }
    return ExactScore(s.partialValue, d.partialValue)
  }

  /// A figure whose exact fraction no longer fits 64 bits (never reached with the pack's scales,
  /// whose denominators stay below a million): kept to millionths.
  private static func approximate(_ value: Double) -> ExactScore { ExactScore(Int((value * 1_000_000).rounded()), 1_000_000) }

  static func gcd(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }
}

extension BandThresholds {
  /// The start of the moderate band, exactly as the content writes it.
  public var exactModerate: ExactScore { ExactScore(decimal: moderate) }
  /// The start of the high band, exactly as the content writes it.
  public var exactHigh: ExactScore { ExactScore(decimal: high) }
}
