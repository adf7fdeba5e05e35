import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Issue 8, Why 9: text being typed is saved a moment after the last keystroke, with the field
/// still open, so a kill while typing ("Unit typed" on screen, `"unit": ""` in the file) loses
/// nothing that was on screen.
@Suite struct DraftSaveTests {
  @Test func textBeingTypedIsSavedAfterThePauseNotBeforeAndOnlyOnce() throws {
    let h = Harness()
    h.startNew()
    h.type("Unit typed")
    #expect(h.session.about.workplace == "", "still being typed")
    let before = h.environment.saveCount
    h.runner.saveDraftIfDue(now: .now)
    #expect(h.environment.saveCount == before, "not saved while the keys still come")
    h.runner.saveDraftIfDue(now: .now + .seconds(1))
    #expect(h.environment.saveCount == before + 1, "saved a moment after the last key")
    #expect(h.environment.sessions.values.contains { $0.about.workplace == "Unit typed" })
    #expect(h.state.editor?.buffer.text == "Unit typed", "the field stays open for typing")
    h.runner.saveDraftIfDue(now: .now + .seconds(2))
    #expect(h.environment.saveCount == before + 1, "an unchanged draft is not saved again")
    h.type(" more")
    h.runner.saveDraftIfDue(now: .now + .seconds(3))
    #expect(h.environment.sessions.values.contains { $0.about.workplace == "Unit typed more" })
  }
}
