import IglooContent
import Testing

@testable import IglooWizard

/// Issue 25, item 17: under 60×20 typed characters were dropped and a plain `q` quit, though the
/// screen says Ctrl-Q quits; in a resize storm the `q` of a word ended the wizard.
@Suite struct TooSmallTypingTests {
  /// The wizard on About, its first field open for typing, in a window below the minimum size.
  func shrunkWhileTyping() throws -> WizardState {
    let h = Harness()
    h.startNew()
    var state = h.state
    try #require(state.editor != nil, "About opens its first field for typing")
    state.viewport = Size(width: 59, height: 19)
    try #require(state.contexts == [.tooSmall])
    return state
  }

  @Test func everyTypedKeyGoesToTheFieldAndQDoesNotQuit() throws {
    var state = try shrunkWhileTyping()
    let before = state.editor?.buffer.text ?? ""
    var effects: [Effect] = []
    for c in "Lager q Aarhusx" { effects += state.handle(.character(c)) }
    effects += state.handle(.backspace)
    #expect(!effects.contains(.quit), "a plain q must not end the wizard")
    #expect(state.editor?.buffer.text == before + "Lager q Aarhus")
  }

  @Test func ctrlQStillQuits() throws {
    var state = try shrunkWhileTyping()
    #expect(state.handle(.control("q")).contains(.quit))
  }
}
