import IglooContent
import IglooEngine
import IglooStore
import Testing

@testable import IglooWizard

/// Key scripts on the action plan, follow-up and export.
@Suite struct PlanExportScriptTests {
  func onPlan() -> Harness {
    var s = Fixture.committee()
    s.cursor = "plan"
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    #expect(h.state.step == .plan)
    return h
  }

  @Test func suggestionsAreAcceptedRejectedAndTheirStatusCycles() throws {
    let h = onPlan()
    let assessment = h.state.assessment!
    let first = try #require(assessment.recommendations.first)
    let saves = h.environment.saveCount
    h.press(.character("a"))
    #expect(h.session.plan.first { $0.action == first.action.id }?.status == .accepted)
    h.press(.character("s"))
    #expect(h.session.plan.first { $0.action == first.action.id }?.status == .rejected)
    h.press(.character("x"))
    h.press(.down, .character("x"))
    #expect(h.session.plan.filter { $0.status == .rejected }.count == 2)
    #expect(h.environment.saveCount == saves + 4)
  }

  @Test func anActionIsEditedFieldByField() throws {
    let h = onPlan()
    let first = try #require(h.state.assessment!.recommendations.first)
    h.press(.enter)
    #expect(h.state.planEditorItem != nil)
    #expect(Flow.fields(.planEditor, in: h.state).first == .planTitle)
    h.press(.tab)  // responsible
    h.type("Bjørn Ølgaard")
    h.press(.tab)
    h.type("2025-09-01")
    h.press(.tab, .tab, .tab)  // how, follow-up, evaluation
    h.type("Ny runde i foråret")
    h.press(.tab)  // status: a choice
    h.press(.right)
    h.press(.escape)
    #expect(h.state.planEditorItem == nil)
    let item = try #require(h.session.plan.first { $0.action == first.action.id })
    #expect(item.responsible == "Bjørn Ølgaard")
    #expect(item.deadline == "2025-09-01")
    #expect(item.evaluation == "Ny runde i foråret")
    #expect(item.status == .accepted)
    #expect(h.environment.sessions[h.state.handle!.id]?.plan == h.session.plan)
  }

  @Test func ownActionsAreAddedAndDeletedAfterAsking() {
    let h = onPlan()
    h.press(.character("+"))
    h.type("Fast punkt om KI på personalemødet")
    h.press(.tab)
    h.press(.right)  // level
    h.press(.escape)
    let own = h.session.plan.filter { $0.action == nil }
    #expect(own.map(\.title) == ["Fast punkt om KI på personalemødet"])
    #expect(own.first?.level == pack.levels[(pack.levels.firstIndex { $0.id == "organisation" }! + 1) % pack.levels.count].id)
    #expect(h.text.contains("Fast punkt om KI"))
    // Delete asks first; "n" keeps it, "j" deletes it.
    h.press(.end, .delete)
    #expect(h.state.overlay == .confirm(.deleteAction(h.session.plan.count - 1)))
    h.press(.character("n"))
    #expect(h.session.plan.contains { $0.action == nil })
    h.press(.delete, .character("j"))
    #expect(!h.session.plan.contains { $0.action == nil })
  }

  @Test func suggestionsCannotBeDeleted() {
    let h = onPlan()
    h.press(.delete)
    #expect(h.state.overlay == nil)
    #expect(h.state.message?.key == "wizard.plan.cannot-delete")
  }

  @Test func theFollowUpWarnsBeyondThreeYears() {
    var s = Fixture.committee()
    s.cursor = "follow-up"
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    #expect(h.text.contains("mere end tre år"))
    h.press(.end)
    for _ in 0..<10 { h.press(.backspace) }
    h.type("2027-05-01")
    h.press(.tab)
    #expect(h.session.followUp.nextReview == "2027-05-01")
    #expect(!h.text.contains("mere end tre år"))
    #expect(h.text.contains("inden for tre år"))
  }

  @Test func anUnwritablePathShowsAClearMessageAndStaysOnExport() {
    let h = onPlan()
    h.go(to: .export)
    #expect(h.state.exportPath == "igloo-assessment.docx", "Word is offered first")
    h.press(.tab)  // to the path
    h.press(.control("u"), .end, .control("u"))
    h.type("/nonexistent/rapport.md")
    h.press(.enter)
    #expect(h.state.step == .export)
    guard case .failed(let path, let reason)? = h.state.exportResult else {
      Issue.record("no failure shown")
      return
    }
    #expect(path == "/nonexistent/rapport.md")
    #expect(reason.contains("/nonexistent"))
    #expect(h.text.contains("Filen blev ikke gemt"))
    #expect(Flow.fields(.export, in: h.state)[h.state.exportFocus] == .exportPath)
    #expect(h.environment.exports.isEmpty)
    // Another path, without leaving the screen.
    h.press(.control("u"))
    h.type("rapport.md")
    h.press(.enter)
    #expect(h.state.exportResult == .written("/work/rapport.md"))
    #expect(h.environment.exports.map(\.path) == ["/work/rapport.md"])
    #expect(h.text.contains("Filen er gemt: /work/rapport.md"))
  }

