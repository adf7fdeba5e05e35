import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// The wizard's rough edges of issue 15, each as a key script: the help scrolls, numbers and
/// letters pick, the review is a worklist, cut-off text can be read in full, labels keep apart,
/// and no message claims something is missing when nothing is.
@Suite struct RoughEdgeTests {
  func committee(_ cursor: String, plan: Bool = false, size: Size = Size(width: 80, height: 24), language: Language = .da) -> Harness {
    var s = plan ? Fixture.committeeWithPlan() : Fixture.committee()
    s.cursor = cursor
    let h = Harness(language: language, sessions: [s], size: size)
    h.press(.down, .enter)
    return h
  }

  @Test func helpScrollsWithPageKeysAndClosesOnlyOnItsOwnKeys() {
    let h = committee("questions")
    let step = h.state.step
    h.press(.function(1))
    #expect(h.state.overlay == .help(scroll: 0))
    let first = h.text
    h.press(.pageDown)
    guard case .help(let scrolled)? = h.state.overlay else {
      Issue.record("PgDn closed the help")
      return
    }
    #expect(scrolled > 0)
    #expect(h.state.step == step, "PgDn in the help does not change step")
    #expect(h.text != first)
    h.press(.pageUp)
    #expect(h.state.overlay == .help(scroll: 0))
    h.press(.down, .down)
    #expect(h.state.overlay == .help(scroll: 2))
    h.press(.up)
    #expect(h.state.overlay == .help(scroll: 1))
    // Enter and q do not close it; Esc, ? and F1 do.
    h.press(.enter, .character("q"))
    #expect(h.state.overlay != nil)
    #expect(!h.state.finished)
    h.press(.escape)
    for key in [Key.escape, .character("?"), .function(1)] {
      h.press(.function(1))
      #expect(h.state.overlay != nil)
      h.press(key)
      #expect(h.state.overlay == nil, "\(key) closes the help")
    }
  }

  @Test func aNumberPicksAStepInTheStepMenu() {
    let h = committee("about")
    h.press(.function(3))
    #expect(h.text.contains("1–9"), "the footer names the number keys")
    h.press(.character("5"))
    #expect(h.state.step == .review)
    #expect(h.state.overlay == nil)
    h.press(.function(3), .character("2"))
    #expect(h.state.step == .scope)
  }

  @Test func levelsHaveDistinctLettersThatPickThem() {
    let letters = pack.levels.map(\.shortcut)
    #expect(Set(letters).count == letters.count, "one letter per level: \(letters)")
    #expect(pack.level("context")?.shortcut == "K")
    #expect(pack.level("context")?.letter == "O", "the model's own letter is kept")
    let h = committee("questions")
    h.press(.character("g"))
    #expect(h.text.contains(" K  Omkringliggende kontekst"), "the picker keeps the level's full name")
    h.press(.character("k"))
    #expect(h.state.overlay == nil)
    #expect(h.state.questionLevel == "context")
    h.press(.character("g"), .character("O"))
    #expect(h.state.questionLevel == "organisation")
    h.press(.character("g"), .character("i"))
    #expect(h.state.questionLevel == "individual")
  }

  @Test func theLevelBarNeverShowsTwoOs() {
    for language in Language.allCases {
      let h = committee("questions", language: language)
      for width in [60, 80, 100, 120, 200] {
        let bar = h.screen(Size(width: width, height: 24)).text.split(separator: "\n", omittingEmptySubsequences: false)[3]
        #expect(!bar.contains("O 22/22   O"), "\(width): \(bar)")
        let letters = bar.split(separator: " ").filter { $0.count == 1 && $0.first!.isLetter }
        #expect(Set(letters).count == letters.count, "\(width): \(bar)")
      }
    }
  }

  @Test func answeringAStatementOpenedFromTheReviewGoesBackToTheReview() throws {
    let h = committee("review")
    #expect(h.state.step == .review)
    let entries = h.state.reviewEntries(h.state.assessment!)
    let first = try #require(entries.first)
    h.press(.enter)
    #expect(h.state.currentQuestion?.id == first.question)
    h.press(.character("3"))
    #expect(h.state.step == .review, "back to the review, not on to the next statement")
    #expect(h.state.message?.key == "wizard.review.back")
    #expect(h.session.answer(first.question, voice: h.session.voices[0].id)?.point == 3)
    // Leaving the statement another way ends the errand: a later answer runs on as usual.
    h.press(.enter, .pageUp, .pageDown)
    #expect(!h.state.returnToReview)
  }

