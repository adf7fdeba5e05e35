import IglooContent
import IglooEngine

extension WizardState {
  /// Acts on one key: looks it up in the binding tables of the current contexts, changes the
  /// state, and returns what the runner must do (save, export, open, quit).
  public mutating func handle(_ key: Key) -> [Effect] {
    if key == .resize {
      // Nothing moves on a resize: the next render lays out afresh at the new size.
      return []
    }
    let stack = contexts
    guard let action = KeyBindings.action(for: key, in: stack) else {
      if case .character(let c) = key, editor != nil, !stack.contains(.tooSmall) {
        return insert(c)
      }
      return []
    }
    message = nil
    let effects = perform(action)
    updateCursor()
    return effects
  }

  /// Carries out `action` as the current screen understands it.
  public mutating func perform(_ action: WizardAction) -> [Effect] {
    switch action {
    case .help:
      if case .help? = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
      return []
    case .switchLanguage:
      language = language == .da ? .en : .da
      message = Message("wizard.message.language")
      return []
    case .quit:
      return quit()
    case .nextStep:
      return go(to: step == .start ? nil : step.next)
    case .previousStep:
      return go(to: step.previous)
    case .goToStep:
      guard session != nil else { return [] }
      let effects = commitEditor()
      overlay = .stepMenu(selection: max(0, step.number - 1))
      return effects
    default:
      break
    }
    if let overlay { return performInOverlay(action, overlay) }
    if action == .deepenScreened || action == .deepenAll { return deepen(all: action == .deepenAll) }
    if let editor, editor.field.isInline, let effects = performInEditor(action) { return effects }
    switch step {
    case .start: return performOnStart(action)
    case .about: return performInForm(action, fields: aboutFields, focus: \.aboutFocus)
    case .scope: return performOnScope(action)
    case .questions, .absence: return performOnQuestions(action)
    case .review: return performOnReview(action)
    case .profile: return []
    case .plan:
      if planEditorItem != nil {
        if action == .close {
          let effects = commitEditor()
          planEditorItem = nil
          return effects
        }
        return performInForm(action, fields: planEditorFields, focus: \.planEditorFocus)
      }
      return performOnPlan(action)
    case .followUp: return performInForm(action, fields: followUpFields, focus: \.followUpFocus)
    case .export:
      if action == .export { return startExport() }
      return performInForm(action, fields: exportFields, focus: \.exportFocus)
    }
  }

  /// Leaves the wizard, after saving; asks first only when the last save failed.
  mutating func quit() -> [Effect] {
    var effects = commitEditor()
    if session != nil && !effects.contains(.save) { effects.append(.save) }
    return effects + [.quit]
  }

  /// Goes to `target` (nil: stays), keeping everything typed.
  mutating func go(to target: Step?) -> [Effect] {
    guard let target, session != nil || target == .start else { return [] }
    let effects = commitEditor()
    overlay = nil
    planEditorItem = nil
    step = target
    switch target {
    case .questions:
      if !questions(atLevel: questionLevel).contains(where: { $0.id == questionID }) {
        if questions(atLevel: questionLevel).isEmpty, let first = levelsWithQuestions.first { questionLevel = first.id }
        questionID = questions(atLevel: questionLevel).first?.id
      }
      show(question: questionID)
    case .absence:
      if !absenceQuestions.contains(where: { $0.id == absenceID }) { absenceID = absenceQuestions.first?.id }
      show(question: absenceID)
    case .start:
      sessionListStale = true
    default: break
    }
    syncEditor()
    return effects
  }

  /// Records where the user is in the session, so that resuming opens the same place.
  mutating func updateCursor() {
    guard session != nil else { return }
    let cursor: String
    switch step {
    case .questions: cursor = "questions/" + (currentQuestion?.id ?? questionLevel)
    case .absence: cursor = "absence/" + (currentQuestion?.id ?? "")
    default: cursor = step.rawValue
    }
    if session?.cursor != cursor { session?.cursor = cursor }
  }

  /// Opens the place a resumed session's cursor names.
  mutating func restoreCursor() {
    let cursor = session?.cursor ?? ""
    let parts = cursor.split(separator: "/", maxSplits: 1).map(String.init)
    guard let first = parts.first, var target = Step(rawValue: first), target != .start else {
      step = .about
      syncEditor()
      return
    }
    if target == .questions || target == .absence, parts.count == 2 {
      if let q = pack.question(parts[1]) {
        if q.kind == .absence {
          absenceID = q.id
          target = .absence
        } else if let level = level(of: q) {
          questionLevel = level
          questionID = q.id
        }
      } else if pack.level(parts[1]) != nil {
        questionLevel = parts[1]
      }
    }
    _ = go(to: target)
  }
}
