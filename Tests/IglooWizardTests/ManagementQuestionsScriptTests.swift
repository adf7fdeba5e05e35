import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Issue 30: the questions to management are recorded and edited on the Plan step (`m`), and the
/// Export step offers the letter and the agenda.
@Suite struct ManagementQuestionsScriptTests {
  /// The committee's session, resumed on the Plan step (as the plan's own scripts start).
  func onPlan() -> Harness { PlanExportScriptTests().onPlan() }

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
    #expect(Flow.fields(.export, in: h.state) == [.exportFormat, .exportPath, .exportPart, .exportButton])
    #expect(Flow.choices(.exportPart, in: pack) == ["all", "summary", "questions", "agenda"])
    let before = h.state.exportPath
    h.press(.tab, .tab)  // the path, then the part
    h.press(.right, .right)  // all → summary → questions
    #expect(h.state.exportPart == .questions)
    #expect(h.state.exportPath != before && h.state.exportPath.hasSuffix("-spoergsmaal.docx"), "\(h.state.exportPath)")
    h.press(.right)
    #expect(h.state.exportPart == .agenda)
    #expect(h.state.exportPath.hasSuffix("-dagsorden.docx") && !h.state.exportPath.contains("spoergsmaal"))
    h.press(.tab, .enter)  // the button
    #expect(h.environment.exportParts.last == .agenda)
  }
}

/// The Follow-up step: the previous round's questions to management, with how many are answered now.
@Suite struct ManagementQuestionsFollowUpTests {
  @Test(arguments: [Language.da, .en])
  func theFollowUpStepShowsThePreviousRoundsQuestionsAnswered(_ language: Language) throws {
    var previous = Fixture.committee()
    previous.about.date = "2024-05-01"
    previous.cursor = "follow-up"
    let asked = Assessment(session: previous, pack: pack).managementQuestions
    #expect(asked.count >= 3)
    var current = Fixture.committee()
    current.followUp.previousRound = "memory/1.json"
    current.cursor = "follow-up"
    for q in asked.prefix(2) {
      current.setQuestionRecord(QuestionRecord(id: q.question.id, status: .answered, answer: QuestionAnswer(gist: "Svar", date: "2025-03-01")))
    }
    let h = Harness(language: language, sessions: [previous, current], size: Size(width: 120, height: 50))
    h.press(.down, .enter)
    #expect(h.state.step == .followUp)
    let comparison = try #require(h.state.roundComparison)
    #expect(comparison.questions.filter { $0.record.status == .answered }.count == 2)
    let t = h.state.localizer
    let text = h.text
    #expect(text.contains(t("wizard.followup.compare.questions", ["answered": "2", "n": String(asked.count)])), "\(text)")
    #expect(text.contains(t("wizard.followup.compare.question", ["status": t("report.mq.status.answered"), "text": ""])))
  }
}

/// Line mode: `m` on the Plan step opens the list of questions to management (the Plan step's key),
/// `m N` question N in the flow's question editor, and after an export the format and the part
/// are asked again, so the letter can be written after the report.
@Suite struct PlainManagementQuestionsTests {
  @Test func lineModeRecordsAQuestionAndWritesTheLetterAfterTheReport() throws {
    let session = Fixture.committee()
    let first = try #require(Assessment(session: session, pack: pack).managementQuestions.first)
    let lines = [
      "1", "gå 7", "m", "m 1", "01-07-2025", "Åse", "2", "Leverandøren svarer nej", "20-06-2025", "",
      "gå 9", "", "", "", "", "", "", "3", "", "q",
    ]
    let script = LineModeTests.Script(lines, sessions: [session])
    script.run(width: 300)
    let saved = try #require(script.saved)
    #expect(saved.questions == [
      QuestionRecord(
        id: first.question.id, due: "2025-07-01", askedBy: "Åse", status: .answered,
        answer: QuestionAnswer(gist: "Leverandøren svarer nej", date: "2025-06-20"))
    ])
    let t = Localizer(pack: pack, language: .da)
    let out = script.transcript
    #expect(out.contains(t("plain.mq.how")), "the list was not said")
    #expect(out.contains(t(first.question.text)), "the question was not said as its editor opened")
    #expect(out.contains(t("plain.mq.saved", ["status": t("report.mq.status.answered")])))
    #expect(out.contains(t("plain.export.other-part")))
    #expect(script.environment.exportParts == [.all, .questions])
    #expect(script.environment.exports.last?.path.hasSuffix("-spoergsmaal.docx") == true)
  }

  @Test func aNumberBeyondTheListIsRefusedAndEnterGoesBackToThePlan() throws {
    let session = Fixture.committee()
    let count = Assessment(session: session, pack: pack).managementQuestions.count
    let script = LineModeTests.Script(["1", "gå 7", "m \(count + 1)", "m", "\(count + 1)", "", "q"], sessions: [session])
    script.run(width: 300)
    let out = script.transcript
    #expect(out.contains("m \(count + 1) forstås ikke her."), "\(out)")
    #expect(out.contains("\(count + 1) forstås ikke her."))
    #expect(script.runner?.state.managementQuestionsShown == false)
    #expect(script.saved?.questions.isEmpty ?? true)
  }
}

/// The approval records the session's fingerprint; a change to the plan afterwards is shown on the
/// Plan step, and closing the approval form again confirms the session as it now stands.
@Suite struct ApprovalFingerprintScriptTests {
  @Test func aChangeAfterApprovalIsShownUntilTheApprovalIsConfirmedAgain() throws {
    let h = PlanExportScriptTests().onPlan()
    let t = h.state.localizer
    h.press(.character("g"))
    h.press(.escape, .enter)  // close the form, then confirm the approval (issue 25)
    #expect(h.session.approvalState == .unchanged)
    #expect(!h.text.contains(t("wizard.plan.changed-since-approval")))
    h.press(.character("a"))  // accept the first suggestion: the plan the approval covered has changed
    #expect(h.session.approvalState == .changed)
    #expect(h.text.contains(t("wizard.plan.changed-since-approval")))
    h.press(.character("g"))
    h.press(.escape, .enter)
    #expect(h.session.approvalState == .unchanged)
    #expect(!h.text.contains(t("wizard.plan.changed-since-approval")))
  }
}
