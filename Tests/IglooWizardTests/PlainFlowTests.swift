import Foundation
import IglooContent
import IglooEngine
import IglooTestSupport
import Testing

@testable import IglooWizard

/// Line mode as a rendering of the one flow (issue 15): it walks the flow's steps in order, `b`
/// goes back between them, a resumed session's About can be edited, and a quick scan with two
/// voices, the review, the plan, the follow-up and a Word export reads as golden transcripts.
@Suite struct PlainFlowTests {
  typealias Script = PlainWizardTests.Script

  /// A quick scan of a care home's shift planning, answered by the first of two voices: About
  /// with two participants and two voices, the scope with the depth word, every screening
  /// statement (one "why"), one statement answered again from the review, the offer to deepen
  /// passed, the plan with one
  /// action accepted (who, when), one edited in every field and the plan's approval, the
  /// follow-up date, and a Word export to the suggested file.
  static func quickScanScript(_ language: Language) -> [String] {
    let da = language == .da
    var lines = [
      da ? "Plejecentret Solbakken" : "Solbakken care home", da ? "Aftenvagten" : "Evening shift", "5", "60", "",
      "Mette Holm", "1", "Karim Olsen", "2", "",
      da ? "Ledelse" : "Management", da ? "Medarbejdere" : "Employees", "",
      "\(PlainWizardTests.number("shift-planning")) \(da ? "hurtig" : "quick")",
      "?",
    ]
    for i in 0..<quickScanCount {
      // A "don't know" every fourth statement, so the review has something to offer.
      lines.append(i % 4 == 3 ? "d" : String(1 + (i * 3) % 5))
    }
    lines += ["1", "4", ""]
    // Enter at the profile's offer to deepen the quick scan: on to the plan.
    lines += [""]
    lines += ["a 1", "Mette Holm", "1.3.2026"]
    lines += [
      "e 2", "", "Karim Olsen", "1.6.2026", da ? "Vagtplanen gennemgås med MED-udvalget" : "The rota is reviewed with the works council",
      "1.9.2026", da ? "Spørg aftenvagten" : "Ask the evening shift", "4",
    ]
    lines += ["g", "Mette Holm, Karim Olsen", "1.2.2026", ""]
    lines += ["1.2.2027", ""]
    // Enter keeps Word, the format offered first; Enter again takes the suggested file.
    lines += ["", ""]
    return lines
  }

  /// How many statements the quick scan of shift planning asks.
  static var quickScanCount: Int {
    var session = Session(content: ContentRef(pack))
    session.scope = [ScopeItem(useCase: "shift-planning", stage: .inUse)]
    session.depth = .quick
    return PlainWizardTests.asked(session).count
  }

  @Test(arguments: Language.allCases)
  func quickScanGoldenTranscript(_ language: Language) throws {
    let script = Script(Self.quickScanScript(language))
    let (code, wizard) = script.run(language: language)
    #expect(code == 0)
    #expect(script.lines.isEmpty, "the script was used up exactly")
    let saved = try #require(script.saved)
    #expect(saved.depth == .quick)
    #expect(saved.about.participants == [Participant(name: "Mette Holm", role: "amr"), Participant(name: "Karim Olsen", role: "manager")])
    #expect(saved.voices.map(\.name) == (language == .da ? ["Ledelse", "Medarbejdere"] : ["Management", "Employees"]))
    #expect(saved.about.date == "2025-05-01")
    let accepted = try #require(saved.plan.first { $0.status == .accepted })
    #expect(accepted.responsible == "Mette Holm" && accepted.deadline == "2026-03-01")
    let edited = try #require(saved.plan.first { $0.status == .inProgress })
    #expect(edited.responsible == "Karim Olsen" && edited.deadline == "2026-06-01" && edited.followUp == "2026-09-01")
    #expect(!edited.how.isEmpty && !edited.evaluation.isEmpty)
    #expect(saved.approval?.date == "2026-02-01")
    #expect(saved.approval?.by.map(\.role) == ["amr", "manager"])
    #expect(saved.followUp.nextReview == "2027-02-01")
    #expect(script.environment.exports.map(\.format) == [.docx])
    // The steps in the flow's order, each said once: sickness absence too, with none asked in a quick scan.
    #expect(wizard.shownSteps == [.about, .scope, .questions, .absence, .review, .profile, .plan, .followUp, .export])
    for scalar in script.transcript.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7f {
      #expect(scalar == "\n", "control character \(scalar.value) in the transcript")
    }
    assertGolden(script.transcript, named: "quick-scan-\(language.rawValue).txt", in: snapshotFolder.appendingPathComponent("plain"))
  }

  // MARK: - b between steps

  @Test func bGoesBackFromTheScopeToAboutAndFromTheFirstStatementToTheScope() throws {
    let robots = PlainWizardTests.number("versatile-robots")
    let script = Script([
      "Værkstedet", "", "", "", "", "", "", "",
      // At the scope, b: About again, its first field changed, the rest kept; then the scope.
      "b", "Værkstedet i Vejle", "", "", "", "", "", "", "",
      "\(robots)",
      // At the first statement, b: the scope again, kept with Enter; then the first answer.
      "b", "", "4", "q",
    ])
    let (code, wizard) = script.run()
    #expect(code == 0)
    #expect(script.lines.isEmpty)
    let saved = try #require(script.saved)
    #expect(saved.about.workplace == "Værkstedet i Vejle")
    #expect(saved.scope?.map(\.useCase) == ["versatile-robots"])
    #expect(saved.answer(PlainWizardTests.asked(saved)[0].id, voice: Voice.single.id) == Answer(.point(4)))
    #expect(wizard.shownSteps == [.about, .scope, .about, .scope, .questions, .scope, .questions])
    #expect(script.environment.sessions.count == 1, "going back to About does not create a second session")
  }

