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

extension EffectiveAnswer {
  /// The committee's agreed answer, which stands whatever the voices said.
  init(agreed value: AnswerValue, _ index: ScoringIndex) {
    let point: Int? = if case .point(let p) = value { p } else { nil }
    self.init(
      score: point.map(index.score), dontKnow: value == .dontKnow, notRelevant: value == .notRelevant, basis: .agreed,
      notes: [])
  }

  /// The one rule of combining the voices' answers `given` to one question: the median of the scale
  /// answers when any voice gave one; otherwise "don't know" if any voice said so, else "not
  /// relevant". Nil when nobody answered. "Don't know" and "not relevant" never become numbers.
  /// `scores` is room for the scale answers.
  static func combining(_ given: some Sequence<AnswerValue>, _ index: ScoringIndex, scores: inout [Double]) -> EffectiveAnswer? {
    scores.removeAll(keepingCapacity: true)
    var count = 0
    var dontKnow = false
    for value in given {
      count += 1
      switch value {
      case .point(let p): scores.append(index.score(p))
      case .dontKnow: dontKnow = true
      case .notRelevant: break
      }
    }
    guard count > 0 else { return nil }
    let basis: Basis = count == 1 ? .single : .median
    if !scores.isEmpty {
      if scores.count > 1 { scores.sort() }
      let mid = scores.count / 2
      let median = scores.count % 2 == 1 ? scores[mid] : (scores[mid - 1] + scores[mid]) / 2
      return EffectiveAnswer(score: median, dontKnow: false, notRelevant: false, basis: basis, notes: [])
    }
    return EffectiveAnswer(score: nil, dontKnow: dontKnow, notRelevant: !dontKnow, basis: basis, notes: [])
  }
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

  /// The effective answer to `question` without its notes, by the one rule of combining the voices
  /// (``EffectiveAnswer/combining(_:_:scores:)``), with the voices' answers looked up once per
  /// session (`voiceAnswers`) and `scores` as room for the scale answers.
  func effectiveAnswer(
    _ question: String, _ voiceAnswers: [[String: Answer]?], _ index: ScoringIndex, scores: inout [Double]
  ) -> EffectiveAnswer? {
    if !agreed.isEmpty, let agreed = agreed[question] { return EffectiveAnswer(agreed: agreed.value, index) }
    return EffectiveAnswer.combining(voiceAnswers.lazy.compactMap { $0?[question]?.value }, index, scores: &scores)
  }

  /// Every asked question's effective answer without its notes, by position (nil where not asked
  /// or not answered): what ``effectiveAnswer(_:_:_:scores:)`` gives for each, computed by reading
  /// each voice's answers once and placing them by position, rather than looking every question up
  /// in every voice (that lookup was a tenth of a roll-up).
  func effectiveAnswers(_ index: ScoringIndex, asked: [Bool]) -> [EffectiveAnswer?] {
    let n = asked.count
    let voiceCount = voices.count
    var given = [AnswerValue?](repeating: nil, count: n * voiceCount)
    for (v, voice) in voices.enumerated() {
      guard let answers = answers[voice.id] else { continue }
      for (id, answer) in answers {
        if let q = index.questionPosition[id] { given[v * n + q] = answer.value }
      }
    }
    var agreedValue = [AnswerValue?](repeating: nil, count: agreed.isEmpty ? 0 : n)
    for (id, answer) in agreed {
      if let q = index.questionPosition[id] { agreedValue[q] = answer.value }
    }
    // A question whose id an earlier one has (no valid pack has such a pair) has the same answers.
    for (q, first) in index.repeatedQuestions {
      for v in 0..<voiceCount { given[v * n + q] = given[v * n + first] }
      if !agreedValue.isEmpty { agreedValue[q] = agreedValue[first] }
    }
    var out = [EffectiveAnswer?](repeating: nil, count: n)
    var scores: [Double] = []
    for q in 0..<n where asked[q] {
      if !agreedValue.isEmpty, let agreed = agreedValue[q] {
        out[q] = EffectiveAnswer(agreed: agreed, index)
      } else {
        out[q] = EffectiveAnswer.combining((0..<voiceCount).lazy.compactMap { given[$0 * n + q] }, index, scores: &scores)
      }
    }
    return out
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
