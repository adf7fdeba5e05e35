import Foundation
import IglooBuiltinContent
import IglooContent
import IglooTestSupport
import Testing

/// Coverage of the real pack in Content/: what issue 2 requires of the content.
@Suite struct RealPackTests {
  let loaded: LoadedPack
  let diagnostics: [Diagnostic]
  var pack: ContentPack { loaded.pack }

  init() throws {
    (loaded, diagnostics) = try PackLoader.load(directory: Repository.root.appendingPathComponent("Content"))
  }

  @Test func packIsClean() {
    #expect(diagnostics.map(\.description) == [])
  }

  @Test func everyLevelAndTechnologyHasFindings() {
    for level in ["individual", "group", "leadership", "organisation", "context"] {
      for technology in ["ml", "genai"] {
        #expect(pack.findings.contains { $0.level == level && $0.technology == technology }, "\(level) × \(technology)")
      }
    }
  }

  @Test func kapitel2HasTenMLAndElevenGenAIPoints() {
    #expect(pack.findings.filter { $0.technology == "ml" && $0.source.hasPrefix("Kapitel 2") }.count == 10)
    #expect(pack.findings.filter { $0.technology == "genai" && $0.source.hasPrefix("Kapitel 2") }.count == 11)
  }

  @Test func everyFindingHasPresenceAndHandlingQuestions() {
    for f in pack.findings {
      let roles = Set(pack.questions(measuring: f.id).map(\.role))
      #expect(!roles.isDisjoint(with: [.exposure, .potential]), "\(f.id) has no presence question")
      #expect(!roles.isDisjoint(with: [.mitigation, .realisation]), "\(f.id) has no handling question")
    }
  }

  @Test func everyRiskHasAnAction() {
    for f in pack.findings where f.polarity.hasRisk {
      #expect(PackValidator.actionCovers(f.id, pack: pack), "\(f.id)")
    }
  }

  @Test func bothLanguagesAreCompleteInTheDump() throws {
    // Every {da, en} pair in the dumped model has two non-empty texts.
    let json = try JSONSerialization.jsonObject(with: ContentDump.json(pack))
    var pairs = 0
    func walk(_ value: Any, _ path: String) {
      if let dict = value as? [String: Any] {
        if Set(dict.keys) == ["da", "en"] {
          pairs += 1
          for key in ["da", "en"] {
            #expect(!((dict[key] as? String) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(path).\(key)")
          }
        }
        for (k, v) in dict { walk(v, path + "." + k) }
      } else if let list = value as? [Any] {
        for (i, v) in list.enumerated() { walk(v, "\(path)[\(i)]") }
      }
    }
    walk(json, "")
    #expect(pairs > 300)
  }

