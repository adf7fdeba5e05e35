import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Key scripts on scope and the statements: picking use cases, answering with 1–5, d and n,
/// notes, going back and forth, voices, the agreed answer, the review's jumps.
@Suite struct QuestionScriptTests {
  func started(_ useCases: [String] = ["chat-assistant", "shift-planning"]) -> Harness {
    let h = Harness()
    h.startNew()
    h.type("Kærgården Ældrepleje")
    h.pick(useCases)
    return h
  }

  @Test func pickingUseCasesSetsTheScopeAndStagesCycle() {
    let h = started()
    #expect(Set(h.session.scope!.map(\.useCase)) == ["chat-assistant", "shift-planning"])
    #expect(h.session.scope!.allSatisfy { $0.stage == .inUse })
    // The cursor is on shift-planning: cycle its stage.
    // → follows the screen's own sentence: in use → pilot → planned → considered → in use.
    var seen: [Stage] = []
    for _ in 0..<4 {
      h.press(.right)
      seen.append(h.session.scope!.first { $0.useCase == "shift-planning" }!.stage)
    }
    #expect(seen == [.pilot, .planned, .considered, .inUse])
    h.press(.right)
    #expect(h.session.scope!.first { $0.useCase == "shift-planning" }?.stage == .pilot)
    h.press(.left)
    #expect(h.session.scope!.first { $0.useCase == "shift-planning" }?.stage == .inUse)
    // Its local name.
    h.press(.character("e"))
    h.type("Vagtplan-robotten")
    h.press(.enter)
    #expect(h.session.scope!.first { $0.useCase == "shift-planning" }?.note == "Vagtplan-robotten")
    // Space again takes it out.
    h.press(.character(" "))
    #expect(h.session.scope!.map(\.useCase) == ["chat-assistant"])
  }

  @Test func everyAnswerIsSavedAndMovesOn() {
    let h = started()
    h.go(to: .questions)
    let before = h.environment.saveCount
    let list = h.state.currentQuestionList
    h.press(keys("1234"))
    h.press(.character("d"), .character("n"))
    #expect(h.environment.saveCount == before + 6)
    let voice = Voice.single.id
    let values = list.prefix(6).map { h.session.answer($0.id, voice: voice)?.value }
    #expect(values == [.point(1), .point(2), .point(3), .point(4), .dontKnow, .notRelevant])
    // What was saved is what is on screen.
    let saved = h.environment.sessions[h.state.handle!.id]!
    #expect(saved.answers == h.session.answers)
    #expect(h.state.questionID == list[6].id)
  }

  @Test func arrowsAndEnterChooseTheHighlightedAnswer() {
    let h = started()
    h.go(to: .questions)
    let q = h.state.currentQuestion!
    h.press(.down, .down, .down, .down, .down)  // to "don't know"
    h.press(.up)  // back to 5
    h.press(.enter)
    #expect(h.session.answer(q.id, voice: Voice.single.id)?.value == .point(5))
  }

  @Test func answersAreKeptWhenGoingBackAndForth() {
    let h = started()
    h.go(to: .questions)
    let list = h.state.currentQuestionList
    h.press(keys("513"))
    h.press(.left, .left, .left)
    #expect(h.state.currentQuestion?.id == list[0].id)
    #expect(h.state.highlight == 4)  // shows the answer given, 5
    #expect(h.text.contains("● 5"))
    h.press(.pageDown, .pageDown)  // to absence, then review
    h.press(.pageUp, .pageUp)
    #expect(h.state.step == .questions)
    #expect(h.state.currentQuestion?.id == list[0].id)
    let answers = list.prefix(3).map { h.session.answer($0.id, voice: Voice.single.id)?.point }
    #expect(answers == [5, 1, 3])
    // Backspace clears an answer.
    h.press(.backspace)
    #expect(h.session.answer(list[0].id, voice: Voice.single.id) == nil)
  }

  @Test func aNoteIsAddedToTheAnswerAndKeptOnTheScreen() {
    let h = started()
    h.go(to: .questions)
    let q = h.state.currentQuestion!
    h.press(.character("4"), .left)
    h.press(.tab)
    h.type("Vi tjekker altid svarene – især på nattevagt")
    let saves = h.environment.saveCount
    h.press(.enter)
    #expect(h.environment.saveCount == saves + 1)
    #expect(h.session.answer(q.id, voice: Voice.single.id) == Answer(.point(4), note: "Vi tjekker altid svarene – især på nattevagt"))
    #expect(h.text.contains("Vi tjekker altid svarene"))
  }

  @Test func aNoteTypedBeforeAnsweringJoinsTheAnswer() {
    let h = started()
    h.go(to: .questions)
    let q = h.state.currentQuestion!
    h.press(.character("e"))
    h.type("Usikkert")
    h.press(.enter)
    #expect(h.state.message?.key == "wizard.questions.note-pending")
    h.press(.character("2"))
    #expect(h.session.answer(q.id, voice: Voice.single.id) == Answer(.point(2), note: "Usikkert"))
  }

  @Test func escapeThrowsAwayANoteBeingTyped() {
    let h = started()
    h.go(to: .questions)
    let q = h.state.currentQuestion!
    h.press(.character("3"), .left, .tab)
    h.type("glemt")
    h.press(.escape)
    #expect(h.session.answer(q.id, voice: Voice.single.id)?.note == "")
    // Letters typed in a note never act as commands.
    h.press(.tab)
    h.type("dn12q")
    #expect(h.state.editor?.buffer.text == "dn12q")
    #expect(h.session.answer(q.id, voice: Voice.single.id)?.value == .point(3))
    #expect(!h.runner.isFinished)
  }

