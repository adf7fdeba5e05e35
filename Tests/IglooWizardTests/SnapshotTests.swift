import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// Golden-file snapshots of every screen and overlay, at 80×24, 120×40 and 60×20, in Danish and
/// English, as text (and, for a few, as one style letter per cell). Re-record with
/// `IGLOO_RECORD=1 swift test --filter IglooWizardTests` and review the diff.
@Suite struct SnapshotTests {
  /// A screen to snapshot: how to get there from a fresh wizard.
  struct Scenario: CustomTestStringConvertible, Sendable {
    var name: String
    var sessions: @Sendable () -> [Session] = { [] }
    var script: @Sendable (Harness) -> Void

    var testDescription: String { name }
  }

  static func resume(_ cursor: String, plan: Bool = false) -> @Sendable () -> [Session] {
    {
      var s = plan ? Fixture.committeeWithPlan() : Fixture.committee()
      s.cursor = cursor
      return [s]
    }
  }

  static let scenarios: [Scenario] = [
    Scenario(name: "start") { _ in },
    Scenario(
      name: "start-resume",
      sessions: {
        var other = Session(content: ContentRef(pack), about: About(workplace: "Limfjord Metal", date: "2025-03-14"))
        other.scope = [ScopeItem(useCase: "predictive-maintenance", stage: .pilot)]
        return [other, Fixture.committee()]
      }
    ) { h in h.press(.down) },
    Scenario(name: "start-case") { h in
      h.press(.down)
    },
    Scenario(name: "case-intro") { h in
      h.press(.down, .enter)
      h.type("Bord 3")
    },
    Scenario(name: "case-intro-scrolled") { h in
      h.press(.down, .enter)
      for _ in 0..<30 { h.press(.down) }
    },
    Scenario(
      name: "case-story",
      sessions: {
        var s = Session(trainingCase: pack.cases[0], pack: pack, date: "2025-05-01", group: "Bord 3")
        s.cursor = "questions"
        return [s]
      }
    ) { h in h.press(.down, .enter, .character("c")) },
    Scenario(name: "about", sessions: resume("about")) { h in h.press(.down, .enter) },
    Scenario(name: "about-role", sessions: resume("about")) { h in
      h.press(.down, .enter)
      while Flow.fields(.about, in: h.state)[h.state.aboutFocus] != .participantRole(1) { h.press(.tab) }
    },
    Scenario(name: "scope", sessions: resume("scope")) { h in h.press(.down, .enter) },
    // Issue 27: the survey's industry figures are a comparison only for an industry workplace.
    Scenario(
      name: "scope-industry",
      sessions: {
        var s = Fixture.committee()
        s.about.sector = SurveyComparison.sector
        s.cursor = "scope"
        return [s]
      }
    ) { h in h.press(.down, .enter) },
    Scenario(name: "scope-note", sessions: resume("scope")) { h in
      h.press(.down, .enter)
      let i = pack.useCases.firstIndex { $0.id == "text-summaries" }!
      for _ in 0..<i { h.press(.down) }
      h.press(.character("e"))
    },
    Scenario(name: "questions", sessions: resume("questions")) { h in h.press(.down, .enter) },
    Scenario(name: "questions-note", sessions: resume("questions")) { h in
      h.press(.down, .enter, .tab)
      h.type(" – også i weekenden")
    },
    Scenario(name: "questions-disagreement", sessions: resume("questions")) { h in
      h.press(.down, .enter)
      // The first question the two voices are two or more points apart on.
      let a = h.state.assessment!
      let q = a.disagreements.first { pack.question($0.question)?.kind == .finding }!.question
      h.runner.send(.character("?"), size: h.size)
      h.press(.escape)
      for _ in 0..<200 where h.state.currentQuestion?.id != q { h.press(.right) }
    },
    // The quick scan (issue 9): depth on the Scope step, a screening statement with the systems it
    // concerns, the profile of screenings with the offer to deepen, and the first deepened statement.
    Scenario(name: "scope-quick", sessions: { [Fixture.quickScan(answered: false, cursor: "scope")] }) { h in h.press(.down, .enter) },
    Scenario(name: "questions-quick", sessions: { [Fixture.quickScan(answered: false, cursor: "questions")] }) { h in
      h.press(.down, .enter)
    },
    Scenario(name: "profile-quick", sessions: { [Fixture.quickScan(answered: true, cursor: "profile")] }) { h in h.press(.down, .enter) },
    Scenario(name: "questions-deepened", sessions: { [Fixture.quickScan(answered: true, cursor: "profile")] }) { h in
      h.press(.down, .enter, .character("u"))
    },
    Scenario(name: "questions-empty") { h in h.press(.enter, .pageDown, .pageDown) },
    Scenario(name: "absence", sessions: resume("absence")) { h in h.press(.down, .enter) },
    Scenario(name: "review", sessions: resume("review")) { h in h.press(.down, .enter) },
    Scenario(name: "profile", sessions: resume("profile")) { h in h.press(.down, .enter) },
    Scenario(name: "plan", sessions: resume("plan", plan: true)) { h in h.press(.down, .enter) },
    Scenario(name: "plan-editor", sessions: resume("plan", plan: true)) { h in h.press(.down, .enter, .enter, .tab) },
    Scenario(name: "plan-own", sessions: resume("plan", plan: true)) { h in h.press(.down, .enter, .end, .enter) },
    Scenario(name: "plan-incomplete", sessions: resume("plan", plan: true)) { h in h.press(.down, .enter, .end) },
    Scenario(name: "plan-in-place", sessions: resume("plan", plan: true)) { h in
      h.press(.down, .enter, .down, .down, .character("f"))
    },
    Scenario(name: "plan-approval", sessions: resume("plan", plan: true)) { h in h.press(.down, .enter, .character("g")) },
    Scenario(name: "plan-approval-confirm", sessions: resume("plan", plan: true)) { h in
      h.press(.down, .enter, .character("g"), .escape)
    },
    Scenario(name: "plan-approved", sessions: resume("plan", plan: true)) { h in
      h.press(.down, .enter, .character("g"), .escape, .character("j"))
    },
    Scenario(name: "plan-leave-incomplete", sessions: resume("plan", plan: true)) { h in h.press(.down, .enter, .pageDown) },
    Scenario(name: "review-incomplete", sessions: resume("review", plan: true)) { h in h.press(.down, .enter) },
    Scenario(name: "follow-up", sessions: resume("follow-up")) { h in h.press(.down, .enter) },
    Scenario(name: "follow-up-compare", sessions: { [Fixture.previousRound(), Fixture.currentRound(previousRound: "memory/1.json")] }) { h in
      h.press(.down, .enter)
    },
    Scenario(name: "follow-up-compare-failed", sessions: { [Fixture.previousRound(), Fixture.currentRound()] }) { h in
      h.press(.down, .enter, .tab)
      h.type("memory/7.json")
      h.press(.enter)
    },
    Scenario(name: "export", sessions: resume("export")) { h in h.press(.down, .enter) },
    Scenario(name: "export-failed", sessions: resume("export")) { h in
      h.press(.down, .enter, .tab, .control("u"))
      h.type("/nonexistent/rapport.md")
      h.press(.enter)
    },
    Scenario(name: "export-written", sessions: resume("export")) { h in h.press(.down, .enter, .down, .down, .enter) },
    Scenario(name: "help", sessions: resume("questions")) { h in h.press(.down, .enter, .function(1)) },
    Scenario(name: "help-about", sessions: resume("about")) { h in h.press(.down, .enter, .function(1)) },
    Scenario(name: "step-menu", sessions: resume("review")) { h in h.press(.down, .enter, .control("g")) },
    Scenario(name: "level-picker", sessions: resume("questions")) { h in h.press(.down, .enter, .character("g"), .down) },
    Scenario(name: "confirm-delete", sessions: resume("plan", plan: true)) { h in h.press(.down, .enter, .end, .delete) },
    Scenario(name: "confirm-quit", sessions: resume("about")) { h in
      h.press(.down, .enter)
      h.environment.failSaves = "the disk is full"
      h.type("!")
      h.press(.tab, .control("q"))
    },
  ]

