import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// All the wizard's words come from Content/strings/wizard.yaml, in both languages.
@Suite struct StringTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Sources/IglooWizard").standardizedFileURL

  /// The literal keys in the wizard's sources.
  static func literalKeys() throws -> Set<String> {
    var out: Set<String> = []
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
    let pattern = try NSRegularExpression(pattern: "\"(wizard\\.[a-z0-9.-]+)\"")
    for case let url as URL in files where url.pathExtension == "swift" {
      let text = try String(contentsOf: url, encoding: .utf8)
      for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        out.insert(String(text[Range(m.range(at: 1), in: text)!]))
      }
    }
    return out
  }

  /// The keys built from a value at run time.
  static var dynamicKeys: Set<String> {
    var out: Set<String> = []
    let actions: [WizardAction] = KeyBindings.allActions
    out.formUnion(actions.map(\.nameKey))
    out.formUnion(BindingContext.allCases.map { "wizard.context.\($0.rawValue)" })
    out.formUnion(Step.allCases.flatMap { [$0.titleKey, $0.shortKey] })
    out.formUnion(Stage.allCases.map { "wizard.stage.\($0.rawValue)" })
    out.formUnion(PlanStatus.allCases.map { "wizard.status.\($0.rawValue)" })
    out.formUnion(Band.allCases.map { "wizard.band.\($0.rawValue)" })
    out.formUnion(ExportFormat.allCases.flatMap { ["wizard.export.format.\($0.rawValue)", "wizard.export.format.\($0.rawValue).detail"] })
    out.formUnion(["no-next-review", "beyond-three-years", "unreadable-date"].map { "wizard.follow-up.warning.\($0)" })
    out.formUnion(["unanswered", "dont-know", "disagreement", "voice-gap"].map { "wizard.review.\($0)" })
    out.formUnion(Language.allCases.map { "wizard.language.\($0.rawValue)" })
    // The parts of the report the Export step offers, and the suffix each gives the file's name.
    let parts = Flow.choices(.exportPart, in: pack)
    out.formUnion(parts.map { "wizard.export.part.\($0)" })
    out.formUnion(parts.filter { $0 != "all" }.map { "wizard.export.part-suffix.\($0)" })
    out.formUnion(FlagSeverity.allCases.map { "wizard.plan.reason.flag.\($0.rawValue)" })
    out.formUnion(UnscoredRisk.Reason.allCases.map { "wizard.profile.unscored.\($0.rawValue)" })
    return out
  }

  @Test func everyKeyTheWizardUsesExistsInBothLanguages() throws {
    let used = try Self.literalKeys().union(Self.dynamicKeys)
    #expect(used.count > 200)
    for key in used.sorted() {
      let text = pack.strings[key]
      #expect(text != nil, "missing string \(key)")
      #expect(text?.da.isEmpty == false && text?.en.isEmpty == false, "empty translation of \(key)")
    }
  }

  @Test func everyWizardStringIsUsed() throws {
    let used = try Self.literalKeys().union(Self.dynamicKeys)
    let defined = pack.strings.keys.filter { $0.hasPrefix("wizard.") }
    for key in defined.sorted() { #expect(used.contains(key), "unused string \(key)") }
  }

  @Test func theSourcesHoldNoUserFacingProse() throws {
    // Rendering reads every word from the string table; a quoted Danish word in a screen file
    // would be prose that a translator cannot reach.
    let files = FileManager.default.enumerator(at: Self.sources.appendingPathComponent("Screens"), includingPropertiesForKeys: nil)!
    for case let url as URL in files where url.pathExtension == "swift" {
      let text = try String(contentsOf: url, encoding: .utf8)
      for word in ["Hjælp", "Næste", "Gem", "svar", "Help", "Next", "Save"] {
        #expect(!text.contains("\"\(word)"), "\(url.lastPathComponent) has \(word)")
      }
    }
  }
}
