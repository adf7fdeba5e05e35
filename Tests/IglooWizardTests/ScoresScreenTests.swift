import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// Issue 12 on screen: a ban first on the Profile screen, unscored risks named there, a voice's
/// "don't know" in Review, and an agreed answer read as agreement.
@Suite struct ScoresScreenTests {
  /// The wizard resumed at `cursor` of `session`, on `pack`.
  func screen(_ session: Session, cursor: String, pack: ContentPack) -> (WizardRunner, String) {
    var s = session
    s.cursor = cursor
    let environment = MemoryEnvironment(pack: pack, date: "2025-05-01", sessions: [s])
    let runner = WizardRunner(pack: pack, environment: environment, language: .da)
    let size = Size(width: 100, height: 40)
    for key in [Key.down, .enter] { runner.send(key, size: size) }
    return (runner, runner.render(size: size).text)
  }

  @Test func theProfileScreenPutsABanFirstAndNamesTheUnscoredRisks() throws {
    let pack = TestPacks.realWithBan
    var s = Fixture.committee()
    let emotion = try #require(pack.useCases.first { $0.flags.contains("emotion-recognition") })
    s.scope = (s.scope ?? []) + [ScopeItem(useCase: emotion.id, stage: .considered)]
    let (runner, text) = screen(s, cursor: "profile", pack: pack)
    let assessment = try #require(runner.state.assessment)
    let lines = text.split(separator: "\n").map(String.init)
    let ban = try #require(lines.firstIndex { $0.contains("FORBUDT: ") })
    let answered = try #require(lines.firstIndex { $0.contains("udsagn besvaret") })
    #expect(ban < answered, "the ban comes before every figure:\n\(text)")
    let unscored = assessment.unscoredRisks
    #expect(!unscored.isEmpty)
    #expect(text.contains("Risici uden tal: \(unscored.count) –"), "\(text)")
  }

  @Test func aVoicesDontKnowIsListedInReviewAndAnAgreedAnswerReadsAsAgreement() throws {
    var s = Fixture.committee()
    let applicable = s.applicableQuestions(pack).filter { $0.kind == .finding }
    let q = applicable[0], d = applicable[1]
    s.setAnswer(Answer(.point(4)), question: q.id, voice: "management")
    s.setAnswer(Answer(.dontKnow), question: q.id, voice: "employees")
    s.setAnswer(Answer(.point(1)), question: d.id, voice: "management")
    s.setAnswer(Answer(.point(5)), question: d.id, voice: "employees")
    s.agreed[d.id] = Answer(.point(3))
    let (runner, _) = screen(s, cursor: "review", pack: pack)
    let assessment = try #require(runner.state.assessment)
    let entries = runner.state.reviewEntries(assessment)
    #expect(entries.contains(ReviewEntry(kind: .dontKnow, question: q.id)))
    #expect(!entries.contains(ReviewEntry(kind: .unanswered, question: q.id)))
    #expect(assessment.disagreements.first { $0.question == d.id }?.resolved == true)

    // On the question itself the spread now reads as agreed at the meeting.
    let (_, question) = screen(s, cursor: "questions/" + d.id, pack: pack)
    #expect(question.contains("(enige på mødet)"), "\(question)")
    #expect(!question.contains("(uenige – tal om det)"))
  }
}
