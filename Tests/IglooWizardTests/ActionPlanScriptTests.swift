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
    #expect(h.state.planEditorFields[h.state.planEditorFocus] == .planDeadline)
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
    #expect(h.state.aboutFields[h.state.aboutFocus] == .date)
    h.press(.control("u"), .end, .control("u"))
    h.type("2/5 2025")
    h.press(.tab)
    #expect(h.session.about.date == "2025-05-02")
  }
}
