import Foundation
@testable import IglooContent
import IglooTestSupport
import Testing

/// One small malformed pack per kind of problem: `content check` must name the file, the line and
/// what is wrong.
@Suite struct ValidatorTests {
  func problems(_ files: [PackFile]) -> [String] {
    PackLoader.load(files: files).diagnostics.map(\.description)
  }

  @Test func miniPackIsClean() {
    #expect(problems(MiniPack.files) == [])
  }

  /// The mini pack with one text replaced inside `path`.
  func editing(_ path: String, _ old: String, _ new: String) -> [PackFile] {
    let text = MiniPack.files.first { $0.path == path }!.text
    precondition(text.contains(old), "\(old) is not in \(path)")
    return MiniPack.replacing(path, with: text.replacingOccurrences(of: old, with: new))
  }

  @Test func yamlSyntaxErrorNamesItsLine() {
    // The flow sequence opened on line 5 is broken by the `:` on line 6, where the parser stops.
    let out = problems(editing("findings/ml.yaml", "    polarity: risk", "    polarity: [risk"))
    let syntax = out.filter { $0.contains("YAML syntax error") }
    #expect(syntax.count == 1)
    #expect(syntax.first?.hasPrefix("findings/ml.yaml:6: YAML syntax error") == true, "\(syntax)")
  }

  @Test func unknownReferenceIsReported() {
    let out = problems(editing("questions/ml.yaml", "measures: [{finding: risk-a, role: mitigation}]", "measures: [{finding: risk-x, role: mitigation}]"))
    #expect(out.contains("questions/ml.yaml:11: question `q-risk-a-mitigation` measures unknown finding `risk-x`"))
    #expect(out.contains("findings/ml.yaml:2: risk finding `risk-a` has no mitigation question"))
  }

  @Test func aRetiredStatementNeedsADateAndAReasonAndMeasuresNothing() {
    let dated = problems(editing("questions/ml.yaml", "  - id: q-risk-a-exposure-2\n", "  - id: q-risk-a-exposure-2\n    retired: \"2026-12-02: asked by q-risk-a-exposure\"\n"))
    #expect(dated == [])
    let undated = problems(editing("questions/ml.yaml", "  - id: q-risk-a-exposure-2\n", "  - id: q-risk-a-exposure-2\n    retired: \"no longer needed\"\n"))
    #expect(undated.contains { $0.contains("question `q-risk-a-exposure-2` is retired without a date and a reason") }, "\(undated)")
    // Retiring the only mitigation leaves the risk unmeasurable, and the action it triggers unreachable.
    let only = problems(editing("questions/ml.yaml", "  - id: q-risk-a-mitigation\n", "  - id: q-risk-a-mitigation\n    retired: \"2026-12-02: test\"\n"))
    #expect(only.contains { $0.contains("risk finding `risk-a` has no mitigation question") }, "\(only)")
    #expect(only.contains { $0.contains("action `act-ask` is triggered by retired question `q-risk-a-mitigation`") }, "\(only)")
  }

