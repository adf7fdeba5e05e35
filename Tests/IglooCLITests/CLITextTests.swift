import ArgumentParser
import Foundation
import IglooBuiltinContent
import IglooContent
import IglooStore
import Testing

@testable import IglooCLI

/// The command line speaks the chosen language: its help, its own errors and its case list.
@Suite struct CLITextTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Sources/IglooCLI").standardizedFileURL

  static let pack = PackLoader.builtin()

  /// The literal `cli.…` keys in the command line's sources.
  static func literalKeys() throws -> Set<String> {
    var out: Set<String> = []
    let pattern = try NSRegularExpression(pattern: "\"(cli\\.[a-z0-9.-]+)\"")
    for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
      for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        out.insert(String(text[Range(m.range(at: 1), in: text)!]))
      }
    }
    return out
  }

  @Test func everyKeyTheCommandLineUsesExistsInBothLanguages() throws {
    let used = try Self.literalKeys()
    #expect(used.count > 60)
    for key in used.sorted() {
      let text = Self.pack.strings[key]
      #expect(text != nil, "missing string \(key)")
      #expect(text?.da.isEmpty == false && text?.en.isEmpty == false, "empty translation of \(key)")
      #expect(text?.da != text?.en, "\(key) is not translated")
    }
  }

  @Test func everyCommandLineStringIsUsed() throws {
    let used = try Self.literalKeys()
    for key in Self.pack.strings.keys.filter({ $0.hasPrefix("cli.") }).sorted() {
      #expect(used.contains(key), "unused string \(key)")
    }
  }

  @Test func theSourcesHoldNoHelpOrErrorProse() throws {
    // Every abstract, discussion, help and error message goes through CLIText; only a bare
    // `"\(path): \(reason)"`, which holds no words, may be written in place.
    let prose = try NSRegularExpression(pattern: #"(abstract|discussion|help|message): *"(?!\\\()"#)
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) where name.hasSuffix(".swift") {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(name), encoding: .utf8)
      let hits = prose.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
      #expect(hits == 0, "\(name) has \(hits) help or error text(s) written in the code")
    }
  }

  // MARK: The language

  @Test func theLanguageComesFromLangBeforeTheEnvironment() throws {
    let danish = ["LANG": "da_DK.UTF-8"]
    #expect(CLILanguage.resolve(arguments: [], environment: danish) == .da)
    #expect(CLILanguage.resolve(arguments: [], environment: ["LANG": "C.UTF-8"]) == .en)
    #expect(CLILanguage.resolve(arguments: [], environment: [:]) == .en)
    #expect(CLILanguage.resolve(arguments: [], environment: ["LANG": "da_DK.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == .en)
    #expect(CLILanguage.resolve(arguments: [], environment: ["LANG": "en_GB.UTF-8", "LC_MESSAGES": "da_DK"]) == .da)
    #expect(CLILanguage.resolve(arguments: ["--lang", "en", "--help"], environment: danish) == .en)
    #expect(CLILanguage.resolve(arguments: ["case", "--lang=en"], environment: danish) == .en)
    #expect(CLILanguage.resolve(arguments: ["--lang", "da", "report", "x"], environment: [:]) == .da)
    #expect(CLILanguage.resolve(arguments: ["--lang=da", "--lang", "en"], environment: [:]) == .en)
    // A file that happens to be called --lang=da after `--` is an argument, not the option.
    #expect(CLILanguage.resolve(arguments: ["report", "--", "--lang=da"], environment: [:]) == .en)
    // The same rule as the parsed options use.
    #expect(try GlobalOptions.parse([]).language(environment: danish) == .da)
    #expect(try GlobalOptions.parse([]).language(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "da_DK.UTF-8"]) == .en)
    #expect(try GlobalOptions.parse(["--lang", "en"]).language(environment: danish) == .en)
  }

  // MARK: Help

  static func help(_ language: Language, for command: ParsableCommand.Type = IglooCommand.self) -> String {
    CLILanguage.$override.withValue(language) {
      command == IglooCommand.self
        ? IglooCommand.helpMessage(columns: 200) : IglooCommand.helpMessage(for: command, columns: 200)
    }
  }

  @Test func theTopLevelHelpIsDanishInDanish() {
    let da = Self.help(.da)
    #expect(da.contains("Vurdér, hvad maskinlæring og generativ KI gør ved arbejdsmiljøet (IGLOO)."))
    #expect(da.contains("Start guiden: en ny vurdering eller en gemt, som du kan fortsætte."))
    #expect(da.contains("Saml stemmerne fra to vurderinger"))
    #expect(!da.contains("Assess what machine learning"))
    #expect(!da.contains("Start the wizard"))
    let en = Self.help(.en)
    #expect(en.contains("Assess what machine learning and generative AI do to the work environment (IGLOO)."))
    #expect(en.contains("Start the wizard: a new assessment, or a saved one to resume."))
    #expect(!en.contains("Vurdér"))
  }

  @Test func theReportHelpFollowsTheLanguage() {
    let da = Self.help(.da, for: ReportCommand.self)
    #expect(da.contains("Skriv vurderingen fra en gemt fil som Markdown, Word (.docx), JSON eller CSV."))
    #expect(da.contains("Vurderingens fil."))
    #expect(da.contains("md (vurderingen), docx (vurderingen som Word-dokument)"))
    #expect(da.contains("Sprog: da eller en (standard: fra LANG)."))
    #expect(da.contains("Erstat filen til -o"))
    #expect(!da.contains("The session file."))
    #expect(!da.contains("Language: da or en"))
    let en = Self.help(.en, for: ReportCommand.self)
    #expect(en.contains("Write the assessment of a saved session as Markdown, Word (.docx), JSON or CSV."))
    #expect(en.contains("The session file."))
    #expect(en.contains("Language: da or en (default: from LANG)."))
    #expect(!en.contains("Vurderingens fil."))
  }

  @Test func everyVerbsHelpIsDanishInDanish() {
    let verbs: [ParsableCommand.Type] = [
      Wizard.self, Resume.self, ReportCommand.self, ContentCommand.self, ContentCommand.Check.self,
      ContentCommand.Dump.self, CaseCommand.self, MergeCommand.self, CompareCommand.self, AggregateCommand.self,
    ]
    for verb in verbs {
      let da = Self.help(.da, for: verb)
      let en = Self.help(.en, for: verb)
      #expect(da != en, "\(verb) has the same help in both languages")
      #expect(!da.contains("cli."), "\(verb)'s Danish help shows a key: \(da)")
      #expect(!en.contains("cli."), "\(verb)'s English help shows a key: \(en)")
    }
  }

  /// What the binary prints for `arguments` (its help, or its parse error), in `language`: the
  /// parser's own message through ``ParserWords``, as ``IglooCommand/mainInLanguage()`` prints it.
  static func printed(_ arguments: [String], _ language: Language) -> String {
    CLILanguage.$override.withValue(language) {
      do {
        // `--help` and `help VERB` parse into the parser's own help command, whose run throws the
        // help it prints; any other verb is not run.
        var command = try IglooCommand.parseAsRoot(arguments)
        if String(describing: type(of: command)).contains("Help") { try command.run() }
        return ""
      } catch {
        return IglooCommand.messageInLanguage(for: error, columns: 100)
      }
    }
  }

  /// English words the parser used to say, and common English, that no Danish help may hold
  /// ("for" and "to" are Danish words too, so they are not on the list).
  static let englishWords: Set<String> = [
    "overview", "usage", "arguments", "options", "subcommands", "subcommand", "show", "help", "information",
    "version", "see", "detailed", "values", "default", "error", "missing", "expected", "argument", "more",
    "the", "and", "of", "with", "from", "file", "or", "is", "please", "provide", "one", "unknown",
  ]

  /// The words of `text` outside what is typed: options, `<values>`, 'quoted' commands, value lists, paths.
  static func spokenWords(_ text: String) -> [String] {
    var text = text
    for pattern in [#"'[^']*'"#, #"<[^>]*>"#, #"-+[a-z][a-z-]*"#, #"\(værdier: [^;)]*"#, #"[$~/]\S*"#] {
      text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
    }
    return text.lowercased().split { !$0.isLetter }.map(String.init)
  }

  @Test func theParsersOwnWordsAreDanishInDanish() {
    let cases: [[String]] = [["--help"], ["help", "report"], ["report", "--help"], ["report"]]
    for arguments in cases {
      let da = Self.printed(arguments, .da)
      #expect(!da.isEmpty)
      let english = Self.spokenWords(da).filter { Self.englishWords.contains($0) }
      #expect(english.isEmpty, "igloo \(arguments.joined(separator: " ")) says \(Set(english).sorted()) in Danish:\n\(da)")
    }
    // The same phrases in English are the parser's own, untouched.
    let en = Self.printed(["report"], .en)
    #expect(en.contains("Error: Missing expected argument '<file>'"))
    #expect(en.contains("USAGE:") || en.contains("Usage:"))
    let da = Self.printed(["report"], .da)
    #expect(da.contains("Fejl: Argumentet '<fil>' mangler"))
    #expect(da.contains("Vurderingens fil."))
    let top = Self.printed(["--help"], .da)
    for phrase in ["OVERSIGT: ", "BRUG:  ", "TILVALG:", "KOMMANDOER:", "Vis hjælpen.", "Vis versionen.", "(standard)"] {
      #expect(top.contains(phrase), "no \(phrase) in \(top)")
    }
    #expect(Self.printed(["report", "--help"], .da).contains("(værdier: "))
  }

  @Test func everyPhraseOfTheParserIsTranslatedOnce() {
    // Each English phrase turns into its Danish one, and the Danish is not matched again.
    let samples = [
      "Error: Unknown option '--x'. Did you mean '--y'?", "Error: The value 'z' is invalid for '--part <part>'. Please provide one of 'all' or 'plan'.",
      "Error: 2 unexpected arguments: 'a b'", "Error: Missing value for '--format <format>'",
    ]
    for sample in samples {
      let da = ParserWords.translate(sample, .da)
      #expect(ParserWords.translate(da, .da) == da)
      #expect(Self.spokenWords(da).filter { Self.englishWords.contains($0) }.isEmpty, "\(da)")
      #expect(ParserWords.translate(sample, .en) == sample)
    }
  }

  // MARK: Errors

  @Test func errorsFillTheirPlaceholdersInBothLanguages() {
    let values = ["name": "lager", "known": "kundeservice, hospital"]
    #expect(CLIText.string("cli.error.no-case", .da, values) == "der er ingen træningscase `lager` (cases: kundeservice, hospital)")
    #expect(CLIText.string("cli.error.no-case", .en, values) == "no training case `lager` (cases: kundeservice, hospital)")
    // A value that looks like a placeholder stays as typed.
    #expect(CLIText.string("cli.skipped", .en, ["file": "{reason}.json", "reason": "a lock file"]) == "skipped {reason}.json: a lock file")
    #expect(CLIText.string("cli.skipped", .da, ["file": "a.lock", "reason": CLIText.string("store.skipped.lock", .da)]) == "sprang a.lock over: en låsefil")
  }

  @Test func aMissingKeyShowsTheKey() {
    #expect(CLIText.string("cli.no-such-key", .da) == "cli.no-such-key")
  }

  @Test func theSkippedReasonsFollowTheLanguage() throws {
    guard case .skipped(let reason) = SessionRecognition.read("/nonexistent/x.lock", pack: Self.pack) else {
      Issue.record("a lock file was read as a session")
      return
    }
    #expect(CLILanguage.$override.withValue(.da) { CLIText.phrase(reason) } == "en låsefil")
    #expect(CLILanguage.$override.withValue(.en) { CLIText.phrase(reason) } == "a lock file")
  }
}
