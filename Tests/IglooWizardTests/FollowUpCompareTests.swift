import Foundation
import IglooContent
import IglooEngine
import IglooStore
import Testing

@testable import IglooWizard

extension Fixture {
  /// The committee's round a year earlier: the same scope and voices, other answers, so that
  /// levels, findings and suggested actions all differ from ``committee()``.
  static func previousRound() -> Session {
    var s = committee()
    s.about.date = "2024-05-01"
    s.agreed = [:]
    s.answers = [:]
    for (i, q) in s.applicableQuestions(pack).enumerated() where i % 7 != 6 {
      s.setAnswer(Answer(.point(1 + (i * 2 + 3) % 5)), question: q.id, voice: "management")
      s.setAnswer(Answer(.point(1 + (i * 4 + 1) % 5)), question: q.id, voice: "employees")
    }
    s.followUp = FollowUp(nextReview: "2025-05-01", previousRound: "")
    s.cursor = "follow-up"
    return s
  }

  /// The committee's session, resumed on the Follow-up step.
  static func currentRound(previousRound: String = "") -> Session {
    var s = committee()
    s.followUp.previousRound = previousRound
    s.cursor = "follow-up"
    // Done since the previous round, whose plan was empty: the comparison lists it.
    s.plan = [
      PlanItem(
        action: nil, title: "Fast punkt om KI på personalemødet", level: "group", responsible: "Åse Jørgensen",
        deadline: "2025-03-01", status: .done)
    ]
    return s
  }
}

/// The comparison with the previous round on the Follow-up step: read through the environment
/// when the field is left, shown below the fields, never written back.
@Suite struct FollowUpCompareTests {
  @Test func theActionsDoneSinceThePreviousRoundAreListed() {
    let h = harness()
    enterPreviousRound(h, "memory/1.json")
    #expect(h.screen(Size(width: 120, height: 40)).text.contains("Handlinger gennemført siden da: 1"))
    #expect(h.screen(Size(width: 120, height: 40)).text.contains("Fast punkt om KI på personalemødet"))
  }

  /// Two quick scans are compared by their screenings: a column of dashes under "Residual risk"
  /// would say nothing changed.
  @Test func twoQuickScansAreComparedByTheirScreenings() throws {
    func quick(_ session: Session, _ point: (Int) -> Int) -> Session {
      var s = session
      s.depth = .quick
      s.answers = [:]
      s.agreed = [:]
      for (i, q) in s.applicableQuestions(pack).enumerated() {
        for voice in s.voices { s.setAnswer(Answer(.point(point(i))), question: q.id, voice: voice.id) }
      }
      return s
    }
    let previous = quick(Fixture.previousRound()) { 1 + $0 % 5 }
    let current = quick(Fixture.currentRound(previousRound: "")) { 5 - $0 % 5 }
    let h = Harness(language: .da, sessions: [previous, current], size: Size(width: 120, height: 40))
    h.press(.down, .enter)
    enterPreviousRound(h, "memory/1.json")
    let text = h.screen(Size(width: 120, height: 40)).text
    #expect(text.contains("Screening af risiko, dengang → nu"))
    #expect(!text.contains("Restrisiko, dengang → nu"))
    let comparison = RoundComparison(old: Assessment(session: previous, pack: pack), new: Assessment(session: h.session, pack: pack))
    #expect(comparison.screens && !comparison.scoresLevels)
    let first = try #require(comparison.levelScreening.first { $0.old != nil && $0.new != nil })
    #expect(text.contains(String(Int(first.old!.rounded(.down))) + " "), "the earlier screening is shown")
  }

  /// A wizard holding the previous round (`memory/1.json`) and the current one (`memory/2.json`),
  /// resumed on the current one's Follow-up step.
  func harness(_ language: Language = .da, previousRound: String = "", size: Size = Size(width: 120, height: 40)) -> Harness {
    let h = Harness(
      language: language, sessions: [Fixture.previousRound(), Fixture.currentRound(previousRound: previousRound)], size: size)
    h.press(.down, .enter)
    #expect(h.state.step == .followUp)
    #expect(h.state.handle?.id == "memory/2.json")
    return h
  }

  /// Types `path` into the previous-round field and presses Enter.
  func enterPreviousRound(_ h: Harness, _ path: String) {
    while Flow.fields(.followUp, in: h.state)[h.state.followUpFocus] != .previousRound { h.press(.tab) }
    h.press(.control("u"))
    h.type(path)
    h.press(.enter)
  }

  /// The expected comparison, computed here from the sessions directly.
  func expected(_ h: Harness) -> RoundComparison {
    RoundComparison(
      old: Assessment(session: Fixture.previousRound(), pack: pack), new: Assessment(session: h.session, pack: pack))
  }

  func cell(_ value: Double?, _ band: Band?, _ t: Localizer) -> String {
    guard let value else { return "–" }
    return String(Int(value.rounded(.down))) + " " + t("wizard.band.\((band ?? .low).rawValue)")
  }