  @Test func everySourcePathNamesARealSectionOfTheReport() throws {
    let headings = try String(contentsOf: Fixtures.url("report-sections.txt"), encoding: .utf8)
      .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    let known = Set(headings)
    var sources = pack.findings.map { ("finding \($0.id)", $0.source) }
    sources += pack.actions.map { ("action \($0.id)", $0.source) }
    sources += pack.levels.map { ("level \($0.id)", $0.source) }
    sources += pack.technologies.map { ("technology \($0.id)", $0.source) }
    for (what, source) in sources where source.hasPrefix("Kapitel") {
      #expect(known.contains(source), "\(what): `\(source)` is not a section of the report")
    }
    for f in pack.findings { #expect(f.source.hasPrefix("Kapitel"), "\(f.id)") }
  }

  /// The pack compiled in at build time is the pack `--content Content` loads at run time: the same
  /// `igloo content dump`, byte for byte.
  @Test func builtinPackIsExactlyContentFolder() throws {
    let (loaded, problems) = try PackLoader.load(directory: Repository.root.appendingPathComponent("Content"))
    #expect(problems.isEmpty)
    let runtime = try ContentDump.json(loaded.pack)
    let compiled = try ContentDump.json(BuiltinPack.decode())
    #expect(compiled == runtime, "the compiled built-in pack differs from a runtime load of Content/")
  }

  /// The kinds of context item that state a rule and so must carry the date they were checked.
  static let legalKinds: Set<String> = ["legal", "apv", "agreement"]

  @Test func everyLegalItemIsDatedAndRanked() {
    let legal = pack.context.filter { Self.legalKinds.contains($0.kind) }
    #expect(legal.count >= 15)
    for item in legal {
      let date = item.asOf ?? ""
      #expect(date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(item.id) has no `as_of` date")
      #expect(date == "2026-12-07", "\(item.id) is dated \(date), not the date of this check")
    }
    let severity = Dictionary(pack.context.map { ($0.id, $0.severity) }, uniquingKeysWith: { a, _ in a })
    #expect(severity["ai-act-art-5-1-f"] == .prohibited)
    for id in ["ai-act-art-4", "ai-act-art-26-7", "ai-act-art-26-oversight", "ai-act-art-26-11", "apv-new-technology", "control-measures-notice", "machinery-regulation"] {
      #expect(severity[id] == .obligation, "\(id)")
    }
    // Only a ban is `prohibited`; principles and prerequisites inform.
    #expect(pack.context.filter { $0.severity == .prohibited }.map(\.id) == ["ai-act-art-5-1-f"])
    for item in pack.context where !Self.legalKinds.contains(item.kind) { #expect(item.severity == .information, "\(item.id)") }
  }

  @Test func noTextNamesAnExecutiveOrderOtherThanTheAPVOrder() throws {
    // Since 1 February 2024 the APV and AMO rules are in "bekendtgørelse om systematisk
    // arbejdsmiljøarbejde"; the older orders on the performance of work and on cooperation must not be cited.
    let json = try JSONSerialization.jsonObject(with: ContentDump.json(pack))
    var texts: [String] = []
    func walk(_ value: Any) {
      if let s = value as? String { texts.append(s) }
      else if let dict = value as? [String: Any] { dict.values.forEach(walk) }
      else if let list = value as? [Any] { list.forEach(walk) }
    }
    walk(json)
    var named = 0
    for text in texts {
      for match in text.matches(of: /bekendtgørelse (?:nr\. 1838 af 14\. december 2023 )?om ([\wæøå ]+?)(?=[,.;)]|$| \(| gældende)/) {
        named += 1
        #expect(match.1 == "systematisk arbejdsmiljøarbejde", "names `bekendtgørelse om \(match.1)`: \(text.prefix(120))")
      }
      for old in ["arbejdets udførelse", "samarbejde om arbejdsmiljø", "performance of work"] {
        #expect(!text.contains(old), "cites the old order on \(old): \(text.prefix(120))")
      }
    }
    #expect(named >= 8, "the APV texts name the executive order")
    let apv = pack.context.filter { $0.kind == "apv" }
    for item in apv { #expect(item.source.contains("bekendtgørelse nr. 1838 af 14. december 2023 om systematisk arbejdsmiljøarbejde"), "\(item.id)") }
  }

  @Test func industryFiguresAreLabelledWhereverTheyAreShown() {
    // The Dansk Metal figures describe union reps in industrial firms that use AI in production. A
    // municipal or other non-production workplace sees them only with that label; figure 3 allowed
    // several answers.
    #expect(!pack.benchmarks.isEmpty)
    for b in pack.benchmarks {
      #expect(b.base.da.contains("tal fra industrien"), "\(b.id): \(b.base.da)")
      #expect(b.base.en.contains("figures from industry"), "\(b.id): \(b.base.en)")
      if b.source.contains("figur 3") {
        #expect(b.base.da.contains("flere svar mulige") && b.base.en.contains("several answers possible"), "\(b.id)")
      }
    }
    // No figure is carried that no use case shows.
    let shown = Set(pack.useCases.compactMap(\.benchmark))
    #expect(Set(pack.benchmarks.map(\.id)) == shown)
  }

  @Test func calendarAnalyticsIsAUseCaseWithTheMonitoringFlag() {
    let viva = pack.useCases.first { $0.id == "calendar-analytics" }
    #expect(viva?.flags.contains("monitoring") == true)
    #expect(viva?.source == "Kapitel 2 › Maskinlæring › Gruppe")
    #expect(viva?.name.da.contains("Microsoft Viva") == true)
  }
}
