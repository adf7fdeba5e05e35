import ArgumentParser
import Foundation
import IglooBuiltinContent
import IglooContent

/// The options every verb takes: language, content pack and line mode.
public struct GlobalOptions: ParsableArguments {
  /// The language; the default comes from LANG.
  @Option(name: .long, help: CLIText.help("cli.global.lang"))
  public var lang: Language?

  /// A content pack folder instead of the built-in one.
  @Option(name: .long, help: CLIText.help("cli.global.content"))
  public var content: String?

  /// Line mode without curses.
  @Flag(name: .long, help: CLIText.help("cli.global.plain"))
  public var plain = false

  /// Creates the options with their defaults (ArgumentParser fills them in).
  public init() {}

  /// The language to use: `--lang`, else LC_ALL, LC_MESSAGES or LANG.
  public func language(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
    lang ?? CLILanguage.fromEnvironment(environment)
  }

  /// The content pack: the built-in one, or the folder given with `--content`, which must be clean.
  public func loadPack() throws -> ContentPack {
    guard let content else { return PackLoader.builtin() }
    let url = URL(fileURLWithPath: content)
    let result: (loaded: LoadedPack, diagnostics: [Diagnostic])
    do {
      result = try PackLoader.load(directory: url)
    } catch let error as PackFolderError {
      throw CLIError(exitCode: 2, message: "\(error.path): \(error.reason)")
    }
    if let first = result.diagnostics.first {
      let problem = "\(content)/\(first)"
      let message = result.diagnostics.count > 1
        ? CLIText.string("cli.error.pack-more", ["problem": problem, "n": String(result.diagnostics.count - 1), "folder": content])
        : problem
      throw CLIError(exitCode: 2, message: message)
    }
    return result.loaded.pack
  }
}

extension Language: ExpressibleByArgument {}

/// A failure the CLI reports as one line on stderr with a chosen exit code.
public struct CLIError: Error, CustomStringConvertible {
  /// The exit code: 1 for problems found, 2 for bad input.
  public var exitCode: Int32
  /// The line printed after `igloo: `.
  public var message: String

  /// Creates an error.
  public init(exitCode: Int32, message: String) {
    self.exitCode = exitCode
    self.message = message
  }

  public var description: String { message }
}

extension ParsableCommand {
  /// Runs `body`, turning a ``CLIError`` into its line on stderr and its exit code.
  func reportingErrors(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as CLIError {
      FileHandle.standardError.write(Data("igloo: \(SafeText.visible(error.message))\n".utf8))
      throw ExitCode(error.exitCode)
    }
  }
}
