import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Key scripts on the action plan as an APV needs it: real dates, incomplete actions, measures
/// already in place, and the approval.
@Suite struct ActionPlanScriptTests {
  func onPlan(_ language: Language = .da) -> Harness {
    var s = Fixture.committee()
    s.cursor = "plan"
    let h = Harness(language: language, sessions: [s])
    h.press(.down, .enter)
    #expect(h.state.step == .plan)
    return h
  }

  /// Opens the first suggestion's editor with the focus on the deadline.
  func toDeadline(_ h: Harness) {
    h.press(.enter)
    h.press(.tab, .tab)
    #expect(Flow.fields(.planEditor, in: h.state)[h.state.planEditorFocus] == .planDeadline)
  }

  @Test(arguments: [("31-12-2027", "2027-12-31"), ("31.12.2027", "2027-12-31"), ("31/12 2027", "2027-12-31"), ("2027-12-31", "2027-12-31")])
  func aDeadlineTypedTheDanishWayIsStoredAsISO(typed: String, iso: String) throws {
    let h = onPlan()
    let first = try #require(h.state.assessment!.recommendations.first)
    toDeadline(h)
    h.type(typed)
    h.press(.tab)
    #expect(h.session.plan.first { $0.action == first.action.id }?.deadline == iso)
    #expect(h.environment.sessions[h.state.handle!.id]?.plan.first { $0.action == first.action.id }?.deadline == iso)
  }

  @Test(arguments: [Language.da, .en])
  func aDeadlineInWordsIsRefusedWithTheFieldAndAnExample(language: Language) throws {
    let h = onPlan(language)
    let first = try #require(h.state.assessment!.recommendations.first)
    toDeadline(h)
    h.type("næste uge")
    h.press(.tab)
    #expect(h.session.plan.first { $0.action == first.action.id }?.deadline == "")
    #expect(h.state.message?.key == "wizard.message.bad-date")
    let line = language == .da ? "Frist: »næste uge« er ikke en dato" : "Deadline: “næste uge” is not a date"
    #expect(h.screen(Size(width: 120, height: 40)).text.contains(line))
    #expect(h.screen(Size(width: 120, height: 40)).text.contains("31-12-2027"))
  }

  @Test func aPastDeadlineAndAnEarlyFollowUpAreWarnedAboutButKept() throws {
    let h = onPlan()  // today is 2025-05-01
    let first = try #require(h.state.assessment!.recommendations.first)
    toDeadline(h)
    h.type("1/4 2025")
    h.press(.tab)
    #expect(h.state.message?.key == "wizard.message.deadline-in-past")
    #expect(h.session.plan.first { $0.action == first.action.id }?.deadline == "2025-04-01")
    h.press(.backTab)
    h.press(.control("u"), .end, .control("u"))
    h.type("2025-09-30")
    h.press(.tab, .tab)  // how, follow-up
    h.type("01.06.2025")
    h.press(.tab)
    #expect(h.state.message?.key == "wizard.message.follow-up-before-deadline")
    #expect(h.session.plan.first { $0.action == first.action.id }?.followUp == "2025-06-01")
  }

  @Test func theAboutDateAndTheNextReviewAreReadTheSameWay() {
    var s = Fixture.committee()
    s.cursor = "follow-up"
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    h.press(.control("u"), .end, .control("u"))
    h.type("1.5.2027")
    h.press(.tab)
    #expect(h.session.followUp.nextReview == "2027-05-01")
    h.press(.backTab, .control("u"), .end, .control("u"))
    h.type("om et år")
    h.press(.tab)
    #expect(h.session.followUp.nextReview == "2027-05-01")
    #expect(h.state.message?.key == "wizard.message.bad-date")
    h.go(to: .about)
    for _ in 0..<4 { h.press(.tab) }
    #expect(Flow.fields(.about, in: h.state)[h.state.aboutFocus] == .date)
    h.press(.control("u"), .end, .control("u"))
    h.type("2/5 2025")
    h.press(.tab)
    #expect(h.session.about.date == "2025-05-02")
  }
}

/// Incomplete actions, measures already in place and the approval, key by key.
@Suite struct ActionPlanDecisionScriptTests {
  func onPlan(_ language: Language = .da, plan: Bool = false) -> Harness {
    var s = plan ? Fixture.committeeWithPlan() : Fixture.committee()
    s.cursor = "plan"
    let h = Harness(language: language, sessions: [s])
    h.press(.down, .enter)
    #expect(h.state.step == .plan)
    return h
  }

