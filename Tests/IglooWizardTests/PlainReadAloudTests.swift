import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// Line mode read aloud (issue 15, point 2): every step says "Trin n af N", nothing moves the
/// cursor or redraws, saved sessions come first, and `q` ends with the exact command to resume.
@Suite struct PlainReadAloudTests {
  typealias Script = PlainWizardTests.Script

  @Test(arguments: Language.allCases)
  func everyStepSaysWhereItIsAndNothingRedraws(_ language: Language) {
    let script = Script(PlainWizardTests.goldenScript(language))
    #expect(script.run(language: language).code == 0)
    let t = Localizer(pack: pack, language: language)
    for step in [Step.about, .scope, .questions, .absence, .review, .profile, .plan, .followUp, .export] {
      let line = t("plain.step", ["n": String(step.number), "total": "9", "title": t(step.titleKey)])
      #expect(script.transcript.contains("\n" + line + "\n"), "\(line)")
    }
    // Linear text only: no escape sequences, carriage returns, backspaces or bells.
    for scalar in script.transcript.unicodeScalars where scalar.value < 0x20 {
      #expect(scalar == "\n", "control character \(scalar.value) in the transcript")
    }
  }

  @Test func savedSessionsAreOfferedFirstAndBadInputIsExplained() throws {
    let saved = PlainWizardTests.answeredSession()
    let script = Script(["7", "1", "q"], sessions: [saved])
    #expect(script.run().code == 0)
    #expect(script.transcript.contains("Gemte vurderinger"))
    #expect(script.transcript.contains("  0. Ny vurdering"))
    #expect(script.transcript.contains("  1. Lageret i Ølstykke, 2025-04-02"))
    #expect(script.transcript.contains("»7« er ikke et tal fra 0 til 1"))
    #expect(script.transcript.contains("Fortsætter Lageret i Ølstykke") || script.transcript.contains("Lageret i Ølstykke"))
    #expect(!script.transcript.contains("Arbejdsplads"), "the saved session was opened, no new About asked")
    #expect(script.environment.sessions.count == 1)
  }

  @Test func enterOnTheSavedSessionsStartsANewOne() {
    let script = Script(["", "Nyt sted"], sessions: [PlainWizardTests.answeredSession()])
    script.run()
    #expect(script.transcript.contains("Arbejdsplads (Enter springer over): Nyt sted"))
    #expect(script.environment.sessions.count == 2)
  }

  @Test(arguments: Language.allCases)
  func quittingSaysTheExactCommandToResume(_ language: Language) throws {
    let script = Script(["Smedjen", "", "", "", "", "", "", "1", "q"])
    #expect(script.run(language: language).code == 0)
    let id = try #require(script.environment.order.first)
    #expect(script.transcript.hasSuffix("igloo resume \(id) --plain --lang \(language.rawValue)\n"))
  }

  @Test func theResumeCommandQuotesAPathThatNeedsIt() {
    #expect(PlainWizard.resumeCommand(SessionHandle("/home/å/vurdering 1.json"), language: .da)
      == "igloo resume '/home/å/vurdering 1.json' --plain --lang da")
    #expect(PlainWizard.resumeCommand(SessionHandle("/tmp/it's.json"), language: .en)
      == #"igloo resume '/tmp/it'\''s.json' --plain --lang en"#)
    #expect(PlainWizard.resumeCommand(SessionHandle("/tmp/a.json"), language: .en) == "igloo resume /tmp/a.json --plain --lang en")
    #expect(PlainWizard.resumeCommand(SessionHandle("/tmp/it'\u{301}s.json"), language: .en)
      == "igloo resume '/tmp/it'\\''\u{301}s.json' --plain --lang en", "a quote with a combining mark is a quote to the shell")
  }
}

/// Several voices in line mode: `v` answers as the next voice and then as the agreed answer.
@Suite struct PlainVoiceTests {
  @Test func vSwitchesVoiceAndThenToTheAgreedAnswer() throws {
    var session = Fixture.committee()
    session.cursor = "questions"
    let script = PlainWizardTests.Script(["", "v", "4", "v", "2", "q"], sessions: [session])
    #expect(script.run(resume: true).code == 0)
    #expect(script.transcript.contains("v skifter"))
    #expect(script.transcript.contains("Du svarer nu som Medarbejdere") || script.transcript.contains("Medarbejdere"))
    let saved = try #require(script.saved)
    let changed = PlainWizardTests.asked(saved).filter { saved.answer($0.id, voice: "employees") != session.answer($0.id, voice: "employees") }
    #expect(changed.count == 1)
    #expect(changed.first.map { saved.answer($0.id, voice: "employees")?.point } == 4)
    let agreed = PlainWizardTests.asked(saved).filter { saved.agreed[$0.id] != session.agreed[$0.id] }
    #expect(agreed.count == 1)
    #expect(agreed.first.map { saved.agreed[$0.id]?.point } == 2)
  }
}

/// The follow-up in line mode: the next review's date with the flow's validation, and the
/// previous round read (never written) and compared level by level.
@Suite struct PlainFollowUpTests {
  @Test func theFollowUpAsksTheDateAndComparesThePreviousRound() throws {
    var session = PlainWizardTests.answeredSession()
    session.cursor = "plan"
    let previous = PlainWizardTests.answeredSession(workplace: "Lageret, runde 1")
    // Scope kept, review none; one action accepted (who, when); the follow-up: a wrong date, a
    // right one, the previous round; Markdown, the export skipped.
    let lines = ["", "a 1", "Bo", "1.9.2027", "", "om tre år", "1.5.2028", "memory/2.json", "", "-"]
    let script = PlainWizardTests.Script(lines, sessions: [session, previous])
    #expect(script.run(resume: true).code == 0)
    let out = script.transcript
    #expect(out.contains("Trin 8 af 9: Opfølgning"))
    #expect(out.contains("»om tre år« er ikke en dato"))
    #expect(out.contains("Udviklingen siden forrige runde (2025-04-02)"))
    let saved = try #require(script.environment.sessions[script.environment.order[0]])
    #expect(saved.followUp.nextReview == "2028-05-01")
    #expect(saved.followUp.previousRound == "memory/2.json")
    #expect(script.environment.sessions[script.environment.order[1]] == previous, "the previous round is never written")
  }
}
