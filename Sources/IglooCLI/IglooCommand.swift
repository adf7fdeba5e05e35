import ArgumentParser
import IglooStore
import IglooTerminal

/// The `igloo` command: the wizard by default, and the headless verbs.
public struct IglooCommand: ParsableCommand {
  /// The verbs, with the wizard as the default when none is given.
  public static let configuration = CommandConfiguration(
    commandName: "igloo",
    abstract: "Assess what machine learning and generative AI do to the work environment (IGLOO).",
    discussion: """
      Without a verb, igloo starts the wizard: a new assessment, or a saved one to resume.
      Sessions live under $XDG_DATA_HOME/igloo/ (or ~/.local/share/igloo/). igloo never uses the network.
      Environment: LANG picks the language (a value starting with "da" gives Danish), NO_COLOR turns colours off.
      """,
    version: IglooVersion.current,
    subcommands: [
      Wizard.self, Resume.self, ReportCommand.self, ContentCommand.self, CaseCommand.self,
      MergeCommand.self, CompareCommand.self, AggregateCommand.self,
    ],
    defaultSubcommand: Wizard.self
  )

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
    main()
  }
}
