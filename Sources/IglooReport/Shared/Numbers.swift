import IglooContent

/// The fixed rules by which reports write numbers, so that the same session always gives the same text.
enum Numbers {
  /// Guards against binary fractions such as 49.999999999 that stand for an exact 50.
  private static let epsilon = 1e-9

  /// A score as a whole number, rounded down.
  ///
  /// Rounding down keeps a shown figure inside its band: the thresholds are whole numbers, so a
  /// score of 49.6 (moderate) is shown as 49, never as a "50" that reads as high.
  static func whole(_ value: Double) -> String {
    String(Int((value + epsilon).rounded(.down)))
  }

  /// A number with at most two decimals, trailing zeros dropped, with a decimal comma in Danish,
  /// for figures a reader recomputes by hand (means, medians, the residual-risk formula).
  ///
  /// Two decimals keep the means of two or four answers (31,25; 43,75) exact, so redoing a
  /// calculation by hand from the figures shown gives the figure shown.
  /// A figure of a finding's calculation with at most one decimal (none when it is whole), with a
  /// decimal comma in Danish: the scales, the formulas and their results are all shown this way,
  /// so one line never says "37" and then "37,5". A result is rounded down (`down`), like
  /// ``whole(_:)``, so it stays inside its band; an input is rounded to the nearest tenth.
  static func tenth(_ value: Double, _ language: Language, down: Bool = false) -> String {
    let scaled = value * 10 + (down ? epsilon : 0)
    let tenths = Int(down ? scaled.rounded(.down) : scaled.rounded(.toNearestOrAwayFromZero))
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    let fraction = magnitude % 10
    return sign + String(magnitude / 10) + (fraction == 0 ? "" : (language == .da ? "," : ".") + String(fraction))
  }

  static func exact(_ value: Double, _ language: Language) -> String {
    let hundredths = Int((value * 100).rounded(.toNearestOrAwayFromZero))
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    var fraction = String(magnitude % 100)
    if fraction.count < 2 { fraction = "0" + fraction }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let whole = String(magnitude / 100)
    return sign + whole + (fraction.isEmpty ? "" : (language == .da ? "," : ".") + fraction)
  }
}