  func line(startingWith name: String, in text: String) -> String? {
    text.split(separator: "\n").map(String.init).first { $0.hasPrefix(" " + name + " ") }
  }

  @Test(arguments: [Language.da, .en])
  func enteringAPreviousRoundShowsTheComparison(_ language: Language) throws {
    let h = harness(language)
    #expect(!h.text.contains(h.state.localizer("wizard.followup.compare.title", ["date": "2024-05-01"])))
    enterPreviousRound(h, "memory/1.json")
    #expect(h.environment.previousRoundReads == ["memory/1.json"])
    #expect(h.session.followUp.previousRound == "memory/1.json")
    let t = h.state.localizer
    let c = expected(h)
    let text = h.text
    #expect(text.contains(t("wizard.followup.compare.title", ["date": "2024-05-01"])))
    // Per level: risk before → now and the change, as the engine computes them.
    var changed = 0
    for change in c.levelRisk {
      let name = pack.level(change.id).map { t($0.name) } ?? change.id
      let row = try #require(line(startingWith: name, in: text), "no row for \(name)")
      let before = cell(change.old, change.oldBand, t), after = cell(change.new, change.newBand, t)
      let parts = row.components(separatedBy: "→")
      #expect(parts.count >= 2)
      #expect(parts[0].contains(before), "\(row) lacks \(before)")
      #expect(parts[1].contains(after), "\(row) lacks \(after)")
      if let old = change.old, let new = change.new {
        let d = Int(new.rounded(.down)) - Int(old.rounded(.down))
        if d != 0 { changed += 1 }
        #expect(row.contains("(" + (d < 0 ? "−\(-d)" : d > 0 ? "+\(d)" : "±0") + ")"), "\(row) lacks the change \(d)")
      }
    }
    #expect(changed > 0, "the fixture should move at least one level")
    // Findings whose band changed, and the actions that came and went, with their counts.
    let moved = c.findingRisk.filter { $0.oldBand != nil && $0.newBand != nil && $0.oldBand != $0.newBand }
    #expect(!moved.isEmpty)
    #expect(text.contains(t("wizard.followup.compare.findings", ["n": String(moved.count)])))
    let first = try #require(pack.finding(moved[0].id))
    #expect(text.contains(t(first.title)))
    #expect(text.contains(t("wizard.followup.compare.new-actions", ["n": String(c.newActions.count)])))
    #expect(text.contains(t("wizard.followup.compare.resolved-actions", ["n": String(c.resolvedActions.count)])))
    #expect(!c.newActions.isEmpty || !c.resolvedActions.isEmpty)
    if let id = (c.newActions + c.resolvedActions).first, let action = pack.action(id) {
      #expect(text.contains(String(t(action.title).prefix(30))))
    }
  }

