import IglooContent

/// Which figures rest on a median of voices who disagree: the rule behind the report's mark.
///
/// A figure is contested when a statement it is computed from has voices two or more points apart
/// and no agreed answer, so its effective answer is the median of a split. A finding's figure is
/// computed from its full statements when it is assessed in full (full depth, or deepened in a
/// quick scan), else from its screening statements; a level's figures are contested when one of
/// the findings they aggregate is.
public enum Contested {
  /// The ids of the findings whose figure rests on a median of disagreeing voices.
  ///
  /// - Parameters:
  ///   - disagreements: the assessment's disagreements; resolved ones (with an agreed answer) do not count.
  ///   - questions: the pack's questions, for what each statement measures.
  ///   - inFull: whether a finding's figure comes from its full statements rather than its screening.
  public static func findings(
    _ disagreements: [Disagreement], questions: (String) -> Question?, inFull: (String) -> Bool
  ) -> Set<String> {
    var contested: Set<String> = []
    for d in disagreements where !d.resolved {
      guard let q = questions(d.question) else { continue }
      for m in q.measures where (m.role == .screening) != inFull(m.finding) {
        contested.insert(m.finding)
      }
    }
    return contested
  }
}

extension Assessment {
  /// The findings whose figure rests on a median of voices who disagree (``Contested``).
  public var contestedFindings: Set<String> {
    Contested.findings(disagreements, questions: pack.question, inFull: session.isAssessedInFull)
  }
}
