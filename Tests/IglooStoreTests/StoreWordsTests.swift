import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooStore

/// igloo's own messages about files are said in the user's language, from
/// Content/strings/store.yaml, with nothing left in English but what the system says.
@Suite struct StoreWordsTests {
  static let strings = TestPacks.real.strings

  /// Every `"store.…"` literal in the sources, whichever module says it.
  static func literalKeys() throws -> Set<String> {
    let sources = Repository.root.appendingPathComponent("Sources")
    let pattern = try NSRegularExpression(pattern: #""(store\.[a-z0-9.-]+)""#)
    var out: Set<String> = []
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
    for case let url as URL in files where url.pathExtension == "swift" {
      let text = try String(contentsOf: url, encoding: .utf8)
      for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        out.insert(String(text[Range(m.range(at: 1), in: text)!]))
      }
    }
    return out
  }

  static func placeholders(_ text: String) -> Set<String> {
    let pattern = try! NSRegularExpression(pattern: #"\{([a-z]+)\}"#)
    return Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
      String(text[Range($0.range(at: 1), in: text)!])
    })
  }

  @Test func everyMessageKeyExistsInBothLanguagesWithTheSamePlaceholders() throws {
    let used = try Self.literalKeys()
    #expect(used.count > 90)
    for key in used.sorted() {
      let text = try #require(Self.strings[key], "missing string \(key)")
      #expect(!text.da.isEmpty && !text.en.isEmpty, "empty translation of \(key)")
      #expect(Self.placeholders(text.da) == Self.placeholders(text.en), "\(key): the two languages fill different places")
    }
  }

  @Test func everyMessageInTheTableIsUsed() throws {
    let used = try Self.literalKeys()
    for key in Self.strings.keys.filter({ $0.hasPrefix("store.") }).sorted() {
      #expect(used.contains(key), "unused string \(key)")
    }
  }

  @Test func anEmptySessionFileIsExplainedInDanish() throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data(), "tom.igloo.json")
    let error = try #require(throws: StoreError.self) { try SessionFile.read(url, pack: TestPacks.real) }
    #expect(error.message(.da) == "kan ikke åbne \(url.path): filen er tom")
    #expect(error.message(.en) == "cannot open \(url.path): the file is empty")
    #expect(error.description == error.message(.en))
  }

  @Test func anExistingExportIsRefusedInDanish() throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data("# gammel\n".utf8), "rapport.md")
    let error = try #require(throws: StoreError.self) { try ExportFile.write(Data("ny".utf8), to: url) }
    #expect(error.kind == .alreadyExists)
    #expect(error.message(.da) == "kan ikke skrive \(url.path): den findes allerede")
  }

  @Test func aBadAnswerNamesItsPlaceInDanish() throws {
    let scratch = try Scratch()
    let url = try scratch.write(Data(#"{"schema": "igloo-session", "answers": {"default": {"q": 7}}}"#.utf8), "syv.igloo.json")
    let error = try #require(throws: StoreError.self) { try SessionFile.read(url, pack: TestPacks.real) }
    #expect(error.kind == .invalidSession)
    #expect(error.problem(.da) == "`answers.default.q`: svaret 7 ligger uden for skalaen: brug et punkt 1–5, \"dont-know\" eller \"not-relevant\" (linje 1, kolonne 58)")
    #expect(error.problem(.en) == "`answers.default.q`: answer 7 is out of range: use a scale point 1–5, \"dont-know\" or \"not-relevant\" (line 1, column 58)")
  }

  @Test func aMismatchWithThePackCountsTheRestInDanish() throws {
    let scratch = try Scratch()
    let url = try scratch.write(
      Data(#"{"schema": "igloo-session", "answers": {"default": {"q-nej": 3, "q-heller-ikke": 2}}}"#.utf8), "ukendt.igloo.json")
    let error = try #require(throws: StoreError.self) { try SessionFile.read(url, pack: TestPacks.real) }
    #expect(error.kind == .doesNotMatchContent)
    #expect(error.problem(.da) == "ukendt spørgsmåls-id `q-heller-ikke` (stemmen `default`) (og 1 mere)")
  }

  @Test func aControlCharacterFromAFileNeverReachesTheTerminalInEitherLanguage() throws {
    let scratch = try Scratch()
    // The id holds an escape sequence written the JSON way (`\u001b`), so the file parses.
    let url = try scratch.write(Data(#"{"schema": "igloo-session", "answers": {"default": {"q\u001b[2J": 3}}}"#.utf8), "esc.igloo.json")
    let error = try #require(throws: StoreError.self) { try SessionFile.read(url, pack: TestPacks.real) }
    for language in Language.allCases {
      let message = error.message(language)
      #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(message.debugDescription)")
      #expect(message.contains("\\u{1b}"))
    }
  }
}
