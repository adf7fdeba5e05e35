import Crypto
import Foundation
import IglooContent

/// The short fingerprint of a session as approved, printed in every export's approval block, so
/// that signed minutes can be checked offline against the file (`igloo verify`).
///
/// It is the SHA-256 of the session's *canonical content*, shown as its first 12 hexadecimal
/// digits (48 bits). The canonical content is the session's own JSON (``Session/encoded()``:
/// sorted keys, no escaped slashes, a final newline) with these left out, because they say where
/// the work stands rather than what was assessed and approved:
/// - `approval`: the fingerprint is of what was approved, not of the approval itself;
/// - `cursor`, `active_voice` and `pending_notes`: where the wizard was, and notes typed for
///   statements not yet answered (they join the content once the statement is answered);
/// - `questions`: the follow-up of questions to management goes on after approval;
/// - `follow_up.previous_round`: a file path, which changes when the folder moves;
/// - `schema_version`: so that migrating a file does not change it.
/// Everything else is in: the content pack's id and version, About, scope, voices, answers and
/// their notes, agreed answers, the plan, the next review, depth and deepened findings. docs/decisions.md.
public enum ApprovalFingerprint {
  /// How many hexadecimal digits are shown.
  public static let digits = 12

  /// The bytes that are hashed.
  public static func canonicalContent(_ session: Session) throws -> Data {
    var s = session
    s.approval = nil
    s.cursor = nil
    s.activeVoice = nil
    s.pendingNotes = [:]
    s.questions = []
    s.followUp.previousRound = ""
    s.schemaVersion = Session.currentSchemaVersion
    return try s.encoded()
  }

  /// The full SHA-256 of the canonical content, in lower-case hexadecimal.
  public static func sha256(_ session: Session) throws -> String {
    SHA256.hash(data: try canonicalContent(session)).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// The fingerprint shown: the first ``digits`` hexadecimal digits of ``sha256(_:)``; nil only
  /// if the session cannot be encoded (it always can: every value it holds is plain JSON).
  public static func short(_ session: Session) -> String? {
    (try? sha256(session)).map { String($0.prefix(digits)) }
  }
}

/// How a session stands to its approval.
public enum ApprovalState: Sendable, Hashable {
  /// Not approved.
  case notApproved
  /// Approved, and unchanged since.
  case unchanged
  /// Approved, and changed since: what was signed is not what the file holds.
  case changed
  /// Approved in a file that recorded no fingerprint, so a change cannot be seen.
  case unrecorded
}

extension Session {
  /// Approves the plan by `by` on `date`, recording the fingerprint of the session as it is now.
  public mutating func approve(by: [Participant], date: String) {
    approval = nil
    approval = Approval(by: by, date: date, fingerprint: (try? ApprovalFingerprint.sha256(self)) ?? "")
  }

  /// Whether the session is approved and unchanged since.
  public var approvalState: ApprovalState {
    guard let approval else { return .notApproved }
    guard !approval.fingerprint.isEmpty else { return .unrecorded }
    return (try? ApprovalFingerprint.sha256(self)) == approval.fingerprint ? .unchanged : .changed
  }
}