  /// Issue 27: a legal item quoted to management must say when it was checked and against what.
  @Test func aLegalItemWithoutAsOfOrSourceIsRefusedWithItsLine() {
    let undated = problems(editing("context.yaml", "    kind: legal\n    as_of: \"2026-12-07\"\n    title: {da: KI-kompetencer", "    kind: legal\n    title: {da: KI-kompetencer"))
    #expect(undated == ["context.yaml:9: context item `art-4` is a legal item without `as_of`; give the date its text was checked, YYYY-MM-DD"], "\(undated)")
    let unsourced = problems(editing("context.yaml", "    source: Forordning (EU) 2024/1689, art. 4\n", ""))
    #expect(unsourced.contains { $0.hasPrefix("context.yaml:9:") && $0.contains("`source`") && $0.contains("`art-4`") }, "\(unsourced)")
    let blank = problems(editing("context.yaml", "    source: Forordning (EU) 2024/1689, art. 4\n", "    source: \" \"\n"))
    #expect(blank.count == 1 && blank.allSatisfy { $0.hasPrefix("context.yaml:") && $0.contains("`source`") && $0.contains("`art-4`") }, "\(blank)")
    let badDate = problems(editing("context.yaml", "    kind: legal\n    as_of: \"2026-12-07\"\n    title: {da: KI-kompetencer", "    kind: legal\n    as_of: \"7. december 2026\"\n    title: {da: KI-kompetencer"))
    #expect(badDate.contains { $0.hasPrefix("context.yaml:9:") && $0.contains("use YYYY-MM-DD") }, "\(badDate)")
    // The day a rule applies from (page 1 gives it) is a day too, or none.
    let from = { (day: String) in
      problems(
        editing(
          "context.yaml", "    kind: legal\n    as_of: \"2026-12-07\"\n    title: {da: KI-kompetencer",
          "    kind: legal\n    as_of: \"2026-12-07\"\n    applies_from: \"\(day)\"\n    title: {da: KI-kompetencer"))
    }
    #expect(from("2025-02-02") == [])
    let badFrom = from("2. februar 2025")
    #expect(badFrom.count == 1 && badFrom.allSatisfy { $0.hasPrefix("context.yaml:9:") && $0.contains("`applies_from`") }, "\(badFrom)")
    // A principle from the target picture is guidance, not a rule, and needs no date.
    #expect(problems(MiniPack.files) == [])
  }

  @Test func duplicateIdIsReported() {
    let out = problems(editing("questions/ml.yaml", "- id: q-risk-a-exposure-2", "- id: q-risk-a-exposure"))
    #expect(out.contains { $0.hasPrefix("questions/ml.yaml:6: duplicate question id `q-risk-a-exposure` (first at questions/ml.yaml:2)") })
  }

  /// Issue 8, Why 3: a content pack whose text holds ESC no longer passes `content check` as clean.
  @Test func contentWithAnEscapeCharacterIsRejectedWithItsLine() {
    let escaped = problems(editing("findings/ml.yaml", "title: {da: Risiko A, en: Risk A}", "title: {da: Risiko A, en: \"Risk \\e[2J A\"}"))
    #expect(escaped == ["findings/ml.yaml:6: the text holds the control character \\u001b; content must not hold control characters"])
    let raw = problems(editing("findings/ml.yaml", "title: {da: Risiko A, en: Risk A}", "title: {da: \"Risiko \u{7f}A\", en: Risk A}"))
    // A raw one is already refused by the YAML parser.
    #expect(raw.contains { $0.hasPrefix("findings/ml.yaml:") && $0.contains("control characters are not allowed") })
  }

  @Test func missingTranslationIsReported() {
    let out = problems(editing("findings/ml.yaml", "title: {da: Risiko A, en: Risk A}", "title: {da: Risiko A}"))
    #expect(out == ["findings/ml.yaml:6: missing translation (en) for `title` of finding `risk-a`"])
    let empty = problems(editing("findings/ml.yaml", "title: {da: Risiko A, en: Risk A}", "title: {da: Risiko A, en: \"  \"}"))
    #expect(empty == ["findings/ml.yaml:6: missing translation (en) for `title` of finding `risk-a`"])
  }

  @Test func missingOrLongShortTitleIsReported() {
    let missing = problems(editing("findings/ml.yaml", "    short_title: {da: Kort A, en: Short A}\n", ""))
    #expect(missing == ["findings/ml.yaml:2: finding `risk-a` is missing `short_title` (at most 60 characters, da and en)"])
    let long = String(repeating: "x", count: 61)
    let over = problems(editing("findings/ml.yaml", "short_title: {da: Kort A, en: Short A}", "short_title: {da: Risiko A, en: \(long)}"))
    #expect(over == ["findings/ml.yaml:10: `short_title` (en) of finding `risk-a` has 61 characters; at most 60"])
    let exact = problems(editing("findings/ml.yaml", "short_title: {da: Kort A, en: Short A}", "short_title: {da: Risiko A, en: \(long.dropLast())}"))
    #expect(exact.isEmpty, "\(exact)")
  }

