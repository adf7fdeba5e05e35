import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// The wizard remembers the assessment, the footer's keys and the scope's question counts between
/// frames (issue 17); these tests prove that what it remembers is never stale: after an answer made
/// through the keys, every screen shows what a fresh ``Assessment`` of the session says.
@Suite struct MemoTests {
  /// A wizard resumed on `cursor` of the committee's session, at a size where no line is cut.
  func resumed(_ cursor: String) -> Harness {
    var s = Fixture.committee()
    s.cursor = cursor
    let h = Harness(sessions: [s], size: Size(width: 200, height: 60))
    h.press(.down, .enter)
    return h
  }

  /// The review's summary line, worded and counted from `entries`.
  func summary(_ state: WizardState, _ entries: [ReviewEntry]) -> String {
    let counts = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
    return state.localizer(
      "wizard.review.summary",
      [
        "unanswered": String(counts[.unanswered] ?? 0), "dontknow": String(counts[.dontKnow] ?? 0),
        "disagreements": String(counts[.disagreement] ?? 0),
      ])
  }

  @Test func anAnswerShowsAtOnceOnTheReviewAndTheProfileAfterBothWereDrawn() throws {
    let h = resumed("profile")
    #expect(h.state.step == .profile)
    let profileBefore = h.text  // draws the profile, so the assessment is remembered
    let progressBefore = h.session.progress(pack)
    h.go(to: .review)
    #expect(h.state.step == .review)
    let before = h.state.reviewEntries(try #require(h.state.assessment))
    #expect(h.text.contains(summary(h.state, before)))
    let first = try #require(before.first)
    #expect(first.kind == .unanswered)

    // Answer the first unanswered statement through the review, as a user would; it comes back.
    h.press(.enter)
    #expect(h.state.currentQuestion?.id == first.question)
    h.press(.character("3"))
    #expect(h.state.step == .review)
    #expect(h.session.answers.values.contains { $0[first.question] != nil })

    let fresh = Assessment(session: h.session, pack: pack)
    let after = h.state.reviewEntries(try #require(h.state.assessment))
    #expect(after == h.state.reviewEntries(fresh))
    #expect(!after.contains(first))
    #expect(after.count == before.count - 1)
    #expect(h.text.contains(summary(h.state, after)), "\(h.text)")

    // The profile counts the new answer and scores as a fresh assessment does.
    h.go(to: .profile)
    let progress = h.session.progress(pack)
    #expect(progress.answered == progressBefore.answered + 1)
    let answered = h.state.localizer(
      "wizard.profile.answered", ["answered": String(progress.answered), "total": String(progress.total)])
    let profile = h.text
    #expect(profile.contains(answered), "\(profile)")
    #expect(profile != profileBefore)
    #expect(try #require(h.state.assessment).findings == fresh.findings)
    #expect(try #require(h.state.assessment).levels == fresh.levels)

    // And it reads line for line as the profile of a wizard that never drew the session before,
    // footer included (the status line above it may differ: it says the answer was saved).
    var saved = h.session
    saved.cursor = "profile"
    let cold = Harness(sessions: [saved], size: h.size)
    cold.press(.down, .enter)
    #expect(cold.state.step == .profile)
    let warmLines = profile.split(separator: "\n", omittingEmptySubsequences: false)
    let coldLines = cold.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(warmLines.count == coldLines.count)
    #expect(warmLines.dropFirst(2).dropLast(2) == coldLines.dropFirst(2).dropLast(2))
    #expect(warmLines.last == coldLines.last)
  }

  @Test func copiesOfTheStateThatGoDifferentWaysEachSeeTheirOwnSession() throws {
    let h = resumed("review")
    var a = h.state
    let unanswered = try #require(a.assessment).unanswered  // remembered, and shared with the copy
    let id = try #require(unanswered.first)
    var b = a
    b.session!.setAnswer(Answer(.point(2)), question: id, voice: "management")
    #expect(try #require(b.assessment).unanswered == Assessment(session: b.session!, pack: pack).unanswered)
    #expect(!(try #require(b.assessment).unanswered.contains(id)))
    // The first copy, asked again after the second, still sees its own session.
    #expect(try #require(a.assessment).unanswered == unanswered)
    a.session!.setAnswer(Answer(.point(5)), question: id, voice: "employees")
    #expect(try #require(a.assessment).findings == Assessment(session: a.session!, pack: pack).findings)
    #expect(try #require(a.assessment).findings != (try #require(b.assessment)).findings)
  }

  @Test func theScopeScreenCountsAgainWhenTheScopeChanges() throws {
    let h = resumed("scope")
    #expect(h.state.step == .scope)
    _ = h.text
    // Toggle the selected use case: the scope changes, and with it what each depth would ask.
    h.press(.character(" "))
    let quick = h.session.questions(pack, at: .quick).count
    let full = h.session.questions(pack, at: .full).count
    let line = h.state.localizer(
      h.session.depth == .quick ? "wizard.scope.depth.quick" : "wizard.scope.depth.full",
      ["quick": String(quick), "full": String(full)])
    #expect(h.text.contains(line), "\(h.text)")
    #expect(h.state.depthCounts(h.session) == (quick, full))
    #expect(full != Fixture.committee().questions(pack, at: .full).count)
  }
}
