import IglooContent
import IglooEngine

/// What became of reading the previous round named on the Follow-up step: the session read, or
/// the one-line reason it could not be.
public struct PreviousRound: Sendable {
  /// The outcome of one read.
  public enum Outcome: Sendable {
    /// The previous round's session, as read (never opened for editing, never saved).
    case read(Session)
    /// Why it could not be read, in one line naming the file and the problem.
    case failed(String)
  }

  /// The path as it stood in the field when it was read.
  public var path: String
  /// The session or the reason.
  public var outcome: Outcome

  /// Creates a result.
  public init(path: String, outcome: Outcome) {
    self.path = path
    self.outcome = outcome
  }
}

extension WizardState {
  /// The previous round read for the path now in the field; nil when the field is empty or the
  /// path in it has not been read yet.
  public var currentPreviousRound: PreviousRound? {
    guard let path = session?.followUp.previousRound, !path.trimmingCharacters(in: .whitespaces).isEmpty,
      let previousRound, previousRound.path == path
    else { return nil }
    return previousRound
  }

  /// The comparison of the previous round with this session as it stands; nil unless the path in
  /// the field was read successfully. Both assessments are remembered for the sessions they were
  /// computed from, so it is never stale.
  public var roundComparison: RoundComparison? {
    guard case .read(let old)? = currentPreviousRound?.outcome, let assessment else { return nil }
    return comparisonMemo.comparison(old, assessment.session) {
      RoundComparison(old: previousAssessmentMemo.assessment(old, pack), new: assessment)
    }
  }

  /// The path the runner should read now: on the Follow-up step, a path in the field that has
  /// not been read yet (the step just opened, or a session was resumed there).
  public var previousRoundToRead: String? {
    guard step == .followUp, let path = session?.followUp.previousRound,
      !path.trimmingCharacters(in: .whitespaces).isEmpty, previousRound?.path != path
    else { return nil }
    return path
  }

  /// A read of the previous round at `path` finished.
  public mutating func didReadPreviousRound(_ path: String, _ outcome: PreviousRound.Outcome) {
    previousRound = PreviousRound(path: path, outcome: outcome)
  }
}