  @Test func bGoesBackFromThePlanToTheProfileAndOnThroughFollowUpAndExport() throws {
    // The scope kept; at the plan, b (the profile again); Enter ends the plan; at the follow-up's
    // first field, b (the plan again); Enter; the follow-up; at the export's format, b (the
    // follow-up again, Enter keeping what was typed); Word; no file.
    let script = Script(["", "b", "", "b", "", "1.5.2028", "", "b", "", "", "4", "-"], sessions: [PlainWizardTests.answeredSession()])
    let (code, wizard) = script.run(resume: true)
    #expect(code == 0)
    #expect(script.lines.isEmpty)
    #expect(wizard.shownSteps == [
      .scope, .questions, .review, .profile, .plan, .profile, .plan, .followUp, .plan, .followUp, .export, .followUp, .export,
    ])
    #expect(script.saved?.followUp.nextReview == "2028-05-01", "Enter kept the date typed before going back")
    #expect(script.transcript.contains("Næste gennemgang [2028-05-01] (Enter beholder): "))
  }

  @Test func bTypedAgainAtOnceGoesBackPastTheStepsWithoutAPrompt() throws {
    // At the plan: b (the profile), b again at once (the review, with nothing to review, and the
    // profile), b again (the last statement), answered 1; then on, and q at the plan.
    let script = Script(["", "b", "b", "b", "1", "q"], sessions: [PlainWizardTests.answeredSession()])
    let (code, wizard) = script.run(resume: true)
    #expect(code == 0)
    #expect(script.lines.isEmpty)
    #expect(wizard.shownSteps == [
      .scope, .questions, .review, .profile, .plan, .profile, .plan, .review, .profile, .plan, .questions, .absence, .review,
      .profile, .plan,
    ])
    let asked = PlainWizardTests.asked(script.saved!)
    #expect(script.saved?.answer(asked.last!.id, voice: Voice.single.id) == Answer(.point(1)))
  }

  @Test func bAtTheReviewGoesBackToTheLastStatement() throws {
    var session = PlainWizardTests.answeredSession()
    let asked = PlainWizardTests.asked(session)
    session.setAnswer(Answer(.dontKnow), question: asked[1].id, voice: Voice.single.id)
    // Scope kept, every statement answered already; at the review, b: the last statement, answered 2.
    let script = Script(["", "b", "2", "q"], sessions: [session])
    #expect(script.run(resume: true).code == 0)
    #expect(script.saved?.answer(asked.last!.id, voice: Voice.single.id) == Answer(.point(2)))
    #expect(script.transcript.contains("Trin 5 af 9: Gennemgang"))
  }

  @Test func bInAFormGoesBackAField() throws {
    // Workplace, unit, then b: the unit asked again is the workplace's field; typed anew.
    let script = Script(["Værkstedet", "b", "Smedjen", "Svejsning", "q"])
    #expect(script.run().code == 0)
    #expect(script.saved?.about.workplace == "Smedjen")
    #expect(script.saved?.about.unit == "Svejsning")
  }

  @Test func qAtATextFieldStopsAndKeepsWhatWasTyped() throws {
    let script = Script(["Værkstedet", "q"])
    #expect(script.run().code == 0)
    #expect(script.lines.isEmpty)
    #expect(script.saved?.about.workplace == "Værkstedet")
    #expect(script.saved?.about.unit == "", "q is not stored as the unit")
    #expect(script.transcript.hasSuffix("Fortsæt senere med: igloo resume memory/1.json --plain --lang da\n"))
  }

  // MARK: - About of a resumed session

  @Test(arguments: Language.allCases)
  func aResumedSessionsAboutIsEditable(_ language: Language) throws {
    var session = PlainWizardTests.answeredSession()
    session.about.participants = [Participant(name: "Åse", role: "amr")]
    session.about.employees = 12
    // At the scope, b: About with every stored value as what Enter keeps; the workplace and the
    // participant's role changed, a participant and a voice added; then the scope kept.
    let script = Script(
      ["1", "b", "Lageret i Ølstykke Nord", "", "", "40", "", "", "2", "Bo", "4", "", "Ledelse", "Medarbejdere", "", "", "q"],
      sessions: [session])
    #expect(script.run(language: language).code == 0)
    #expect(script.lines.isEmpty)
    let saved = try #require(script.saved)
    #expect(saved.about.workplace == "Lageret i Ølstykke Nord")
    #expect(saved.about.employees == 40)
    #expect(saved.about.participants == [Participant(name: "Åse", role: "manager"), Participant(name: "Bo", role: "employee")])
    #expect(saved.voices.map(\.name) == ["Ledelse", "Medarbejdere"])
    #expect(saved.answers == session.answers, "the answers are kept")
    let t = Localizer(pack: pack, language: language)
    #expect(script.transcript.contains(t("plain.resume.about")), "the resume says how About is opened")
    #expect(script.transcript.contains(t("plain.prompt.keep", ["label": t("wizard.about.workplace"), "current": "Lageret i Ølstykke"])))
    #expect(script.transcript.contains(t("plain.prompt.keep", ["label": t("plain.about.participant.label", ["n": "1"]), "current": "Åse"])))
    #expect(script.environment.sessions.count == 1)
  }
}