  @Test func theLastAbsenceStatementSaysNothingIsMissingWhenNothingIs() {
    var s = Fixture.committee()
    for q in s.applicableQuestions(pack) + pack.questions.filter({ $0.kind == .absence }) {
      for v in s.voices { s.setAnswer(Answer(.point(3)), question: q.id, voice: v.id) }
    }
    let last = pack.questions.last { $0.kind == .absence }!
    s.setAnswer(nil, question: last.id, voice: s.voices[0].id)
    s.cursor = "absence/" + last.id
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    #expect(h.state.currentQuestion?.id == last.id)
    h.press(.character("3"))
    #expect(h.state.step == .review)
    #expect(h.state.message?.key == "wizard.questions.absence-done.complete")
    #expect(!h.text.contains("Her er det, der mangler"))
  }

  /// Every screen that cuts text opens it in full with r (F5 in a form), named in the footer.
  @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
  func cutOffTextOpensInFullAndScrolls(size: Size) throws {
    // Questions: "why we ask", with the examples.
    var h = committee("questions", size: size)
    #expect(h.text.contains("r Hele teksten"), "the footer names the key")
    let q = try #require(h.state.currentQuestion)
    h.press(.character("r"))
    #expect(h.state.overlay == .fullText(scroll: 0))
    let why = h.state.fullText()!
    #expect(why.paragraphs.contains { $0.text == h.state.localizer(q.text) })
    // Scrolls: the page keys move it, and the last line can be reached.
    var seen = h.text
    let lines = FullTextOverlay.lines(why, width: FullTextOverlay.textWidth(size)).count
    if lines > FullTextOverlay.pageHeight(size) {
      h.press(.pageDown)
      guard case .fullText(let scroll)? = h.state.overlay else {
        Issue.record("PgDn closed the full text")
        return
      }
      #expect(scroll > 0)
      h.press(.end)
      seen += h.text
    }
    let lastLine = try #require(FullTextOverlay.lines(why, width: FullTextOverlay.textWidth(size)).last?.0)
    #expect(seen.contains(lastLine.trimmingCharacters(in: .whitespaces)))
    h.press(.escape)
    #expect(h.state.overlay == nil)
    #expect(h.state.step == .questions)

    // Scope: the intro in full.
    h = committee("scope", size: size)
    h.press(.character("r"))
    #expect(h.state.overlay == .fullText(scroll: 0))
    #expect(h.state.fullText()?.paragraphs.first?.text == h.state.localizer("wizard.scope.intro"))
    #expect(h.text.contains("Vælg den KI"))

    // Plan: the action's advice in full.
    h = committee("plan", plan: true, size: size)
    h.press(.character("r"))
    let plan = try #require(h.state.fullText())
    let action = try #require(h.state.planEntries(h.state.assessment!).first?.action)
    #expect(plan.paragraphs.contains { $0.text == h.state.localizer(action.how) })
    #expect(plan.title == h.state.localizer(action.title))

    // Review: the statement in full, with its level.
    h = committee("review", size: size)
    h.press(.character("r"))
    let review = try #require(h.state.fullText())
    let entry = h.state.reviewEntries(h.state.assessment!)[0]
    #expect(review.paragraphs.contains { $0.text == h.state.localizer(pack.question(entry.question)!.text) })

    // About, in a form: F5 (r is typed), with the participants' roles written out.
    h = committee("about", size: size)
    #expect(h.text.contains("F5 Hele teksten"))
    h.press(.function(5))
    #expect(h.text.contains("Åse Jørgensen – Arbejdsmiljørepræsentant"))
    h.press(.escape)

    // Profile: the strongest findings with whole titles.
    h = committee("profile", size: size)
    h.press(.character("r"))
    #expect(h.state.overlay == .fullText(scroll: 0))
    #expect(h.text.contains("Omkringliggende kontekst"))

    // The start screen on a training case: its story.
    h = Harness(size: size)
    h.press(.down)
    h.press(.character("r"))
    #expect(h.state.overlay == .fullText(scroll: 0))
    #expect(h.state.fullText()?.paragraphs.contains { $0.text == h.state.localizer(pack.cases[0].story) } == true)
    #expect(h.text.contains(pack.cases[0].title.da))
  }

