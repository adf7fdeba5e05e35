import ArgumentParser
import Foundation
import IglooBuiltinContent
import IglooContent

/// `igloo content`: check or dump a content pack.
struct ContentCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "content", abstract: CLIText.string("cli.content.abstract"),
      subcommands: [Check.self, Dump.self])
  }

  /// `igloo content check [DIR]`.
  struct Check: ParsableCommand {
    static var configuration: CommandConfiguration {
      // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
      // The name is given, not derived: deriving it from the type's name goes through the
      // runtime's demangler, a thirtieth of every command's start.
      CommandConfiguration(
        commandName: "check", abstract: CLIText.string("cli.content.check.abstract"),
        discussion: CLIText.string("cli.content.check.discussion"))
    }

    @Argument(help: CLIText.help("cli.content.check.directory"))
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
          // The built-in pack was loaded and validated when igloo was built; its cross-file checks
          // run again on the compiled pack, which has no YAML lines to point at.
          let loaded = LoadedPack(pack: BuiltinPack.pack)
          result = (loaded, PackValidator.validate(loaded))
          label = "<built-in>/"
        }
        let diagnostics = result.diagnostics
        for d in diagnostics { try say(label + d.description) }
        if !diagnostics.isEmpty {
          FileHandle.standardError.write(Data("igloo: \(CLIText.string("cli.content.problems", ["n": String(diagnostics.count)]))\n".utf8))
          throw ExitCode(1)
        }
        let pack = result.loaded.pack
        let clean = CLIText.string("cli.content.clean", [
          "label": label, "findings": String(pack.findings.count), "questions": String(pack.questions.count),
          "actions": String(pack.actions.count), "use_cases": String(pack.useCases.count), "strings": String(pack.strings.count),
        ])
        // The folder's name may hold escape codes: made visible, as every line igloo prints.
        FileHandle.standardError.write(Data("igloo: \(SafeText.visible(clean))\n".utf8))
      }
    }
  }

  /// `igloo content dump`.
  struct Dump: ParsableCommand {
    static var configuration: CommandConfiguration {
      // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
      CommandConfiguration(
        commandName: "dump", abstract: CLIText.string("cli.content.dump.abstract"))
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
      try reportingErrors {
        let pack = try global.loadPack()
        try writeStandardOutput(try ContentDump.json(pack))
      }
    }
  }
}
