import ArgumentParser
import Foundation
import IglooBuiltinContent
import IglooContent

/// The language of the command line itself: its help, and its own error lines.
///
/// Help is printed before (or instead of) parsing, so the language cannot come from the parsed
/// ``GlobalOptions``; it is read once from the raw arguments and the environment, by the same rule.
enum CLILanguage {
  /// Set by tests to render the help in one language without touching the process's arguments.
  @TaskLocal static var override: Language?

  /// The language chosen for this run.
  static var current: Language { override ?? chosen }

  private static let chosen = resolve(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

  /// `--lang da` or `--lang=da` among `arguments` (the last one wins, as in the parser), else the
  /// locale from the environment.
  static func resolve(arguments: [String], environment: [String: String]) -> Language {
    var found: Language?
    var i = arguments.startIndex
    while i < arguments.endIndex {
      let argument = arguments[i]
      if argument == "--" { break }
      if argument == "--lang", i + 1 < arguments.endIndex {
        if let language = Language(rawValue: arguments[i + 1]) { found = language }
        i += 1
      } else if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
        found = language
      }
      i += 1
    }
    return found ?? fromEnvironment(environment)
  }

  /// LC_ALL, else LC_MESSAGES, else LANG (the first one set and not empty); English without any.
  static func fromEnvironment(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty { return Language.fromLocale(value) }
    }
    return .en
  }
}

/// The command line's words, from the built-in pack's string table (Content/strings/cli.yaml).
enum CLIText {
  /// The built-in pack's strings, loaded once: help is rendered before any `--content` is read.
  /// Only the string table is decoded, so that `--version`, `--help` and argument parsing do not
  /// pay for the rest of the pack.
  private static var strings: [String: LocalizedText] { BuiltinPack.strings }

  /// The string `key` in the command line's language, `{name}` placeholders filled from `values`;
  /// the key itself when the table lacks it, so that a gap shows (and CLITextTests fails).
  static func string(_ key: String, _ values: [String: String] = [:]) -> String {
    string(key, CLILanguage.current, values)
  }

  /// The string `key` in `language`.
  static func string(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
    fill(strings[key]?[language] ?? key, values)
  }

  /// A phrase from a lower layer (a store error, a merge note) in the command line's language.
  static func phrase(_ phrase: Phrase) -> String { phrase.text(CLILanguage.current, strings: strings) }

  /// Fills `{name}` placeholders (see ``Placeholders``).
  static func fill(_ template: String, _ values: [String: String]) -> String { Placeholders.fill(template, values) }

  /// The string `key` as the help of an option or argument.
  static func help(_ key: String) -> ArgumentHelp { ArgumentHelp(string(key)) }
}
