import ArgumentParser
import Foundation
import IglooContent
import IglooEngine
import IglooStore

/// `igloo case [NAME]`: list the training cases, or start an assessment of one in the wizard.
struct CaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "case",
    abstract: "List the training cases, or open one in the wizard for a workshop group.")

  @Argument(help: "The case to open (see the list).") var name: String?
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let pack = try global.loadPack()
      let language = global.language()
      guard let name else {
        for c in pack.cases { try say("\(c.id)\t\(c.title[language])") }
        return
      }
      guard let trainingCase = pack.trainingCase(name) else {
        let known = pack.cases.map(\.id).joined(separator: ", ")
        throw CLIError(exitCode: 2, message: "no training case `\(name)` (cases: \(known))")
      }
      let store: SessionStore
      let url: URL
      do {
        store = try SessionStore(environment: ProcessInfo.processInfo.environment)
        let session = Session(trainingCase: trainingCase, pack: pack, date: CaseCommand.today())
        url = store.newSessionURL(workplace: trainingCase.workplace)
        try store.save(session, to: url)
      } catch let error as StoreError {
        throw CLIError(exitCode: 2, message: error.description)
      }
      try WizardLaunch(global: global).run(sessionPath: url.path)
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
