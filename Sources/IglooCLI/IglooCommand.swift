import ArgumentParser
import IglooStore
import IglooTerminal

/// The `igloo` command: the wizard by default, and the headless verbs.
public struct IglooCommand: ParsableCommand {
  /// The verbs, with the wizard as the default when none is given.
  public static var configuration: CommandConfiguration {
    // Computed, not stored: the words follow CLILanguage.current, which tests set per call.
    CommandConfiguration(
      commandName: "igloo",
      abstract: CLIText.string("cli.igloo.abstract"),
      discussion: CLIText.string("cli.igloo.discussion"),
      version: IglooVersion.current,
      subcommands: [
        Wizard.self, Resume.self, ReportCommand.self, ContentCommand.self, CaseCommand.self,
        MergeCommand.self, CompareCommand.self, AggregateCommand.self, VerifyCommand.self,
      ],
      defaultSubcommand: Wizard.self
    )
  }

  /// Creates the command (ArgumentParser fills in its arguments).
  public init() {}
}

/// The program's version.
public enum IglooVersion {
  /// The version printed by `igloo --version`.
  public static let current = "0.1.0"
}

extension IglooCommand {
  /// The program: prepares the process (closed standard streams, fatal signals) and runs the
  /// verb the arguments name.
  public static func launch() {
    StandardOutput.prepareStreams()
    TerminalGuard.endOnCrashSignals()
    // `igloo --version` on its own prints what ArgumentParser would print, without building the
    // parser: that walks every command's configuration and arguments through the runtime's type
    // lookups, three quarters of the instructions `--version` otherwise runs.
    if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version" {
      print(IglooVersion.current)
      return
    }
    mainInLanguage()
  }
}
