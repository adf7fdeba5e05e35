import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooStore

/// `igloo case [NAME]`: list the training cases, or open one in the wizard for a workshop group.
struct CaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "case",
    abstract: "List the training cases, or open one in the wizard for a workshop group.",
    discussion: """
      Opening a case shows its story and questions for discussion first, and asks for the group's name
      (or takes --group). The name is stored in the session and goes into its file name and the default
      export names, so two groups on one case never share a file. During the work, c or F4 shows the
      story again. Afterwards: igloo compare --groups FILE... for the plenary.
      """)

  @Argument(help: "The case to open (see the list).") var name: String?
  @Option(help: "The workshop group's name; asked for on screen when left out.") var group: String?
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let language = global.language()
      guard let name else {
        for c in pack.cases { try say("\(c.id)\t\(c.title[language])") }
        return
      }
      guard pack.trainingCase(name) != nil else {
        let known = pack.cases.map(\.id).joined(separator: ", ")
        throw CLIError(exitCode: 2, message: "no training case `\(name)` (cases: \(known))")
      }
      if let group, group.trimmingCharacters(in: .whitespaces).isEmpty {
        throw CLIError(exitCode: 2, message: "--group needs a name")
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
