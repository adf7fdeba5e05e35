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
    var scores: [Double] = []
    guard var answer = effectiveAnswer(question, voiceAnswers, pack.scoringIndex, scores: &scores) else { return nil }
    answer.notes = noteLines(question)
    return answer
  }

  /// Each voice's answers, in the voices' order (nil for a voice with none).
  var voiceAnswers: [[String: Answer]?] { voices.map { answers[$0.id] } }

  /// The effective answer to `question` without its notes: the one rule of combining the voices,
  /// which the assessment and the roll-up both ask, with the voices' answers looked up once per
  /// session (`voiceAnswers`) and `scores` as room for the scale answers.
  func effectiveAnswer(
    _ question: String, _ voiceAnswers: [[String: Answer]?], _ index: ScoringIndex, scores: inout [Double]
  ) -> EffectiveAnswer? {
    if !agreed.isEmpty, let agreed = agreed[question] {
      return EffectiveAnswer(
        score: agreed.point.map(index.score), dontKnow: agreed.value == .dontKnow,
        notRelevant: agreed.value == .notRelevant, basis: .agreed, notes: [])
    }
    scores.removeAll(keepingCapacity: true)
    var given = 0
    var dontKnow = false
    for answers in voiceAnswers {
      guard let a = answers?[question] else { continue }
      given += 1
      switch a.value {
      case .point(let p): scores.append(index.score(p))
      case .dontKnow: dontKnow = true
      case .notRelevant: break
      }
    }
    guard given > 0 else { return nil }
    let basis: EffectiveAnswer.Basis = given == 1 ? .single : .median
    if !scores.isEmpty {
      if scores.count > 1 { scores.sort() }
      let mid = scores.count / 2
      let median = scores.count % 2 == 1 ? scores[mid] : (scores[mid - 1] + scores[mid]) / 2
      return EffectiveAnswer(score: median, dontKnow: false, notRelevant: false, basis: basis, notes: [])
    }
    return EffectiveAnswer(score: nil, dontKnow: dontKnow, notRelevant: !dontKnow, basis: basis, notes: [])
  }

  /// The score of scale point `point` (1–5) on the pack's scale.
  func score(_ point: Int, _ pack: ContentPack) -> Double { pack.scoringIndex.score(point) }

  /// The notes on `question`: the agreed answer's, then each voice's, labelled when there are several voices.
  func noteLines(_ question: String) -> [String] {
    var out: [String] = []
    if let note = agreed[question]?.note, !note.isEmpty { out.append(note) }
    for voice in voices {
      guard let note = answers[voice.id]?[question]?.note, !note.isEmpty else { continue }
      out.append(voices.count > 1 && !voice.name.isEmpty ? "\(voice.name): \(note)" : note)
    }
    return out
  }
}
