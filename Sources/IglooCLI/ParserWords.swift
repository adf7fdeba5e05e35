import ArgumentParser
import Foundation
import IglooContent

/// swift-argument-parser's own fixed words (section titles, the built-in `--help` and `--version`
/// lines, value lists and defaults, its parse errors), said in the command line's language.
///
/// The parser renders help and errors from its own model in English only; igloo keeps that model
/// (it also gives the man page and the completions) and translates the finished text here, in one
/// place, phrase by phrase from Content/strings/cli.yaml (`cli.parser.…`). Only the parser's fixed
/// phrases are matched; igloo's own words come translated already from the same table.
enum ParserWords {
  /// One fixed phrase of the parser: its English pattern, with `(…)` for what it fills in, and the
  /// key of its words in the string table, where `{1}`, `{2}` stand for what was filled in.
  private struct Rule {
    let pattern: NSRegularExpression?
    let key: String

    init(_ pattern: String, _ key: String) {
      // The patterns are constants of this file; a mistake in one fails the help tests.
      self.pattern = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
      self.key = key
    }
  }

  /// The parser's phrases, longest first where one contains another (the values-and-default list
  /// before the default alone). Spaces match any run of white space, since the help wraps long
  /// lines inside a phrase; the translation then has single spaces.
  private static let rules: [Rule] = [
    Rule(#"^OVERVIEW: "#, "cli.parser.overview"),
    Rule(#"^USAGE: "#, "cli.parser.usage-title"),
    Rule(#"^ARGUMENTS:$"#, "cli.parser.arguments"),
    Rule(#"^OPTIONS:$"#, "cli.parser.options"),
    Rule(#"^SUBCOMMANDS:$"#, "cli.parser.subcommands"),
    Rule(#"Show\s+help\s+information\."#, "cli.parser.help"),
    Rule(#"Show\s+the\s+version\."#, "cli.parser.version"),
    Rule(#"See\s+'([^']*)\s+<subcommand>'\s+for\s+detailed\s+help\."#, "cli.parser.see-help"),
    Rule(#"\(values:\s+([^;()]*);(\s+)default:\s+([^()]*)\)"#, "cli.parser.values-default"),
    Rule(#"\(values:\s+([^()]*)\)"#, "cli.parser.values"),
    Rule(#"\(default:\s+([^()]*)\)"#, "cli.parser.default"),
    Rule(#"<subcommand>"#, "cli.parser.subcommand"),
    Rule(#"\[<options>\]"#, "cli.parser.options-placeholder"),
    Rule(#"(?<=\S) \(default\)(?=\s)"#, "cli.parser.default-verb"),
    // The names of the values, in the usage line, the argument list and the errors.
    Rule(#"<content>"#, "cli.parser.value.content"),
    Rule(#"<directory>"#, "cli.parser.value.directory"),
    Rule(#"<file>"#, "cli.parser.value.file"),
    Rule(#"<files>"#, "cli.parser.value.files"),
    Rule(#"<first>"#, "cli.parser.value.first"),
    Rule(#"<group>"#, "cli.parser.value.group"),
    Rule(#"<lang>"#, "cli.parser.value.lang"),
    Rule(#"<min-group>"#, "cli.parser.value.min-group"),
    Rule(#"<name>"#, "cli.parser.value.name"),
    Rule(#"<output>"#, "cli.parser.value.output"),
    Rule(#"<part>"#, "cli.parser.value.part"),
    Rule(#"<paths>"#, "cli.parser.value.paths"),
    Rule(#"<second>"#, "cli.parser.value.second"),
    Rule(#"^Error: "#, "cli.parser.error"),
    Rule(#"^Help:  "#, "cli.parser.help-line"),
    Rule(#"^Usage: "#, "cli.parser.usage"),
    Rule(#"See\s+'([^']*)'\s+for\s+more\s+information\."#, "cli.parser.see-more"),
    Rule(#"Missing\s+expected\s+argument\s+'([^']*)'"#, "cli.parser.missing-argument"),
    Rule(#"Missing\s+one\s+of:\s+'([^']*)'"#, "cli.parser.missing-one-of"),
    Rule(#"Missing\s+value\s+for\s+'([^']*)'"#, "cli.parser.missing-value"),
    Rule(#"Unknown\s+option\s+'([^']*)'\.\s+Did\s+you\s+mean\s+'([^']*)'\?"#, "cli.parser.unknown-option-suggestion"),
    Rule(#"Unknown\s+option\s+'([^']*)'"#, "cli.parser.unknown-option"),
    Rule(#"Invalid\s+option:\s+(\S*)"#, "cli.parser.invalid-option"),
    Rule(#"Missing\s+required\s+subcommand\."#, "cli.parser.missing-subcommand"),
    Rule(#"Unexpected\s+argument\s+'([^']*)'"#, "cli.parser.unexpected-argument"),
    Rule(#"(\d+)\s+unexpected\s+arguments:\s+'([^']*)'"#, "cli.parser.unexpected-arguments"),
    Rule(#"The\s+value\s+'([^']*)'\s+is\s+invalid\s+for\s+'([^']*)'"#, "cli.parser.invalid-value"),
    Rule(#"The\s+value\s+'([^']*)'\s+is\s+invalid\."#, "cli.parser.invalid-value-alone"),
    Rule(#"(?<=')\s+and\s+(?=')"#, "cli.parser.and"),
    Rule(#"(?<=')\s+or\s+(?=')"#, "cli.parser.or"),
    Rule(#"\.\s+Please\s+provide\s+one\s+of\s+the\s+following:"#, "cli.parser.one-of-following"),
    Rule(#"\.\s+Please\s+provide\s+one\s+of\s+([^\n]*)\."#, "cli.parser.one-of"),
    Rule(#"The\s+option\s+'([^']*)'\s+does\s+not\s+take\s+any\s+value,\s+but\s+'([^']*)'\s+was\s+specified\."#, "cli.parser.no-value"),
  ]

  /// `text` (a help page or an error as the parser wrote it) with the parser's phrases in
  /// `language`; English text is returned as it is.
  static func translate(_ text: String, _ language: Language) -> String {
    guard language != .en else { return text }
    var out = text
    for rule in rules {
      guard let pattern = rule.pattern else { continue }
      let matches = pattern.matches(in: out, range: NSRange(out.startIndex..., in: out))
      // From the end, so that the ranges of the earlier matches stay valid.
      for match in matches.reversed() {
        guard let range = Range(match.range, in: out) else { continue }
        var values: [String: String] = [:]
        for g in 1..<match.numberOfRanges {
          if let r = Range(match.range(at: g), in: out) { values[String(g)] = String(out[r]) }
        }
        let words = CLIText.string(rule.key, language, values)
        // A name in the help's left column is followed by the padding that lines up the column
        // after it: keep the column where it was (at least two spaces) when the name changes width.
        let after = out[range.upperBound...].prefix { $0 == " " }.count
        let change = out[range].count - words.count
        if after >= 2, change != 0 {
          let padding = max(2, after + change)
          let end = out.index(range.upperBound, offsetBy: after)
          out.replaceSubrange(range.lowerBound..<end, with: words + String(repeating: " ", count: padding))
        } else {
          out.replaceSubrange(range, with: words)
        }
      }
    }
    return out
  }
}

extension IglooCommand {
  /// The parser's message for `error` (help, version, a parse error) in the command line's
  /// language; empty for an error that prints nothing (an exit code of igloo's own).
  static func messageInLanguage(for error: Error, columns: Int? = nil) -> String {
    ParserWords.translate(fullMessage(for: error, columns: columns), CLILanguage.current)
  }

  /// Parses the arguments and runs the verb, as ArgumentParser's `main()` does, but with every
  /// message the parser writes itself (help, version, parse errors) in the command line's language.
  static func mainInLanguage() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let text = messageInLanguage(for: error)
      if !text.isEmpty {
        if code == .success {
          print(text)
        } else {
          FileHandle.standardError.write(Data((text + "\n").utf8))
        }
      }
      Foundation.exit(code.rawValue)
    }
  }
}