  /// Issue 8, Why 1: the Export step asks before replacing an existing file; no keeps it, yes
  /// replaces it.
  @Test func anExistingFileIsAskedAboutBeforeItIsReplaced() {
    let h = onPlan()
    h.environment.existingFiles = ["/work/rapport.md"]
    h.go(to: .export)
    h.press(.tab)
    h.press(.control("u"), .end, .control("u"))
    h.type("rapport.md")
    h.press(.enter)
    #expect(h.state.overlay == .confirm(.replaceExport(.markdown, path: "rapport.md", shown: "/work/rapport.md")))
    #expect(h.text.contains("/work/rapport.md findes allerede"))
    #expect(h.environment.exports.isEmpty, "nothing written before the answer")
    h.press(.character("n"))
    #expect(h.state.overlay == nil)
    #expect(h.environment.exports.isEmpty, "no keeps the file")
    h.press(.enter)
    h.press(.character("j"))
    #expect(h.environment.exports.map(\.path) == ["/work/rapport.md"])
    #expect(h.state.exportResult == .written("/work/rapport.md"))
  }

  @Test func changingTheFormatChangesTheExtension() {
    let h = onPlan()
    h.go(to: .export)
    #expect(h.state.exportFormat == .docx)
    h.press(.right)
    #expect(h.state.exportFormat == .markdown)
    #expect(h.state.exportPath == "igloo-assessment.md")
    h.press(.right, .enter)
    #expect(h.environment.exports.map(\.format) == [.json])
    #expect(h.environment.exports.first?.language == .da)
  }

  /// As in line mode, a file name's ending decides: `rapport.csv` typed while Word is chosen is
  /// the CSV, never a Word document under a CSV name.
  @Test func theFileNamesEndingDecidesTheFormat() {
    let h = onPlan()
    h.go(to: .export)
    #expect(h.state.exportFormat == .docx)
    h.press(.tab)
    h.press(.control("u"), .end, .control("u"))
    h.type("rapport.CSV")
    h.press(.enter)
    #expect(h.environment.exports.map(\.format) == [.csv])
    #expect(h.environment.exports.map(\.path) == ["/work/rapport.CSV"])
    #expect(h.state.exportFormat == .csv, "the screen shows what was written")
    h.press(.control("u"), .end, .control("u"))
    h.type("rapport")
    h.press(.enter)
    #expect(h.environment.exports.last?.format == .csv, "no ending: the chosen format")
    #expect(ExportFormat.named(by: "/a.b/rapport") == nil)
    #expect(ExportFormat.named(by: "/x/.docx") == nil, "a hidden file's name is no ending")
    #expect(ExportFormat.named(by: "plan.md") == .markdown)
    #expect(ExportFormat.named(by: "plan.txt") == nil)
  }

  /// A store error on the status line and in the quit question is said in the language of the
  /// moment: F2 changes it with the rest of the screen (it stayed in the language it was said in).
  @Test func aFailedSaveIsSaidInTheLanguageShown() {
    let h = Harness()
    h.startNew()
    h.environment.failSavesWith = StoreError(.write, path: "/work/s.json", kind: .system, problem: Phrase("store.problem.disk-full"))
    h.type("X")
    h.press(.tab)
    #expect(h.text.contains("Kunne ikke gemme: kan ikke skrive /work/s.json: disken er fuld"))
    h.press(.control("q"))
    #expect(h.text.contains("disken er fuld). Hvis du afslutter nu"), "the question, in Danish")
    h.press(.character("n"))
    h.press(.function(2))
    h.press(.control("q"))
    #expect(h.state.overlay == .confirm(.quitUnsaved))
    #expect(h.text.contains("the disk is full). If you quit now"), "the question, in English")
    #expect(h.text.contains("Could not save: cannot write /work/s.json: the disk is full"), "the status line, in English")
    #expect(!h.text.contains("disken"))
  }

  @Test func aFailedSaveShowsAndQuittingAsksFirst() {
    let h = Harness()
    h.startNew()
    h.environment.failSaves = "the disk is full"
    h.type("X")
    h.press(.tab)
    #expect(h.state.saveError != nil)
    #expect(h.text.contains("IKKE GEMT"))
    #expect(h.text.contains("the disk is full"))
    h.press(.control("q"))
    #expect(!h.runner.isFinished)
    #expect(h.state.overlay == .confirm(.quitUnsaved))
    h.press(.character("n"))
    #expect(!h.runner.isFinished)
    h.environment.failSaves = nil
    h.press(.control("q"))
    #expect(h.runner.isFinished)
  }
}
