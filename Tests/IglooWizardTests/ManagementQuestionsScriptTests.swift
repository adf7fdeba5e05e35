import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Issue 30: the questions to management are recorded and edited on the Plan step (`m`), and the
/// Export step offers the letter and the agenda.
@Suite struct ManagementQuestionsScriptTests {
  func onPlan() -> Harness {
    var s = Fixture.committee()
    s.cursor = "plan"
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    #expect(h.state.step == .plan)
    return h
  }

  @Test func aQuestionIsRecordedAndEditedFieldByField() throws {
    let h = onPlan()
    let entries = h.state.managementQuestionEntries
    #expect(!entries.isEmpty, "the committee has \"ved ikke\" answers")
    h.press(.character("m"))
    #expect(h.state.managementQuestionsShown)
    let t = h.state.localizer
    #expect(h.text.contains(t("wizard.mq.summary", ["n": String(entries.count), "open": String(entries.count)])))
    h.press(.down)
    let chosen = entries[1].question.id
    h.press(.enter)
    #expect(h.state.managementQuestionEditing == chosen)
    h.type("15-06-2025")  // typed the Danish way, stored as ISO
    h.press(.tab)
    h.type("Åse Jørgensen")
    h.press(.tab)
    h.press(.right)  // open → answered
    h.press(.tab)
    h.type("Data gemmes i 30 dage")
    h.press(.tab)
    h.type("2025-06-10")
    h.press(.escape)
    #expect(h.state.managementQuestionEditing == nil)
    let record = try #require(h.session.questions.first { $0.id == chosen })
    #expect(record.due == "2025-06-15")
    #expect(record.askedBy == "Åse Jørgensen")
    #expect(record.status == .answered)
    #expect(record.answer == QuestionAnswer(gist: "Data gemmes i 30 dage", date: "2025-06-10"))
    #expect(h.text.contains(t("report.mq.status.answered")))
    // Edited again: withdrawn, the answer kept.
    h.press(.enter)
    h.press(.tab, .tab, .right)
    h.press(.escape)
    #expect(h.session.questions.first { $0.id == chosen }?.status == .withdrawn)
    #expect(h.session.questions.first { $0.id == chosen }?.answer?.gist == "Data gemmes i 30 dage")
    // Esc leaves the list for the plan.
    h.press(.escape)
    #expect(!h.state.managementQuestionsShown)
    #expect(h.state.step == .plan)
  }

  @Test func aDateThatIsNotADateIsRefused() throws {
    let h = onPlan()
    h.press(.character("m"), .enter)
    h.type("næste uge")
    h.press(.tab)
    #expect(h.session.questions.allSatisfy { $0.due.isEmpty })
    #expect(h.state.message?.style == .error)
  }

  @Test func theExportStepOffersTheLetterAndTheAgenda() throws {
    let h = onPlan()
    h.go(to: .export)
    #expect(Flow.fields(.export, in: h.state) == [.exportFormat, .exportPart, .exportPath, .exportButton])
    #expect(Flow.choices(.exportPart, in: pack) == ["all", "summary", "questions", "agenda"])
    let before = h.state.exportPath
    h.press(.tab)  // the part
    h.press(.right, .right)  // all → summary → questions
    #expect(h.state.exportPart == .questions)
    #expect(h.state.exportPath != before && h.state.exportPath.hasSuffix("-spoergsmaal.docx"), "\(h.state.exportPath)")
    h.press(.right)
    #expect(h.state.exportPart == .agenda)
    #expect(h.state.exportPath.hasSuffix("-dagsorden.docx") && !h.state.exportPath.contains("spoergsmaal"))
    h.press(.tab, .tab, .enter)  // path, then the button
    #expect(h.environment.exportParts.last == .agenda)
  }
}