  @Test func levelsAreJumpedToWithThePicker() {
    let h = started()
    h.go(to: .questions)
    h.press(.character("g"))
    #expect(h.state.overlay == .levelPicker(selection: 0))
    h.press(.down, .down)
    h.press(.enter)
    #expect(h.state.questionLevel == pack.levels[2].id)
    #expect(h.state.currentQuestion.map { pack.level(of: $0) } == pack.levels[2].id)
  }

  @Test func finishingALevelMovesToTheNext() {
    let h = started()
    h.go(to: .questions)
    let first = h.state.questionLevel
    let count = h.state.currentQuestionList.count
    h.press(Array(repeating: Key.character("3"), count: count))
    #expect(h.state.questionLevel != first)
    #expect(h.state.message?.key == "wizard.questions.next-level")
  }

  @Test func voicesAnswerSeparatelyAndTheAgreedAnswerOverrides() {
    let h = started()
    // Two voices, named in About.
    h.go(to: .about)
    while Flow.fields(.about, in: h.state)[h.state.aboutFocus] != .voiceName(0) { h.press(.tab) }
    h.type("Ledelse")
    h.press(.tab, .enter)
    h.type("Medarbejdere")
    h.go(to: .questions)
    let q = h.state.currentQuestion!
    h.press(.character("5"), .left)
    h.press(.character("v"))
    #expect(h.state.voiceName == "Medarbejdere")
    #expect(h.text.contains("Stemme: Medarbejdere"))
    h.press(.character("1"), .left)
    #expect(h.text.contains("(uenige – tal om det)"))
    h.press(.character("v"))
    #expect(h.state.voice == .agreed)
    h.press(.character("3"))
    let ids = h.session.voices.map(\.id)
    #expect(h.session.answer(q.id, voice: ids[0])?.point == 5)
    #expect(h.session.answer(q.id, voice: ids[1])?.point == 1)
    #expect(h.session.agreed[q.id]?.point == 3)
    // The review lists the disagreement, resolved by the agreed answer.
    h.go(to: .review)
    let assessment = h.state.assessment!
    #expect(assessment.disagreements.first?.question == q.id)
    #expect(assessment.disagreements.first?.resolved == true)
  }

  @Test func theReviewJumpsToTheQuestion() {
    let h = started()
    h.go(to: .questions)
    h.press(.character("d"))
    h.go(to: .review)
    let entries = h.state.reviewEntries(h.state.assessment!)
    let dontKnow = entries.firstIndex { $0.kind == .dontKnow }!
    for _ in 0..<dontKnow { h.press(.down) }
    h.press(.enter)
    #expect(h.state.step == .questions)
    #expect(h.state.currentQuestion?.id == entries[dontKnow].question)
    #expect(h.text.contains("● d"))
  }

  @Test func sicknessAbsenceIsAskedOnItsOwnStep() {
    let h = started()
    h.go(to: .absence)
    let q = h.state.currentQuestion!
    #expect(q.kind == .absence)
    h.press(.character("2"))
    #expect(h.session.answer(q.id, voice: Voice.single.id)?.point == 2)
    #expect(h.text.contains("aldrig om enkeltpersoner"))
  }

  @Test func switchingLanguageMidWayLosesNothing() {
    let h = started()
    h.go(to: .questions)
    h.press(keys("42"))
    h.press(.tab)
    h.type("Halvfærdig note")
    let before = h.session
    let question = h.state.currentQuestion?.id
    h.press(.control("l"))
    #expect(h.state.language == .en)
    #expect(h.session == before)
    #expect(h.state.currentQuestion?.id == question)
    #expect(h.state.editor?.buffer.text == "Halvfærdig note")
    #expect(h.text.contains("Why we ask"))
    h.press(.function(2))
    #expect(h.state.language == .da)
    h.press(.enter)
    #expect(h.state.message == nil || h.state.message?.key != "wizard.message.edit-cancelled")
    // The text survives in the pending note (the question was not answered yet).
    #expect(h.state.note(for: question!) == "Halvfærdig note")
  }

  @Test func resumingOpensWhereTheSessionWasLeft() {
    let s = Fixture.committee()
    let h = Harness(sessions: [s])
    #expect(h.text.contains("Kærgården Ældrepleje"))
    h.press(.down, .enter)
    #expect(h.state.step == .questions)
    #expect(h.state.currentQuestion?.id == s.applicableQuestions(pack).first { $0.kind == .finding }?.id)
    #expect(h.session.answers == s.answers)
  }

  @Test func aTrainingCaseOpensWithItsScope() {
    let h = Harness()
    let index = h.state.startEntries.firstIndex(of: .trainingCase("home-care"))!
    for _ in 0..<index { h.press(.down) }
    h.press(.enter)
    // The story comes first, and the group's name: nothing is created until it is given.
    #expect(h.state.session == nil)
    h.type("Gruppe 1")
    h.press(.enter)
    #expect(h.session.about.workplace == "Hjemmeplejen Sydvest")
    #expect(h.session.about.group == "Gruppe 1")
    #expect(h.session.scope?.contains { $0.useCase == "route-planning" } == true)
    #expect(h.state.step == .about)
  }
}
