/// What a key means, independent of which key it is: the binding tables map keys to these, the
/// state machine acts on them, and the footer and help screen name them.
public enum WizardAction: Hashable, Sendable {
  // Everywhere.
  /// Shows the keys that work here.
  case help
  /// Switches between Danish and English.
  case switchLanguage
  /// Leaves the wizard (everything is already saved).
  case quit
  /// Goes to the next step of the assessment.
  case nextStep
  /// Goes to the previous step.
  case previousStep
  /// Opens the list of steps to jump to one.
  case goToStep

  // Lists.
  /// Moves the selection up.
  case previousItem
  /// Moves the selection down.
  case nextItem
  /// Selects the first item.
  case firstItem
  /// Selects the last item.
  case lastItem
  /// Opens or does the selected item.
  case activate
  /// Picks item number n (1-based) of a numbered list.
  case pick(Int)
  /// Scrolls a page down.
  case nextPage
  /// Scrolls a page up.
  case previousPage
  /// Opens the text that is cut off on screen in full, to scroll through.
  case readFull

  // Forms.
  /// Moves to the next field.
  case nextField
  /// Moves to the previous field.
  case previousField
  /// Removes the participant or voice whose field has focus.
  case removeRow

  // Text being edited.
  /// Moves the text cursor left.
  case cursorLeft
  /// Moves the text cursor right.
  case cursorRight
  /// Moves the text cursor to the start.
  case cursorStart
  /// Moves the text cursor to the end.
  case cursorEnd
  /// Deletes the character before the cursor.
  case deleteBackward
  /// Deletes the character under the cursor.
  case deleteForward
  /// Deletes from the start to the cursor.
  case clearToStart
  /// Deletes from the cursor to the end.
  case clearToEnd
  /// Keeps the text and stops editing.
  case commitEdit
  /// Throws the change away and stops editing.
  case cancelEdit

  // Choice fields.
  /// Picks the next option.
  case nextChoice
  /// Picks the previous option.
  case previousChoice

  // Scope.
  /// Puts the use case in scope or takes it out.
  case toggleUseCase
  /// Moves the use case to the next stage.
  case nextStage
  /// Moves the use case to the previous stage.
  case previousStage
  /// Edits what the workplace calls the use case.
  case editScopeNote
  /// Switches between the quick scan and the full assessment; no answer is lost either way.
  case toggleDepth
  /// Cycles whether the use case's system infers emotions: yes, no, don't know.
  case cycleInfersEmotions

  // Deepening a quick scan.
  /// Deepens the findings screened moderate or high: their full statements are asked next.
  case deepenScreened
  /// Deepens every finding of the quick scan.
  case deepenAll

  // Questions.
  /// Answers with scale point 1–5.
  case answer(Int)
  /// Answers "don't know".
  case dontKnow
  /// Answers "not relevant".
  case notRelevant
  /// Removes the answer.
  case clearAnswer
  /// Goes to the previous question.
  case previousQuestion
  /// Goes to the next question.
  case nextQuestion
  /// Edits the note to the question.
  case editNote
  /// Opens the list of IGLOO levels to jump to one.
  case chooseLevel
  /// Answers as the next voice (or as the agreed answer).
  case nextVoice

  // Action plan.
  /// Accepts the suggested action into the plan.
  case accept
  /// Rejects the suggested action.
  case reject
  /// Moves the action to its next status.
  case cycleStatus
  /// Opens the action's fields for editing.
  case editAction
  /// Adds an action of the users' own.
  case addOwnAction
  /// Deletes an action of the users' own.
  case deleteAction
  /// Records the action as a measure the workplace already has.
  case markInPlace
  /// Opens the approval of the plan: who approved it and when.
  case approvePlan
  /// Shows the questions to management, to record who asked, the due date and the answer.
  case showManagementQuestions

  // Export.
  /// Writes the export file.
  case export

  // Training cases.
  /// Shows the training case's story and questions again.
  case showCase
  /// Opens the training case for the group whose name was typed.
  case startCase

  // Overlays and questions asked.
  /// Closes the overlay.
  case close
  /// Answers yes.
  case confirm
  /// Answers no.
  case deny

  /// The interface string that names the action in the footer and the help screen. Actions that
  /// differ only in a value (the five scale points) share one name, so that they share one line.
  public var nameKey: String {
    switch self {
    case .answer: "wizard.action.answer"
    case .pick: "wizard.action.pick"
    default: "wizard.action.\(Self.slug(self))"
    }
  }

  private static func slug(_ action: WizardAction) -> String {
    switch action {
    case .help: "help"
    case .switchLanguage: "switch-language"
    case .quit: "quit"
    case .nextStep: "next-step"
    case .previousStep: "previous-step"
    case .goToStep: "go-to-step"
    case .previousItem: "previous-item"
    case .nextItem: "next-item"
    case .firstItem: "first-item"
    case .lastItem: "last-item"
    case .activate: "activate"
    case .pick: "pick"
    case .nextPage: "next-page"
    case .previousPage: "previous-page"
    case .readFull: "read-full"
    case .nextField: "next-field"
    case .previousField: "previous-field"
    case .removeRow: "remove-row"
    case .cursorLeft: "cursor-left"
    case .cursorRight: "cursor-right"
    case .cursorStart: "cursor-start"
    case .cursorEnd: "cursor-end"
    case .deleteBackward: "delete-backward"
    case .deleteForward: "delete-forward"
    case .clearToStart: "clear-to-start"
    case .clearToEnd: "clear-to-end"
    case .commitEdit: "commit-edit"
    case .cancelEdit: "cancel-edit"
    case .nextChoice: "next-choice"
    case .previousChoice: "previous-choice"
    case .toggleUseCase: "toggle-use-case"
    case .nextStage: "next-stage"
    case .previousStage: "previous-stage"
    case .editScopeNote: "edit-scope-note"
    case .toggleDepth: "toggle-depth"
    case .cycleInfersEmotions: "cycle-infers-emotions"
    case .deepenScreened: "deepen-screened"
    case .deepenAll: "deepen-all"
    case .answer: "answer"
    case .dontKnow: "dont-know"
    case .notRelevant: "not-relevant"
    case .clearAnswer: "clear-answer"
    case .previousQuestion: "previous-question"
    case .nextQuestion: "next-question"
    case .editNote: "edit-note"
    case .chooseLevel: "choose-level"
    case .nextVoice: "next-voice"
    case .accept: "accept"
    case .reject: "reject"
    case .cycleStatus: "cycle-status"
    case .editAction: "edit-action"
    case .addOwnAction: "add-own-action"
    case .deleteAction: "delete-action"
    case .markInPlace: "mark-in-place"
    case .approvePlan: "approve-plan"
    case .showManagementQuestions: "management-questions"
    case .export: "export"
    case .showCase: "show-case"
    case .startCase: "start-case"
    case .close: "close"
    case .confirm: "confirm"
    case .deny: "deny"
    }
  }
}