  @Test func theComparisonFitsAt80x24() throws {
    let h = harness(size: Size(width: 80, height: 24))
    enterPreviousRound(h, "memory/1.json")
    let t = h.state.localizer
    let text = h.text
    let rows = text.split(separator: "\n").map(String.init)
    for level in pack.levels {
      #expect(rows.contains { $0.hasPrefix(" " + String(t(level.name).prefix(12))) && $0.contains("→") }, "\(level.id) missing")
    }
    #expect(text.contains(String(t("wizard.followup.compare.resolved-actions", ["n": "0"]).prefix(20))))
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { Text.width(String($0)) <= 80 })
  }

  @Test func leavingTheFieldReadsTheRoundToo() {
    let h = harness()
    while Flow.fields(.followUp, in: h.state)[h.state.followUpFocus] != .previousRound { h.press(.tab) }
    h.type("memory/1.json")
    h.press(.up)
    #expect(h.environment.previousRoundReads == ["memory/1.json"])
    #expect(h.state.roundComparison != nil)
  }

  @Test func aRoundAlreadyNamedIsReadWhenTheStepOpens() {
    let h = harness(previousRound: "memory/1.json")
    #expect(h.environment.previousRoundReads == ["memory/1.json"])
    #expect(h.text.contains(h.state.localizer("wizard.followup.compare.title", ["date": "2024-05-01"])))
    // Moving about the step does not read it again; leaving the field does.
    h.press(.tab, .up)
    #expect(h.environment.previousRoundReads == ["memory/1.json", "memory/1.json"])
  }

  @Test func aMissingRoundShowsOneErrorLineAndNothingElseChanges() {
    let h = harness()
    let before = h.session
    enterPreviousRound(h, "memory/99.json")
    let t = h.state.localizer
    let error = t("wizard.followup.compare.failed", ["reason": "memory/99.json: no such session"])
    #expect(h.text.contains(error))
    #expect(h.text.components(separatedBy: "\n").filter { $0.contains("memory/99.json:") }.count == 1)
    #expect(h.state.roundComparison == nil)
    #expect(!h.text.contains(t("wizard.followup.compare.title", ["date": "2024-05-01"])))
    var expectedSession = before
    expectedSession.followUp.previousRound = "memory/99.json"
    #expect(h.session == expectedSession)
    #expect(h.state.saveError == nil)
  }

  @Test func anUnreadableRoundShowsTheEnvironmentsReason() {
    let h = harness(.en)
    enterPreviousRound(h, "memory/1.json")
    #expect(h.state.roundComparison != nil)
    h.environment.failPreviousRounds = "it is not an igloo session"
    h.press(.enter)
    #expect(h.text.contains("The previous round cannot be read: memory/1.json: it is not an igloo session"))
    #expect(h.state.roundComparison == nil)
    #expect(!h.text.contains(h.state.localizer("wizard.followup.compare.title", ["date": "2024-05-01"])))
  }

  @Test func clearingTheFieldRemovesTheComparison() {
    let h = harness()
    enterPreviousRound(h, "memory/1.json")
    #expect(h.state.roundComparison != nil)
    h.press(.control("u"), .enter)
    #expect(h.state.roundComparison == nil)
    #expect(h.environment.previousRoundReads == ["memory/1.json"])
  }

  @Test func thePreviousRoundIsNeverSavedToOrOpened() {
    let h = harness()
    let original = h.environment.sessions["memory/1.json"]
    enterPreviousRound(h, "memory/1.json")
    h.press(.tab, .up)
    h.press(.pageUp)  // to the plan and back, then away
    h.press(.pageDown, .pageDown)
    h.press(.control("q"))
    #expect(h.environment.sessions["memory/1.json"] == original)
    #expect(!h.environment.savedHandles.contains("memory/1.json"))
    #expect(h.environment.savedHandles.contains("memory/2.json"))
    #expect(h.state.handle?.id == "memory/2.json")
  }

  @Test func readingIsNoEffectOfTheStateAlone() {
    // The state machine asks for the read; it never performs one.
    var state = WizardState(pack: pack, language: .da, today: "2025-05-01")
    state.didOpen(Fixture.currentRound(), at: SessionHandle("memory/2.json"))
    state.followUpFocus = 1
    state.syncEditor()
    for c in "memory/1.json" { _ = state.handle(.character(c)) }
    let effects = state.handle(.enter)
    #expect(effects == [.save, .readPreviousRound("memory/1.json")])
    #expect(state.previousRound == nil)
    state.didReadPreviousRound("memory/1.json", .read(Fixture.previousRound()))
    #expect(state.roundComparison != nil)
  }
}

/// The real environment reads a previous round without touching it.
@Suite struct FileEnvironmentPreviousRoundTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-previous-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func environment() -> FileEnvironment {
    FileEnvironment(
      pack: pack, store: SessionStore(folder: folder.appendingPathComponent("sessions")),
      now: { Date(timeIntervalSince1970: 1_746_100_000) }, workingDirectory: folder.path, home: folder.path)
  }

  func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

  @Test func readingAPreviousRoundLeavesItsBytesAndTimeAndTakesNoLock() throws {
    let url = folder.appendingPathComponent("forrige-runde.igloo.json")
    try Fixture.previousRound().encoded().write(to: url)
    let old = Date(timeIntervalSince1970: 1_700_000_000)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
    let bytes = try Data(contentsOf: url)

    let env = environment()
    let handle = try env.create(Fixture.currentRound())
    let filesBefore = try listing()
    let runner = WizardRunner(pack: pack, session: Fixture.currentRound(), handle: handle, environment: env, language: .en)
    let size = Size(width: 80, height: 24)
    runner.send(.tab, size: size)
    for key in "forrige-runde.igloo.json".map(Key.character) { runner.send(key, size: size) }
    runner.send(.enter, size: size)
    #expect(runner.state.roundComparison != nil)
    #expect(runner.render(size: size).text.contains("Changes since the previous round (2024-05-01)"))
    runner.send(.up, size: size)
    runner.send(.control("q"), size: size)

    #expect(try Data(contentsOf: url) == bytes)
    let mtime = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    #expect(mtime == old)
    #expect(!FileManager.default.fileExists(atPath: SessionLock.lockURL(for: url).path))
    #expect(SessionLock.currentHolder(of: url) == nil)
    #expect(try listing() == filesBefore)
    env.close(handle)
  }

  @Test func aBadPreviousRoundIsTheStoresOneLineError() throws {
    let url = folder.appendingPathComponent("noter.json")
    try Data("not a session".utf8).write(to: url)
    let env = environment()
    #expect {
      _ = try env.readPreviousRound("noter.json")
    } throws: { error in
      let text = String(describing: error)
      return text.contains(url.path) && !text.contains("\n")
    }
    #expect(try Data(contentsOf: url) == Data("not a session".utf8))
    #expect(throws: StoreError.self) { try env.readPreviousRound("findes-ikke.json") }
  }
}
