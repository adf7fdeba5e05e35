import IglooContent
import IglooEngine
import IglooStore
import Testing

@testable import IglooWizard

/// The wizard remembers the assessment, the footer's keys (for the last few binding stacks), the scope's question counts, the
/// questions of each level, wrapped text and the previous round's assessment between frames
/// and the review's list (issue 17); these tests prove that what it remembers is never stale: after an answer made
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
    // Answered by one voice, the statement is now the other voice's gap (issue 28).
    #expect(after.filter { $0.kind != .voiceGap }.count == before.filter { $0.kind != .voiceGap }.count - 1)
    #expect(after.contains { $0.kind == .voiceGap && $0.question == first.question })
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

  /// The keys pressed in `h` and `cold` alike: a fresh wizard that draws only once is the reference.
  func sameScreen(_ warm: Harness, _ keys: [Key], at size: Size, _ sessions: [Session]) {
    let cold = Harness(sessions: sessions, size: size)
    cold.press([.down, .enter] + keys)
    #expect(cold.state.step == warm.state.step)
    #expect(warm.screen(size) == cold.screen(size), "\(warm.screen(size).text)\n---\n\(cold.screen(size).text)")
  }

  @Test func theQuestionScreenWrapsAgainForAnotherQuestionWidthOrLanguage() throws {
    var s = Fixture.committee()
    s.cursor = "questions"
    let h = Harness(sessions: [s], size: Size(width: 200, height: 60))
    h.press(.down, .enter)
    #expect(h.state.step == .questions)
    var pressed: [Key] = []
    let first = try #require(h.state.currentQuestion)
    // Draw the question at three widths (boxed "why" and not), so each wrapping is remembered.
    for width in [200, 120, 80] { _ = h.screen(Size(width: width, height: 60)) }
    // Another statement, with other guidance: each width must show its own text, not the first's.
    func guidance(_ q: Question) -> String { "\(String(describing: q.why)) \(String(describing: q.measures.first?.finding))" }
    repeat {
      h.press(.right)
      pressed.append(.right)
    } while guidance(try #require(h.state.currentQuestion)) == guidance(first) && pressed.count < 30
    let second = try #require(h.state.currentQuestion)
    #expect(second.id != first.id)
    #expect(guidance(second) != guidance(first))
    for width in [200, 120, 80] { sameScreen(h, pressed, at: Size(width: width, height: 60), [s]) }
    // The other language: the same statements in other words.
    h.press(.function(2))
    pressed.append(.function(2))
    #expect(h.state.language == .en)
    for width in [200, 120, 80] { sameScreen(h, pressed, at: Size(width: width, height: 60), [s]) }
    // And back to the first statement, whose lines were remembered in Danish.
    let back = [Key](repeating: .left, count: pressed.count - 1) + [.function(2)]
    h.press(back)
    pressed += back
    #expect(h.state.currentQuestion?.id == first.id)
    for width in [200, 120, 80] { sameScreen(h, pressed, at: Size(width: width, height: 60), [s]) }
  }

  @Test func theWrapMemoAnswersAsTextWrapForEveryTextAndWidthAndStaysSmall() {
    let memo = WrapMemo()
    let a = "Ledelsen har beskrevet, hvad systemet må bruges til, og hvem der har ansvaret for det"
    let b = "Ledelsen har beskrevet, hvad systemet må bruges til, og hvem der har ansvaret for dem"
    #expect(memo.lines(a, 30) == Text.wrap(a, width: 30))
    #expect(memo.lines(b, 30) == Text.wrap(b, width: 30))
    #expect(memo.lines(b, 30) != memo.lines(a, 30))
    #expect(memo.lines(a, 20) == Text.wrap(a, width: 20))
    #expect(memo.lines(a, 20) != memo.lines(a, 30))
    #expect(memo.count == 3)
    // Far more texts than one frame shows: it forgets rather than grows, and still answers right.
    for n in 0..<(3 * WrapMemo.capacity) {
      let text = a + " \(n)"
      #expect(memo.lines(text, 25 + n % 7) == Text.wrap(text, width: 25 + n % 7))
      #expect(memo.count <= WrapMemo.capacity)
    }
    #expect(memo.lines(a, 30) == Text.wrap(a, width: 30))
  }

  @Test func eachLevelsQuestionsFollowTheScope() throws {
    let h = resumed("scope")
    func expected() -> [String: [String]] {
      let applicable = h.session.applicableQuestions(pack)
      return Dictionary(
        uniqueKeysWithValues: pack.levels.map { level in
          (level.id, applicable.filter { $0.kind == .finding && pack.level(of: $0) == level.id }.map(\.id))
        })
    }
    func remembered() -> [String: [String]] {
      Dictionary(uniqueKeysWithValues: pack.levels.map { ($0.id, h.state.questions(atLevel: $0.id).map(\.id)) })
    }
    let before = remembered()
    #expect(before == expected())
    #expect(h.state.absenceQuestions.map(\.id) == h.session.applicableQuestions(pack).filter { $0.kind == .absence }.map(\.id))
    // Toggle the selected use case: some level asks other questions now.
    h.press(.character(" "))
    #expect(remembered() == expected())
    #expect(remembered() != before)
    #expect(h.state.absenceQuestions.map(\.id) == h.session.applicableQuestions(pack).filter { $0.kind == .absence }.map(\.id))
  }

  @Test func thePreviousRoundIsAssessedAgainWhenItIsReadAgainChanged() throws {
    var state = WizardState(pack: pack, language: .da, today: "2025-05-01")
    state.didOpen(Fixture.currentRound(previousRound: "memory/1.json"), at: SessionHandle("memory/2.json"))
    let old = Fixture.previousRound()
    state.didReadPreviousRound("memory/1.json", .read(old))
    let first = try #require(state.roundComparison)
    #expect(first.old.findings == Assessment(session: old, pack: pack).findings)
    // The file changed on disk and was read again: other answers, so other figures then.
    var changed = old
    for (id, _) in changed.answers["management"] ?? [:] {
      changed.setAnswer(Answer(.point(5)), question: id, voice: "management")
    }
    var copy = state
    copy.didReadPreviousRound("memory/1.json", .read(changed))
    let second = try #require(copy.roundComparison)
    #expect(second.old.findings == Assessment(session: changed, pack: pack).findings)
    #expect(second.old.findings != first.old.findings)
    #expect(second.levelRisk == RoundComparison(old: Assessment(session: changed, pack: pack), new: Assessment(session: copy.session!, pack: pack)).levelRisk)
    // The first copy, which shares the memo, still compares with the round it read.
    #expect(try #require(state.roundComparison).old.findings == first.old.findings)
    // An answer in this round shows on the comparison's new side at once.
    let id = try #require(Assessment(session: copy.session!, pack: pack).unanswered.first)
    copy.session!.setAnswer(Answer(.point(5)), question: id, voice: "management")
    let third = try #require(copy.roundComparison)
    #expect(third.new.findings == Assessment(session: copy.session!, pack: pack).findings)
    #expect(third.new.findings != second.new.findings)
    #expect(third.old.findings == second.old.findings)
  }

  @Test func theUseCasesAQuestionConcernsFollowTheScopeTheQuestionAndTheLanguage() throws {
    var state = WizardState(pack: pack, language: .da, today: "2025-05-01")
    state.didOpen(Fixture.committee(), at: SessionHandle("memory/1.json"))
    /// What the state would say with nothing remembered.
    func fresh(_ state: WizardState, _ q: Question) -> [String] {
      let t = state.localizer
      return state.session!.scopeItems(concerning: q, pack).map { item in
        let note = item.note.trimmingCharacters(in: .whitespaces)
        let name = note.isEmpty ? (pack.useCase(item.useCase).map { t($0.name) } ?? item.useCase) : note
        return t("wizard.questions.use-case", ["name": name, "stage": t("wizard.stage.\(item.stage.rawValue)")])
      }
    }
    let questions = state.applicableQuestions(state.session!)
    // A question that concerns the named use case ("Journalnotater"), and one that concerns other ones.
    let named = try #require(questions.first { q in fresh(state, q).contains { $0.contains("Journalnotater") } })
    let other = try #require(questions.first { q in fresh(state, q) != fresh(state, named) && !fresh(state, q).isEmpty })
    #expect(state.concernedUseCases(named) == fresh(state, named))
    #expect(state.concernedUseCases(other) == fresh(state, other))
    #expect(state.concernedUseCases(named) == fresh(state, named))
    // The users rename the use case, and move it to another stage.
    let i = try #require(state.session!.scope!.firstIndex { $0.note == "Journalnotater" })
    state.session!.scope![i].note = "Notatrobotten"
    #expect(state.concernedUseCases(named).contains { $0.contains("Notatrobotten") })
    state.session!.scope![i].stage = .inUse
    #expect(state.concernedUseCases(named) == fresh(state, named))
    // The other language: the stage is said in English.
    let danish = state.concernedUseCases(named)
    state.language = .en
    #expect(state.concernedUseCases(named) == fresh(state, named))
    #expect(state.concernedUseCases(named) != danish)
  }

  @Test func theFooterFollowsTheFieldAsFocusMovesThroughAForm() throws {
    var s = Fixture.committee()
    s.cursor = "about"
    let size = Size(width: 120, height: 40)
    let h = Harness(sessions: [s], size: size)
    h.press(.down, .enter)
    #expect(h.state.step == .about)
    var pressed: [Key] = []
    var footers: Set<String> = []
    // Down through the fields and back up: text fields, choices and buttons have other keys, so
    // the footer changes, and each stack comes round again after it was remembered.
    for key in [Key](repeating: .down, count: 9) + [Key](repeating: .up, count: 9) {
      h.press(key)
      pressed.append(key)
      footers.insert(String(h.text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""))
      sameScreen(h, pressed, at: size, [s])
    }
    #expect(footers.count > 1)
  }

  @Test func theReviewListFollowsAnAnswerTheWidthAndTheLanguage() throws {
    var s = Fixture.committee()
    s.cursor = "review"
    let h = Harness(sessions: [s], size: Size(width: 200, height: 60))
    h.press(.down, .enter)
    #expect(h.state.step == .review)
    var pressed: [Key] = []
    let widths = [200, 120, 80]
    func drawAll() { for width in widths { _ = h.screen(Size(width: width, height: 60)) } }
    func compareAll() { for width in widths { sameScreen(h, pressed, at: Size(width: width, height: 60), [s]) } }
    drawAll()
    let before = h.text
    // Down the list (the selection moves on the remembered rows), then answer the selected entry.
    h.press(.down, .down)
    pressed += [.down, .down]
    compareAll()
    h.press(.enter, .character("3"))
    pressed += [.enter, .character("3")]
    #expect(h.state.step == .review)
    compareAll()
    #expect(h.text != before)
    drawAll()
    h.press(.function(2))
    pressed.append(.function(2))
    #expect(h.state.language == .en)
    compareAll()
  }
}