  /// Labels and the text beside them keep at least one space apart (two in the review's list) at
  /// every width from 60 to 200.
  @Test(arguments: [60, 80, 120, 200])
  func labelsNeverRunIntoText(width: Int) {
    for language in Language.allCases {
      let size = Size(width: width, height: 30)
      let t = Localizer(pack: pack, language: language)
      let places = pack.levels.map { t($0.name) } + [t("wizard.step.absence.short")]
      let review = committee("review", size: size, language: language).screen(size).text
      for line in review.split(separator: "\n").map(String.init) {
        for place in places where line.hasPrefix("   " + place) || line.hasPrefix(" › " + place) || line.hasPrefix("   " + place) {
          let rest = line.dropFirst(3 + place.count)
          #expect(rest.hasPrefix("  "), "\(width) \(language): \(line)")
        }
      }
      // The profile's level names, the about form's labels.
      for (cursor, labels) in [
        ("profile", pack.levels.map { t($0.name) }),
        ("about", [t("wizard.about.workplace"), t("wizard.about.unit"), t("wizard.about.sector"), t("wizard.about.date")]),
      ] {
        let text = committee(cursor, size: size, language: language).screen(size).text
        for line in text.split(separator: "\n").map(String.init) {
          for label in labels {
            // A form row: three characters of margin (or the focus mark), then the label.
            guard line.hasPrefix("   " + label) || line.hasPrefix(" › " + label), let range = line.range(of: label) else { continue }
            let after = line[range.upperBound...]
            #expect(after.isEmpty || after.hasPrefix(" ") || after.hasPrefix("…"), "\(cursor) \(width) \(language): \(line)")
          }
        }
      }
    }
  }

  @Test func theStrongestFindingsFiguresStandInColumns() {
    for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
      let h = committee("profile", size: size)
      let lines = h.text.split(separator: "\n").map(String.init)
      guard let start = lines.firstIndex(where: { $0.contains("Stærkeste fund") }) else {
        Issue.record("no ranking")
        continue
      }
      let ranked = lines[(start + 1)...].prefix { $0.range(of: #"^ \d+\. "#, options: .regularExpression) != nil }
      #expect(ranked.count >= 2)
      // The band word (lav, moderat, høj) starts in the same column in every row.
      let columns = Set(ranked.compactMap { line -> Int? in
        guard let r = line.range(of: #"\d (lav|moderat|høj) *$"#, options: .regularExpression) else { return nil }
        return line.distance(from: line.startIndex, to: r.lowerBound) + 2
      })
      #expect(columns.count == 1, "\(size): \(ranked)")
    }
  }
}

/// The sickness-absence statements are claims about this workplace's groups that one can agree
/// or disagree with: no "may be affecting", always groups, never a named person (issue 15).
@Suite struct AbsenceStatementTests {
  @Test func theyAreAboutThisWorkplaceAtGroupLevel() {
    let absence = pack.questions.filter { $0.kind == .absence }
    #expect(absence.map(\.id) == [
      "q-absence-workload", "q-absence-autonomy", "q-absence-insecurity", "q-absence-social", "q-absence-physical",
      "q-absence-figures",
    ])
    for q in absence {
      #expect(q.text.da.contains("gruppe"), "\(q.id): \(q.text.da)")
      #expect(q.text.en.contains("group"), "\(q.id): \(q.text.en)")
      #expect(q.text.da.contains("hos os") || q.text.da.contains("vi "), "\(q.id) is about this workplace")
      #expect(q.text.en.contains("here") || q.text.en.contains("we "), "\(q.id) is about this workplace")
      #expect(!q.text.da.contains("kan være med til at påvirke"), "\(q.id) is a claim, not a possibility")
      #expect(!q.text.en.contains("may be affecting"), "\(q.id) is a claim, not a possibility")
      #expect(q.why?.da.contains("aldrig for enkeltpersoner") == true, "\(q.id) keeps the report's group rule")
    }
  }
}
