import Foundation
import IglooContent
import IglooEngine
import IglooStore
import IglooTestSupport
import Testing

@testable import IglooWizard

/// Workshop groups in the wizard: the case's story first, the group's name before anything is
/// created, the story one key away during the work, and names that keep the groups' files apart.
@Suite struct WorkshopScriptTests {
  static let caseID = "call-centre"
  static var trainingCase: TrainingCase { pack.trainingCase(caseID)! }

  /// A fresh wizard with the call-centre case selected on the start screen.
  func onCase(_ h: Harness) {
    let i = h.state.startEntries.firstIndex(of: .trainingCase(Self.caseID))!
    for _ in 0..<i { h.press(.down) }
  }

  @Test func openingACaseShowsTheStoryAndAsksForTheGroupBeforeCreatingAnything() {
    let h = Harness()
    onCase(h)
    h.press(.enter)
    #expect(h.state.overlay == .trainingCase(id: Self.caseID, scroll: 0, naming: true))
    #expect(h.environment.order.isEmpty)
    let t = h.state.localizer
    #expect(h.text.contains(t("wizard.case.group-label")))
    #expect(h.text.contains("Dette er en opdigtet træningscase."))
    // Enter without a name creates nothing and says why.
    h.press(.enter)
    #expect(h.environment.order.isEmpty)
    #expect(h.state.message?.key == "wizard.case.group-required")
    h.type("Bord 3")
    h.press(.enter)
    #expect(h.environment.order.count == 1)
    #expect(h.session.about.group == "Bord 3")
    #expect(h.session.about.trainingCase == Self.caseID)
    #expect(h.session.about.workplace == "Kundeservice Nord")
    #expect(h.state.step == .about)
    #expect(h.state.overlay == nil)
    // The header names the group; the About form shows it as its first field.
    let header = h.screen().text.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.contains("Gruppe: Bord 3"))
    #expect(Flow.fields(.about, in: h.state).first == .group)
  }

  @Test func escapeGoesBackToTheStartScreenWithoutASession() {
    let h = Harness()
    onCase(h)
    h.press(.enter)
    h.type("Bord 1")
    h.press(.escape)
    #expect(h.state.overlay == nil)
    #expect(h.state.editor == nil)
    #expect(h.state.session == nil)
    #expect(h.environment.order.isEmpty)
  }

  @Test func theWholeStoryAndEveryQuestionCanBeScrolledIntoViewAt80x24() {
    let h = Harness()
    onCase(h)
    h.press(.enter)
    var seen = h.text
    for _ in 0..<40 {
      h.press(.down)
      seen += h.text
    }
    // The last word of the story and of each question, and the sections, appear on some screen.
    for text in [Self.trainingCase.story.da] + Self.trainingCase.questions.map(\.da) {
      let tail = String(text.split(separator: " ").last ?? "")
      #expect(seen.contains(tail), "never shown: \(tail)")
    }
    #expect(seen.contains("Bygger på rapportens afsnit: Kapitel 2 › Maskinlæring › Individ"))
  }

  @Test func theStoryIsOneKeyAwayDuringTheWork() {
    var session = Session(trainingCase: Self.trainingCase, pack: pack, date: "2025-05-01", group: "Bord 2")
    session.cursor = "questions"
    let h = Harness(sessions: [session])
    h.press(.down, .enter)
    #expect(h.state.step == .questions)
    h.press(.character("c"))
    #expect(h.state.overlay == .trainingCase(id: Self.caseID, scroll: 0, naming: false))
    #expect(h.text.contains("Dette er en opdigtet træningscase."))
    h.press(.escape)
    #expect(h.state.overlay == nil)
    // F4 works even in a text field, where c is a letter to type.
    h.go(to: .about)
    #expect(h.state.editor != nil)
    h.press(.function(4))
    #expect(h.state.overlay == .trainingCase(id: Self.caseID, scroll: 0, naming: false))
    h.press(.function(4))
    #expect(h.state.overlay == nil)
  }

  @Test func theFooterAndHelpNameTheKeyThatShowsTheCase() {
    var session = Session(trainingCase: Self.trainingCase, pack: pack, date: "2025-05-01", group: "Bord 2")
    session.cursor = "questions"
    let h = Harness(sessions: [session])
    h.press(.down, .enter)
    #expect(KeyBindings.keys(for: .showCase, in: h.state.contexts).contains(.character("c")))
    h.press(.function(1))
    // The help scrolls: the key may be further down than the first page.
    var seen = h.text
    for _ in 0..<5 { h.press(.pageDown); seen += h.text }
    #expect(seen.contains(h.state.localizer("wizard.action.show-case")))
    #expect(h.state.overlay != nil, "PgDn scrolls the help and does not close it")
  }

  @Test func anOrdinaryAssessmentHasNoCaseToShow() {
    let h = Harness()
    h.startNew()
    h.press(.function(4))
    #expect(h.state.overlay == nil)
    #expect(h.state.message?.key == "wizard.case.none")
    #expect(!Flow.fields(.about, in: h.state).contains(.group))
  }

  @Test func theResumeListTellsTwoGroupsOnOneCaseApart() {
    let a = Session(trainingCase: Self.trainingCase, pack: pack, date: "2025-05-01", group: "Bord 1")
    let b = Session(trainingCase: Self.trainingCase, pack: pack, date: "2025-05-01", group: "Bord 2")
    let h = Harness(sessions: [a, b])
    let lines = h.text.split(separator: "\n").filter { $0.contains("Kundeservice Nord (gruppe:") }
    #expect(lines.count == 2)
    #expect(Set(lines).count == 2)
  }

  @Test func twoGroupsOnOneCaseNeverShareAFileOrADefaultExportName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("igloo-groups-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let env = FileEnvironment(
      pack: pack, store: SessionStore(folder: folder), now: { Date(timeIntervalSince1970: 1_746_100_000) },
      workingDirectory: folder.path, home: folder.path)
    let a = Session(trainingCase: Self.trainingCase, pack: pack, date: "2025-05-01", group: "Bord 1")
    let b = Session(trainingCase: Self.trainingCase, pack: pack, date: "2025-05-01", group: "Bord 2")
    let ha = try env.create(a), hb = try env.create(b)
    defer { env.close(ha); env.close(hb) }
    #expect(ha.id.contains("kundeservice-nord-bord-1"))
    #expect(hb.id.contains("kundeservice-nord-bord-2"))
    for format in ExportFormat.allCases {
      let pa = env.suggestedExportPath(for: a, format: format), pb = env.suggestedExportPath(for: b, format: format)
      #expect(pa != pb)
      #expect(pa.contains("bord-1") && pb.contains("bord-2"))
    }
    #expect(Set(env.listSessions().map(\.group)) == ["Bord 1", "Bord 2"])
  }

  @Test func lineModeShowsTheStoryAsksForTheGroupAndShowsTheStoryAgainOnC() {
    let script = LineModeTests.Script(["", "Bord 4", "gå 3", "c", "", "q"])
    let code = script.run(trainingCase: Self.caseID, width: 100_000)
    #expect(code == 0)
    let saved = script.saved
    #expect(saved?.about.group == "Bord 4")
    #expect(saved?.about.trainingCase == Self.caseID)
    let t = Localizer(pack: pack, language: .da)
    let story = PlainView.forTheEar(Self.trainingCase.story.da, .da)
    #expect(script.transcript.components(separatedBy: story).count - 1 == 2, "the story once at the start, once on c")
    #expect(script.transcript.contains(t("wizard.case.group-required")))
    for q in Self.trainingCase.questions { #expect(script.transcript.contains(PlainView.forTheEar(q.da, .da))) }
  }
}
