import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooReport

/// `igloo verify FILE REPORT`: whether an exported report was made from this session, as approved.
///
/// Exit codes (README, docs/decisions.md): 0 the report matches the session and the session is
/// approved and unchanged since; 1 the report was made from another version of the session; 3 the
/// report matches the session, but the session is not approved, was changed after approval, or was
/// approved before igloo recorded fingerprints; 2 a file cannot be read or the report holds no
/// fingerprint.
struct VerifyCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "verify", abstract: CLIText.string("cli.verify.abstract"),
      discussion: CLIText.string("cli.verify.discussion"))
  }

  @Argument(help: CLIText.help("cli.verify.file")) var file: String
  @Argument(help: CLIText.help("cli.verify.report")) var report: String
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let session = try loadSession(file, pack: pack)
      guard let data = FileManager.default.contents(atPath: report) else {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.verify.unreadable", ["report": report]))
      }
      guard let found = ReportFingerprint.find(in: data) else {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.verify.no-fingerprint", ["report": report]))
      }
      let current = ApprovalFingerprint.short(session) ?? ""
      let values = ["file": file, "report": report, "found": found, "current": current]
      guard found == current else { throw CLIError(exitCode: 1, message: CLIText.string("cli.verify.mismatch", values)) }
      switch session.approvalState {
      case .unchanged:
        print(CLIText.string("cli.verify.ok", values))
      case .notApproved:
        throw CLIError(exitCode: 3, message: CLIText.string("cli.verify.not-approved", values))
      case .changed:
        let approved = String((session.approval?.fingerprint ?? "").prefix(ApprovalFingerprint.digits))
        throw CLIError(exitCode: 3, message: CLIText.string("cli.verify.changed", values.merging(["approved": approved]) { a, _ in a }))
      case .unrecorded:
        throw CLIError(exitCode: 3, message: CLIText.string("cli.verify.unrecorded", values))
      }
    }
  }
}