  @Test(arguments: [Language.da, .en])
  func acceptingWithoutWhoAndWhenWarnsAndMarksTheRow(language: Language) throws {
    let h = onPlan(language)
    let first = try #require(h.state.assessment!.recommendations.first)
    h.press(.character("a"))
    let item = try #require(h.session.plan.first { $0.action == first.action.id })
    #expect(item.missing == ["responsible", "deadline"])
    #expect(h.state.message?.key == "wizard.plan.status-set.incomplete")
    let text = h.screen(Size(width: 120, height: 40)).text
    #expect(text.contains(language == .da ? "Handlingen mangler ansvarlig, frist" : "The action lacks a responsible person, a deadline"))
    #expect(text.contains(language == .da ? "! Mangler ansvarlig, frist" : "! Lacks a responsible person, a deadline"))
    #expect(text.contains("! 1. "))
    // Filling both in clears the mark.
    h.press(.enter, .tab)
    h.type("Bjørn")
    h.press(.tab)
    h.type("31-12-2027")
    h.press(.escape)
    #expect(h.session.plan.first { $0.action == first.action.id }?.missing == [])
    #expect(!h.screen(Size(width: 120, height: 40)).text.contains("! 1. "))
  }

  @Test func leavingThePlanWithIncompleteActionsAsksOnceAndGoesOn() {
    let h = onPlan(plan: true)
    #expect(h.session.incompletePlanItems.count == 1)  // the own action in progress has no deadline
    h.press(.pageDown)
    #expect(h.state.overlay == .confirm(.leavePlanIncomplete(1)))
    #expect(h.state.step == .plan)
    h.press(.character("n"))
    #expect(h.state.step == .plan)
    h.press(.pageDown, .character("j"))
    #expect(h.state.step == .followUp)
    // With nothing incomplete, "next" goes straight on.
    let c = onPlan()
    c.press(.pageDown)
    #expect(c.state.overlay == nil)
    #expect(c.state.step == .followUp)
  }

  @Test func theReviewStepCountsTheIncompleteActions() {
    var s = Fixture.committeeWithPlan()
    s.cursor = "review"
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    #expect(h.text.contains("Vedtagne handlinger uden ansvarlig eller frist: 1"))
  }

  @Test func aSuggestionOrAnOwnMeasureIsRecordedAsAlreadyInPlace() throws {
    let h = onPlan()
    let second = try #require(h.state.assessment!.recommendations.dropFirst().first)
    h.press(.down, .character("f"))
    #expect(h.session.plan.first { $0.action == second.action.id }?.status == .inPlace)
    #expect(h.session.plan.first { $0.action == second.action.id }?.missing == [])
    #expect(h.text.contains("≡ 2."))
    // An own measure: added, then its status set to "already in place" in the editor.
    h.press(.character("+"))
    h.type("Fast sparring med TR")
    for _ in 0..<7 { h.press(.tab) }
    #expect(Flow.fields(.planEditor, in: h.state)[h.state.planEditorFocus] == .planStatus)
    while h.session.plan.last?.status != .inPlace { h.press(.right) }
    h.press(.escape)
    #expect(h.session.plan.last?.title == "Fast sparring med TR")
    #expect(h.session.plan.last?.status == .inPlace)
  }

  @Test func theApprovalIsPickedFromTheParticipantsEditedAndDated() throws {
    let h = onPlan()
    #expect(h.text.contains("Planen er endnu ikke godkendt"))
    h.press(.character("g"))
    #expect(h.state.approvalEditing)
    let approval = try #require(h.session.approval)
    #expect(approval.by.map(\.name) == ["Åse Jørgensen", "Bjørn Ølgaard", ""])
    #expect(approval.date == "2025-05-01")
    // Remove the unnamed union rep, type in someone else, and a date the Danish way.
    let fields = Flow.fields(.approval, in: h.state)
    h.press(.tab, .tab, .tab, .tab)
    #expect(fields[h.state.approvalFocus] == .approverName(2))
    h.press(.control("d"))
    #expect(h.session.approval?.by.count == 2)
    while Flow.fields(.approval, in: h.state)[h.state.approvalFocus] != .addApprover { h.press(.tab) }
    h.press(.enter)
    h.type("Karin Lund")
    h.press(.tab, .right, .tab, .tab)
    #expect(Flow.fields(.approval, in: h.state)[h.state.approvalFocus] == .approvalDate)
    h.press(.control("u"), .end, .control("u"))
    h.type("2.5.2025")
    h.press(.escape)
    #expect(!h.state.approvalEditing)
    #expect(h.state.overlay == .confirm(.recordApproval), "Esc asks before recording")
    #expect(h.environment.sessions[h.state.handle!.id]?.approval == nil, "nothing saved before the yes")
    h.press(.character("j"))
    let saved = try #require(h.environment.sessions[h.state.handle!.id]?.approval)
    #expect(saved.by.map(\.name) == ["Åse Jørgensen", "Bjørn Ølgaard", "Karin Lund"])
    #expect(saved.by[2].role == pack.info.roles[1].id)
    #expect(saved.date == "2025-05-02")
    #expect(h.screen(Size(width: 120, height: 40)).text.contains("Godkendt 2025-05-02 af Åse Jørgensen (Arbejdsmiljørepræsentant), Bjørn Ølgaard (Leder), Karin Lund"))
  }

