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

  /// A number with at most one decimal, with a decimal comma in Danish, for figures a reader
  /// recomputes by hand (means, medians, the residual-risk formula).
  static func exact(_ value: Double, _ language: Language) -> String {
    let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    if magnitude % 10 == 0 { return sign + String(magnitude / 10) }
    let separator = language == .da ? "," : "."
    return sign + String(magnitude / 10) + separator + String(magnitude % 10)
  }
}