  /// The target size, a large window, and the minimum.
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), WizardLayout.minimumSize]

  @Test(arguments: scenarios, [Language.da, .en])
  func screen(_ scenario: Scenario, _ language: Language) {
    let h = Harness(language: language, sessions: scenario.sessions())
    scenario.script(h)
    for size in Self.sizes {
      let grid = h.screen(size)
      #expect(!grid.text.contains("wizard."), "a string key shows on \(scenario.name) at \(size)")
      assertGolden(grid.text + "\n", named: "\(scenario.name)-\(language.rawValue)-\(size).txt", in: snapshotFolder)
    }
  }

  /// The styles of a few screens, so a change of colour meaning shows up in review too.
  @Test(arguments: ["about", "questions", "profile", "plan", "export-failed", "start-resume"])
  func styles(_ name: String) {
    let scenario = Self.scenarios.first { $0.name == name }!
    let h = Harness(language: .da, sessions: scenario.sessions())
    scenario.script(h)
    assertGolden(h.screen().styleText + "\n", named: "\(name)-da-80x24.styles.txt", in: snapshotFolder)
  }

  @Test(arguments: [Size(width: 59, height: 19), Size(width: 30, height: 8), Size(width: 1, height: 1)])
  func tooSmall(_ size: Size) {
    for language in Language.allCases {
      let h = Harness(language: language, size: size)
      assertGolden(h.text + "\n", named: "too-small-\(language.rawValue)-\(size).txt", in: snapshotFolder)
    }
  }
}
