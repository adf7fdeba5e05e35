import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Key scripts on the start and About screens: typing Danish text, editing it, numbers, choices,
/// participants and voices.
@Suite struct AboutScriptTests {
  @Test func typingADanishWorkplaceNameStoresItAndSaves() {
    let h = Harness()
    h.startNew()
    #expect(h.state.step == .about)
    h.type("Kærgården Ældrepleje")
    // Not yet saved: the field is still being typed in.
    #expect(h.session.about.workplace == "")
    h.press(.tab)
    #expect(h.session.about.workplace == "Kærgården Ældrepleje")
    #expect(h.environment.sessions.values.contains { $0.about.workplace == "Kærgården Ældrepleje" })
    #expect(h.environment.saveCount == 1)
    #expect(h.text.contains("Kærgården Ældrepleje"))
  }

  @Test func textFieldsMoveTheCursorByGraphemeAndDelete() {
    let h = Harness()
    h.startNew()
    h.type("Ærø")
    h.press(.left, .left)
    h.type("å")  // Æ|rø → Æå|rø
    h.press(.end)
    h.press(.backspace)  // drops ø
    h.press(.home)
    h.press(.delete)  // drops Æ
    h.type("Ø")
    // A decomposed "å" (a + combining ring) is one grapheme: one backspace removes it.
    h.press(.end)
    h.type("a\u{30A}")
    h.type("👷")
    h.press(.backspace)
    #expect(h.state.editor?.buffer.text == "Øår" + "a\u{30A}")
    h.press(.backspace)
    h.press(.tab)
    #expect(h.session.about.workplace == "Øår")
    // Ctrl-U and Ctrl-K clear before and after the cursor.
    h.press(.backTab)
    h.press(.left)
    h.press(.control("k"))
    h.press(.tab)
    #expect(h.session.about.workplace == "Øå")
  }

  @Test func theCursorIsShownInTheFieldBeingEdited() {
    let h = Harness()
    h.startNew()
    h.type("Åbo")
    let grid = h.screen()
    let cursor = try! #require(grid.cursor)
    let row = grid.rows[cursor.row].map(\.text).joined()
    #expect(row.contains("Åbo"))
    #expect(grid.rows[cursor.row][cursor.column - 1].text == "o")
    #expect(grid.rows[cursor.row][cursor.column].style == .field)
  }

  @Test func employeesTakeDigitsOnlyAndSetTheAMOHint() {
    let h = Harness()
    h.startNew()
    h.press(.down, .down, .down)  // workplace → unit → sector → employees
    h.type("4x")
    #expect(h.state.message?.key == "wizard.message.digits-only")
    h.type("8")
    h.press(.tab)
    #expect(h.session.about.employees == 48)
    #expect(h.text.contains("35 eller flere: AMO-grupper og -udvalg"))
  }

  @Test func sectorIsChosenWithTheArrowKeys() {
    let h = Harness()
    h.startNew()
    h.press(.down, .down)
    h.press(.right)
    #expect(h.session.about.sector == pack.info.sectors[0].id)
    h.press(.left, .left)
    #expect(h.session.about.sector == pack.info.sectors.last!.id)
    #expect(h.environment.saveCount == 3)
  }

  @Test func participantsAndVoicesAreAddedNamedAndRemoved() {
    let h = Harness()
    h.startNew()
    let add = Flow.fields(.about, in: h.state).firstIndex(of: .addParticipant)!
    for _ in 0..<add { h.press(.tab) }
    h.press(.enter)
    #expect(h.session.about.participants.count == 1)
    h.type("Åse Ørum")
    h.press(.tab)
    h.press(.right)  // role: the next one after the first
    #expect(h.session.about.participants[0] == Participant(name: "Åse Ørum", role: pack.info.roles[1].id))
    // A voice: the button after the voices.
    while Flow.fields(.about, in: h.state)[h.state.aboutFocus] != .addVoice { h.press(.tab) }
    h.press(.enter)
    h.type("Medarbejdere")
    h.press(.backTab)
    h.type("Ledelse")
    h.press(.tab)
    #expect(h.session.voices.map(\.name) == ["Ledelse", "Medarbejdere"])
    // Ctrl-D removes the focused voice (it has no answers yet), then the participant.
    #expect(Flow.fields(.about, in: h.state)[h.state.aboutFocus] == .voiceName(1))
    h.press(.control("d"))
    #expect(h.session.voices.count == 1)
    while !(Flow.fields(.about, in: h.state)[h.state.aboutFocus] == .participantName(0)) { h.press(.backTab) }
    h.press(.control("d"))
    #expect(h.session.about.participants.isEmpty)
  }

  @Test func aVoiceThatHasAnsweredCannotBeRemoved() {
    var s = Fixture.committee()
    s.cursor = "about"
    let h = Harness(sessions: [s])
    h.press(.down, .enter)  // resume the saved session
    #expect(h.state.step == .about)
    while Flow.fields(.about, in: h.state)[h.state.aboutFocus] != .voiceName(1) { h.press(.tab) }
    h.press(.control("d"))
    #expect(h.session.voices.count == 2)
    #expect(h.state.message?.key == "wizard.message.voice-has-answers")
  }

  @Test func escapeOrArrowsNeverLoseTypedTextWhenLeavingTheStep() {
    let h = Harness()
    h.startNew()
    h.type("Halvskrevet")
    h.press(.pageDown)  // next step commits the field first
    #expect(h.state.step == .scope)
    #expect(h.session.about.workplace == "Halvskrevet")
  }
}
