/// Texts made of pieces chosen by a seeded generator, so that a failing text can be replayed: the
/// fast paths' tests compare a byte loop with the rule it stands for over thousands of these.
public struct SeededText {
  /// The generator's state; the same seed gives the same texts.
  public var seed: UInt64
  /// What the texts are made of.
  public let pieces: [String]

  /// A generator over `pieces`, starting from `seed`.
  public init(seed: UInt64, pieces: [String]) {
    self.seed = seed
    self.pieces = pieces
  }

  /// The next text: `count` pieces, each chosen by a linear congruential step.
  public mutating func next(pieces count: Int) -> String {
    var text = ""
    for _ in 0..<count {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      text += pieces[Int(seed >> 33) % pieces.count]
    }
    return text
  }
}