  @Test func findingWithoutQuestionsIsReported() {
    let text = MiniPack.files.first { $0.path == "questions/ml.yaml" }!.text
    let kept = text.components(separatedBy: "  - id: q-chance-b-potential")[0]
    let out = problems(MiniPack.replacing("questions/ml.yaml", with: kept))
    #expect(out.contains("findings/ml.yaml:11: finding `chance-b` has no questions"))
  }

  @Test func riskWithoutActionIsReported() {
    let actions = """
      actions:
        - id: act-other
          title: {da: x, en: x}
          how: {da: x, en: x}
          level: group
          owner: manager
          source: Kapitel 2
          triggers: [{finding: chance-b}]

      """
    #expect(problems(MiniPack.replacing("actions.yaml", with: actions)) == ["findings/ml.yaml:2: risk finding `risk-a` is not triggered by any action"])
  }

  @Test func actionWithoutTriggerIsReported() {
    let out = problems(editing("actions.yaml", "    triggers:\n      - {finding: risk-a, min: 10}", "    triggers: []"))
    #expect(out == ["actions.yaml:11: action `act-train-one` has no trigger"])
  }

  @Test func unknownKeyAndBadValuesAreReported() {
    // A finding that cannot be read is reported once, not again by everything that refers to it.
    #expect(problems(editing("findings/ml.yaml", "    polarity: risk", "    polarity: danger")) == [
      "findings/ml.yaml:2: finding `risk-a` has polarity `danger`; use risk, opportunity or both"
    ])
    #expect(problems(editing("findings/ml.yaml", "    examples: []\n    source: Kapitel 2 › Maskinlæring › Individ", "    examples: []\n    sauce: x\n    source: Kapitel 2 › Maskinlæring › Individ")) == [
      "findings/ml.yaml:9: unknown key `sauce` in a finding"
    ])
    #expect(problems(editing("actions.yaml", "{question: q-risk-a-mitigation, answers: [0, dont-know]}", "{question: q-risk-a-mitigation, answers: [10, dont-know]}")) == [
      "actions.yaml:20: action `act-ask` matches answer 10, which is not on the scale"
    ])
  }

  @Test func unknownAndMissingFilesAreReported() {
    var files = MiniPack.files.filter { $0.path != "levels.yaml" }
    files.append(PackFile(path: "notes.yaml", text: "x: 1\n"))
    let out = problems(files)
    #expect(out.contains { $0.hasPrefix("notes.yaml:1: unknown file") })
    #expect(out.contains("levels.yaml:1: missing file, or it holds nothing"))
  }

  /// Issue 8, Why 11: with actions.yaml missing, content check says so, not 21 knock-on errors.
  @Test func aMissingActionsFileIsSaidInsteadOfItsKnockOnErrors() {
    let out = problems(MiniPack.files.filter { $0.path != "actions.yaml" })
    #expect(out == ["actions.yaml:1: missing file, or it holds nothing"])
  }

  /// Issue 8, Why 11: a YAML file that cannot be read says why.
  @Test func anUnreadableFileSaysWhy() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-000-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(PackFile.whyUnreadable(folder.path + "/missing.yaml").contains("no such file"))
    try Data("x: 1\n".utf8).write(to: folder.appendingPathComponent("levels.yaml"))
    _ = chmod(folder.appendingPathComponent("levels.yaml").path, 0)
    guard geteuid() != 0 else { return }  // root reads a 000 file; the reason path is checked above
    let (_, problems) = try PackFile.read(directory: folder)
    #expect(problems.map(\.description) == ["levels.yaml:1: cannot be read (permission denied)"])
  }

  @Test func emptyAndWronglyShapedFilesNeverCrash() {
    for text in ["", "---\n", "[1, 2]\n", "findings: 3\n", "findings:\n  - 4\n", "findings:\n  - {id: Ø}\n", "\u{0}\u{1}binary"] {
      let out = problems(MiniPack.replacing("findings/ml.yaml", with: text))
      #expect(!out.isEmpty, "\(text.debugDescription) must be reported")
      #expect(out.allSatisfy { $0.range(of: #"^[^:]+:\d+: .+"#, options: .regularExpression) != nil })
    }
  }
}
