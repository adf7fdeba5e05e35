import ArgumentParser
import Foundation
import IglooContent

/// The options every verb takes: language, content pack and line mode.
public struct GlobalOptions: ParsableArguments {
  /// The language; the default comes from LANG.
  @Option(name: .long, help: "Language: da or en (default: from LANG).")
  public var lang: Language?

  /// A content pack folder instead of the built-in one.
  @Option(name: .long, help: "Load the content pack from this folder instead of the built-in one.")
  public var content: String?

  /// Line mode without curses.
  @Flag(name: .long, help: "Line mode, without curses.")
  public var plain = false

  /// Creates the options with their defaults (ArgumentParser fills them in).
  public init() {}

  /// The language to use: `--lang`, else LC_ALL, LC_MESSAGES or LANG.
  public func language(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
    if let lang { return lang }
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty { return Language.fromLocale(value) }
    }
    return .en
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
      let more = result.diagnostics.count > 1 ? " (and \(result.diagnostics.count - 1) more; run `igloo content check \(content)`)" : ""
      throw CLIError(exitCode: 2, message: "\(content)/\(first)\(more)")
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
