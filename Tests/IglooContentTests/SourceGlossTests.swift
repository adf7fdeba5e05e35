import IglooBuiltinContent
import IglooTestSupport
import Testing

@testable import IglooContent

/// In English, a source is the report's Danish path with an English gloss of each part.
@Suite struct SourceGlossTests {
  static let pack = PackLoader.builtin()

  @Test func theIssuesExampleIsGlossed() {
    #expect(
      Self.pack.source("Kapitel 2 › Generativ KI › Individ", .en)
        == "Kapitel 2 › Generativ KI › Individ (Chapter 2, Generative AI, Individual)")
    #expect(
      Self.pack.source("Kapitel 3 › Alsidige robotter › Tillid og forståelse", .en)
        == "Kapitel 3 › Alsidige robotter › Tillid og forståelse (Chapter 3, Versatile robots, Trust and understanding)")
    #expect(Self.pack.source("Kapitel 12", .en) == "Kapitel 12 (Chapter 12)")
    #expect(
      Self.pack.source("Kapitel 2 › Maskinlæring › Omkringliggende kontekst", .en)
        == "Kapitel 2 › Maskinlæring › Omkringliggende kontekst (Chapter 2, Machine learning, Outer context)")
  }

  @Test func danishReadersSeeThePathAsItIs() {
    #expect(Self.pack.source("Kapitel 2 › Generativ KI › Individ", .da) == "Kapitel 2 › Generativ KI › Individ")
  }

  @Test func whatIsNotAPathOfKnownPartsIsLeftAlone() {
    let law = "Forordning (EU) 2024/1689 (AI-forordningen), art. 4"
    #expect(Self.pack.source(law, .en) == law)
    #expect(Self.pack.source("Kapitel 2 › Noget nyt", .en) == "Kapitel 2 › Noget nyt")
    #expect(Self.pack.sourceGloss("Kapitel 2 › Noget nyt", .en) == nil)
    #expect(Self.pack.sourceGloss("Kapitel x", .en) == nil)
    #expect(Self.pack.source("", .en) == "")
  }

  /// Every section path the content cites has a gloss, so no English reader meets a bare Danish path.
  @Test func everyReportPathInThePackIsGlossed() {
    let p = Self.pack
    var sources = p.findings.map(\.source) + p.actions.map(\.source) + p.useCases.map(\.source)
    sources += p.context.map(\.source) + p.levels.map(\.source) + p.technologies.map(\.source)
    sources += p.benchmarks.map(\.source)
    let paths = Set(sources.filter { $0.hasPrefix("Kapitel ") })
    #expect(paths.count > 20)
    for path in paths.sorted() {
      #expect(p.sourceGloss(path, .en) != nil, "no English gloss for `\(path)` (add its parts to Content/strings/sources.yaml)")
    }
  }

  /// The technology and level parts say what the pack itself calls them in English.
  @Test func theGlossesAgreeWithThePacksNames() {
    for technology in Self.pack.technologies {
      if let gloss = Self.pack.sourceGloss(technology.name.da, .en) { #expect(gloss == technology.name.en) }
    }
    for level in Self.pack.levels {
      #expect(Self.pack.sourceGloss(level.name.da, .en) == level.name.en, "level \(level.id)")
    }
  }

  /// Splitting a path in its bytes gives the parts the Character split gives: for every source in
  /// the pack and for generated paths with separators in odd places.
  @Test func byteSplitMatchesCharacterSplit() {
    var paths = Self.pack.findings.map(\.source) + Self.pack.actions.map(\.source)
    let pieces = [" › ", "›", " ", "Kapitel 2", "Generativ KI", "æ", "„", "–", "\u{301}", "\u{200D}", "", "x"]
    var texts = SeededText(seed: 11, pieces: pieces)
    for round in 0..<3000 { paths.append(texts.next(pieces: round % 9)) }
    for path in paths {
      #expect(
        ContentPack.sourceParts(path).map(String.init) == ContentPack.sourcePartsByCharacter(path).map(String.init),
        "\(path.unicodeScalars.map { $0.value })")
    }
  }
}
