import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Issue 25, items 15 and 11: a resumed session goes on under the voice last used, and a note
/// typed before its statement is answered is saved at once.
@Suite struct RecordHoldsWizardTests {
  /// Item 15: on resume the first voice was chosen again, so management's next answers went under
  /// the employees unless someone read the header.
  @Test func theActiveVoiceIsRestoredAndNamedOnResume() throws {
    let h = Harness(sessions: [Fixture.committee()])
    h.press(.down, .enter)
    #expect(h.state.step == .questions)
    #expect(h.state.voice == .voice("management"))
    h.press(.character("v"))
    #expect(h.state.voice == .voice("employees"))
    let saved = try #require(h.environment.sessions[h.state.handle!.id])
    #expect(saved.activeVoice == "employees")

    // Resume the saved file in a new wizard: still the employees, and the screen says so.
    let again = Harness(sessions: [saved])
    again.press(.down, .enter)
    #expect(again.state.voice == .voice("employees"))
    #expect(again.text.contains("Medarbejdere"))
    #expect(again.state.message?.key == "wizard.questions.answering-as")
  }

  @Test func theActiveVoiceSurvivesTheFile() throws {
    var s = Fixture.committee()
    s.activeVoice = "agreed"
    let data = try s.encoded()
    let back = try Session.decode(data)
    #expect(back.activeVoice == "agreed")
    #expect(try Session.read(data).migratedFrom == nil)
  }

  /// Item 11: a note typed before the statement was answered lived only in memory, and Ctrl-C
  /// lost it; the hint that it would be kept came only after Enter.
  @Test func aNoteBeforeTheAnswerIsSavedAtOnce() throws {
    var s = Fixture.committee()
    s.answers = [:]
    s.agreed = [:]
    let h = Harness(sessions: [s])
    h.press(.down, .enter)
    #expect(h.state.step == .questions)
    let question = try #require(h.state.currentQuestion?.id)
    h.press(.character("e"))
    #expect(h.state.message?.key == "wizard.questions.note-pending", "the hint comes as the note opens")
    h.type("Spørg HR om data")
    h.press(.enter)
    let saved = try #require(h.environment.sessions[h.state.handle!.id])
    #expect(String(decoding: try saved.encoded(), as: UTF8.self).contains("Spørg HR om data"), "the note is in the file")
    #expect(saved.pendingNotes[question] == "Spørg HR om data")
    // Answering moves it into the answer.
    h.press(.character("3"))
    let answered = try #require(h.environment.sessions[h.state.handle!.id])
    #expect(answered.pendingNotes.isEmpty)
    #expect(answered.answers["management"]?[question]?.note == "Spørg HR om data")
  }
}
