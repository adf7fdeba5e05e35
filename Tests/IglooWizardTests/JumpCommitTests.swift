import Foundation
import IglooContent
import IglooEngine
import Testing

@testable import IglooWizard

/// Issue 29 point 5: a jump to a statement (from the review, a re-scoring, a deepening) leaves the
/// field being edited through `commitEditor`, and the save that commit asks for is not dropped:
/// that is typed text that might otherwise never reach the file.
@Suite struct JumpCommitTests {
  @Test func aJumpFromTheReviewKeepsTheSaveOfTheFieldItLeaves() throws {
    let h = Harness()
    h.startNew()
    h.go(to: .review)
    var state = h.state
    #expect(state.step == .review)
    let entries = try #require(state.assessment.map { state.reviewEntries($0) })
    #expect(!entries.isEmpty, "a new assessment has unanswered statements to review")
    // Text typed in a field that is still open when the jump comes.
    var editor = FieldEditor(field: .workplace, value: "")
    editor.buffer = TextBuffer("Kantinen på Åbyhøj")
    state.editor = editor
    let effects = state.perform(.activate)
    #expect(state.step == .questions || state.step == .absence)
    #expect(state.session?.about.workplace == "Kantinen på Åbyhøj")
    #expect(effects.contains(.save), "the commit's save was dropped: \(effects)")
  }
}
