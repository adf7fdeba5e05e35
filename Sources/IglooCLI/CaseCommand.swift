import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooStore

/// `igloo case [NAME]`: list the training cases, or open one in the wizard for a workshop group.
struct CaseCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "case",
      abstract: CLIText.string("cli.case.abstract"),
      discussion: CLIText.string("cli.case.discussion"))
  }

  @Argument(help: CLIText.help("cli.case.name")) var name: String?
  @Option(help: CLIText.help("cli.case.group")) var group: String?
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      // `--lang` may stand before the verb too (`igloo --lang da case`), where the verb's own
      // options never see it; CLILanguage reads it from the whole command line.
      let language = global.lang ?? CLILanguage.current
      guard let name else {
        for c in pack.cases { try say("\(c.id)\t\(c.title[language])") }
        return
      }
      guard pack.trainingCase(name) != nil else {
        let known = pack.cases.map(\.id).joined(separator: ", ")
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.no-case", ["name": name, "known": known]))
      }
      if let group, group.trimmingCharacters(in: .whitespaces).isEmpty {
        throw CLIError(exitCode: 2, message: CLIText.string("cli.error.group-needs-name"))
      }
      try WizardLaunch(global: global).run(sessionPath: nil, caseID: name, group: group)
    }
  }

  /// Today's date as YYYY-MM-DD in the local time zone.
  static func today() -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: Date())
  }
}
