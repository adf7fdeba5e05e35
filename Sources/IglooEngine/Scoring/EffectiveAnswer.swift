import IglooContent

/// The answer the profile uses for one question, after combining the voices.
public struct EffectiveAnswer: Sendable, Hashable {
  /// How it was reached.
  public enum Basis: String, Sendable, Hashable, Codable {
    /// The committee's agreed answer.
    case agreed
    /// The only voice that answered.
    case single
    /// The median of several voices.
    case median
  }

  /// The score 0–100 before any reversal, or nil for "don't know" / "not relevant".
  public var score: Double?
  /// "Don't know": a knowledge gap.
  public var dontKnow: Bool
  /// "Not relevant": left out of every score.
  public var notRelevant: Bool
  /// How it was reached.
  public var basis: Basis
  /// The notes of every voice (and the agreed answer), labelled.
  public var notes: [String]
}

extension Session {
  /// The answer the profile uses for `question`: the agreed one if recorded, the median of the
  /// voices' scale answers otherwise. Nil when nobody answered.
  ///
  /// "Don't know" and "not relevant" never become numbers: when any voice gave a scale answer,
  /// the median is taken over those only; otherwise the answer is "don't know" if any voice said so.
  public func effectiveAnswer(_ question: String, _ pack: ContentPack) -> EffectiveAnswer? {
    let notes = noteLines(question)
    if let agreed = agreed[question] {
      return EffectiveAnswer(
        score: agreed.point.map { score($0, pack) }, dontKnow: agreed.value == .dontKnow,
        notRelevant: agreed.value == .notRelevant, basis: .agreed, notes: notes)
    }
    let given = voices.compactMap { answers[$0.id]?[question] }
    guard !given.isEmpty else { return nil }
    let basis: EffectiveAnswer.Basis = given.count == 1 ? .single : .median
    let scores = given.compactMap(\.point).map { score($0, pack) }.sorted()
    if !scores.isEmpty {
      let mid = scores.count / 2
      let median = scores.count % 2 == 1 ? scores[mid] : (scores[mid - 1] + scores[mid]) / 2
      return EffectiveAnswer(score: median, dontKnow: false, notRelevant: false, basis: basis, notes: notes)
    }
    let dontKnow = given.contains { $0.value == .dontKnow }
    return EffectiveAnswer(score: nil, dontKnow: dontKnow, notRelevant: !dontKnow, basis: basis, notes: notes)
  }

  /// The score of scale point `point` (1–5) on the pack's scale.
  func score(_ point: Int, _ pack: ContentPack) -> Double {
    let scale = pack.info.scale
    guard point >= 1, point <= scale.count else { return Double((point - 1) * 25) }
    return Double(scale[point - 1].value)
  }

  private func noteLines(_ question: String) -> [String] {
    var out: [String] = []
    if let note = agreed[question]?.note, !note.isEmpty { out.append(note) }
    for voice in voices {
      guard let note = answers[voice.id]?[question]?.note, !note.isEmpty else { continue }
      out.append(voices.count > 1 && !voice.name.isEmpty ? "\(voice.name): \(note)" : note)
    }
    return out
  }
}
