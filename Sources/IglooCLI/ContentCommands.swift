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
        let diagnostics: [Diagnostic]
        let label: String
        if let directory {
          do {
            diagnostics = try PackLoader.load(directory: URL(fileURLWithPath: directory)).diagnostics
          } catch let error as PackFolderError {
            throw CLIError(exitCode: 2, message: "\(error.path): \(error.reason)")
          }
          label = directory.hasSuffix("/") ? directory : directory + "/"
        } else {
          diagnostics = PackLoader.load(files: BuiltinPack.files).diagnostics
          label = "<built-in>/"
        }
        for d in diagnostics { print(label + d.description) }
        if !diagnostics.isEmpty {
          FileHandle.standardError.write(Data("igloo: \(diagnostics.count) problem(s) found\n".utf8))
          throw ExitCode(1)
        }
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
        FileHandle.standardOutput.write(try ContentDump.json(pack))
      }
    }
  }
}