  /// Issue 25, item 14: `g` then Esc recorded "Godkendt … af Mette (Arbejdsmiljørepræsentant)" in
  /// the session and every export: an approval nobody gave.
  @Test func openingTheApprovalFormRecordsNothingUntilConfirmed() throws {
    let h = onPlan()
    h.press(.character("g"))
    #expect(h.state.approvalEditing)
    #expect(h.environment.sessions[h.state.handle!.id]?.approval == nil, "opening the form saves no approval")
    h.press(.escape)
    #expect(h.state.overlay == .confirm(.recordApproval))
    h.press(.character("n"))
    #expect(h.session.approval == nil)
    #expect(h.environment.sessions[h.state.handle!.id]?.approval == nil)
    #expect(h.text.contains("Planen er endnu ikke godkendt"))
    // Quitting with the form open records nothing either.
    h.press(.character("g"))
    h.press(.control("q"))
    #expect(h.environment.sessions.values.allSatisfy { $0.approval == nil })
  }

  @Test func anApprovalWithNobodyInItIsDropped() {
    var s = Fixture.committee()
    s.about.participants = []
    s.cursor = "plan"
    let h = Harness(sessions: [s])
    h.press(.down, .enter, .character("g"))
    #expect(h.session.approval?.by == [])
    h.press(.escape)
    #expect(h.session.approval == nil)
  }
}

/// Setting an action to done offers to answer its findings' statements again, then shows the
/// figures before and after.
@Suite struct RescoreScriptTests {
  @Test(arguments: [Language.da, .en])
  func doneOffersToAnswerAgainAndShowsBeforeAndAfter(language: Language) throws {
    var s = Fixture.committee()
    s.cursor = "plan"
    let h = Harness(language: language, sessions: [s])
    h.press(.down, .enter)
    let entry = try #require(h.state.planEntries(h.state.assessment!).first { e in
      e.recommendation?.reasons.contains { if case .finding = $0 { true } else { false } } == true
    })
    let index = try #require(h.state.planEntries(h.state.assessment!).firstIndex { $0.action?.id == entry.action?.id })
    for _ in 0..<index { h.press(.down) }
    // suggested → accepted → rejected → in progress → done
    h.press(.character("s"), .character("s"), .character("s"))
    #expect(h.state.overlay == nil)
    h.press(.character("s"))
    let rescore = try #require(h.state.rescore)
    #expect(h.state.overlay == .confirm(.rescore(rescore.planIndex)))
    #expect(!rescore.questions.isEmpty)
    for q in rescore.questions {
      #expect(pack.question(q)!.measures.contains { m in
        rescore.before.contains { $0.id == m.finding } && (m.role == .mitigation || m.role == .realisation)
      })
    }
    #expect(h.text.contains(language == .da ? "Handlingen er gennemført" : "The action is done"))
    h.press(.character(language == .da ? "j" : "y"))
    #expect(h.state.step == .questions)
    #expect(h.state.currentQuestion?.id == rescore.questions.first)
    // Answer every one "strongly agree": the risk handled well, so the figure drops.
    for q in rescore.questions {
      #expect(h.state.currentQuestion?.id == q)
      h.press(.character("5"))
    }
    #expect(h.state.step == .plan)
    #expect(h.state.message?.key == "wizard.rescore.done")
    let text = h.screen(Size(width: 120, height: 40)).text
    let first = try #require(rescore.before.first)
    let title = h.state.localizer(pack.finding(first.id)!.shortTitle)
    let before = h.state.localizer.number(first.score ?? 0)
    let after = try #require(h.state.rescoreFigure(first))
    #expect(after < (first.score ?? 0))
    let line = language == .da ? "Før \(before) → nu \(h.state.localizer.number(after))" : "Before \(before) → now \(h.state.localizer.number(after))"
    #expect(text.contains(line), "\(title)")
  }

  @Test func noOfferWithoutFindingsOrWhenDeclined() {
    var s = Fixture.committee()
    s.cursor = "plan"
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    h.press(.character("s"), .character("s"), .character("s"), .character("s"))
    if h.state.rescore != nil {
      h.press(.character("n"))
      #expect(h.state.rescore == nil)
      #expect(h.state.step == .plan)
    }
    #expect(h.session.plan.first?.status == .done)
  }
}
