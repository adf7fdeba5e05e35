import ArgumentParser
import Foundation
import IglooContent

/// `igloo content`: check or dump a content pack.
struct ContentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "content", abstract: "Validate or print a content pack.",
    subcommands: [Check.self, Dump.self])

  /// `igloo content check [DIR]`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate a content pack; print each problem as file:line: message.",
      discussion: "Exits 0 when the pack is clean and 1 when it has problems. Without DIR, checks the built-in pack.")

    @Argument(help: "The pack's folder (default: the built-in pack).")
    var directory: String?

    func run() throws {
      try reportingErrors {
        let result: (loaded: LoadedPack, diagnostics: [Diagnostic])
        let label: String
        if let directory {
          do {
            result = try PackLoader.load(directory: URL(fileURLWithPath: directory))
          } catch let error as PackFolderError {
            throw CLIError(exitCode: 2, message: "\(error.path): \(error.reason)")
          }
          label = directory.hasSuffix("/") ? directory : directory + "/"
        } else {
          result = PackLoader.load(files: BuiltinPack.files)
          label = "<built-in>/"
        }
        let diagnostics = result.diagnostics
        for d in diagnostics { try say(label + d.description) }
        if !diagnostics.isEmpty {
          FileHandle.standardError.write(Data("igloo: \(diagnostics.count) problem(s) found\n".utf8))
          throw ExitCode(1)
        }
        let pack = result.loaded.pack
        FileHandle.standardError.write(Data(
          "igloo: \(label) is clean: \(pack.findings.count) findings, \(pack.questions.count) questions, \(pack.actions.count) actions, \(pack.useCases.count) use cases, \(pack.strings.count) strings\n".utf8))
      }
    }
  }

  /// `igloo content dump`.
  struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the loaded content pack as JSON (keys documented in docs/content-dump.md).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
      try reportingErrors {
        let pack = try global.loadPack()
        try writeStandardOutput(try ContentDump.json(pack))
      }
    }
  }
}
