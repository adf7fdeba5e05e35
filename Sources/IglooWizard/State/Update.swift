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
    // The level picker's shortcuts are the levels' own letters, from the content.
    if stack.first == .levelPicker, case .character(let c) = key,
      let i = pack.levels.firstIndex(where: { $0.shortcut.lowercased() == String(c).lowercased() })
    {
      message = nil
      overlay = .levelPicker(selection: i)
      let effects = perform(.activate)
      updateCursor()
      return effects
    }
    guard let action = KeyBindings.action(for: key, in: stack) else {
      // Under the minimum size too: a window shrunk while typing must not drop letters.
      if case .character(let c) = key, editor != nil {
        return insert(c)
      }
      // The field being edited keeps its editing keys (Backspace, arrows) while the window is too small.
      if stack.contains(.tooSmall), editor != nil, let edit = KeyBindings.action(for: key, in: [.textField]),
        let effects = performTextAction(edit)
      {
        return effects
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
      if step == .plan, overlay == nil {
        // A warning, not a dead end: one key confirms and goes on.
        let effects = commitEditor() + closeApproval()
        let incomplete = session?.incompletePlanItems.count ?? 0
        if incomplete > 0 {
          planEditorItem = nil
          overlay = .confirm(.leavePlanIncomplete(incomplete))
          return effects
        }
        return effects + go(to: step.next)
      }
      return go(to: step == .start ? nil : step.next)
    case .previousStep:
      return go(to: step.previous)
    case .showCase:
      return showCaseStory()
    case .readFull where overlay == nil:
      let effects = commitEditor()
      guard fullText() != nil else {
        message = Message("wizard.full-text.none")
        return effects
      }
      overlay = .fullText(scroll: 0)
      return effects
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
    case .about: return performInForm(action, fields: Flow.fields(.about, in: self), focus: \.aboutFocus)
    case .scope: return performOnScope(action)
    case .questions, .absence: return performOnQuestions(action)
    case .review: return performOnReview(action)
    case .profile: return []
    case .plan:
      if managementQuestionEditing != nil {
        if action == .close {
          let effects = commitEditor()
          managementQuestionEditing = nil
          return effects
        }
        return performInForm(action, fields: Flow.fields(.questionEditor, in: self), focus: \.managementQuestionFocus)
      }
      if managementQuestionsShown { return performOnManagementQuestions(action) }
      if approvalEditing {
        if action == .close { return commitEditor() + closeApproval() }
        return performInForm(action, fields: Flow.fields(.approval, in: self), focus: \.approvalFocus)
      }
      if planEditorItem != nil {
        if action == .close {
          let effects = commitEditor()
          planEditorItem = nil
          return effects
        }
        return performInForm(action, fields: Flow.fields(.planEditor, in: self), focus: \.planEditorFocus)
      }
      return performOnPlan(action)
    case .followUp: return performInForm(action, fields: Flow.fields(.followUp, in: self), focus: \.followUpFocus)
    case .export:
      if action == .export { return startExport() }
      return performInForm(action, fields: Flow.fields(.export, in: self), focus: \.exportFocus)
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
    let effects = commitEditor() + closeApproval(asking: false)
    overlay = nil
    planEditorItem = nil
    managementQuestionEditing = nil
    managementQuestionsShown = false
    returnToReview = false
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

  /// Closes the approval form; an approval nobody is named in is no approval, and is dropped.
  ///
  /// A new or changed approval is recorded only when the user confirms it: with `asking`, the
  /// form's Esc asks; without (leaving the step another way), it is not recorded and the message
  /// says so.
  mutating func closeApproval(asking: Bool = true) -> [Effect] {
    guard approvalEditing else { return [] }
    approvalEditing = false
    var kept: Approval?
    if var approval = session?.approval {
      approval.by.removeAll { $0.name.trimmingCharacters(in: .whitespaces).isEmpty && $0.role.isEmpty }
      // Closing the form confirms the approval of the session as it stands now: its fingerprint is
      // taken again (docs/decisions.md, "The approval fingerprint").
      if let session { approval.fingerprint = (try? ApprovalFingerprint.sha256(session)) ?? "" }
      kept = approval.by.isEmpty ? nil : approval
    }
    session?.approval = kept
    guard approvalUnconfirmed else { return [] }
    if kept == approvalBeforeForm || kept == nil {
      // Nothing to confirm: unchanged, or emptied (taking an approval away is saved at once).
      approvalUnconfirmed = false
      approvalBeforeForm = nil
      return kept == nil ? [.save] : []
    }
    if asking {
      overlay = .confirm(.recordApproval)
      return []
    }
    dropUnconfirmedApproval()
    return []
  }

  /// Puts back the approval from before the form: the user did not confirm the new one.
  mutating func dropUnconfirmedApproval() {
    guard approvalUnconfirmed else { return }
    session?.approval = approvalBeforeForm
    approvalUnconfirmed = false
    approvalBeforeForm = nil
    message = Message("wizard.message.approval-not-recorded")
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
        switch q.kind {
        case .absence:
          absenceID = q.id
          target = .absence
        case .finding:
          if let level = pack.level(of: q) {
            questionLevel = level
            questionID = q.id
          }
        }
      } else if pack.level(parts[1]) != nil {
        questionLevel = parts[1]
      }
    }
    _ = go(to: target)
  }
}

extension WizardState {
  /// Opens training case `id` for a new group: its story and questions, with the group's name
  /// to type below them. Nothing is created until the name is given (Enter).
  public mutating func openCase(_ id: String) {
    guard pack.trainingCase(id) != nil else { return }
    if let i = startEntries.firstIndex(of: .trainingCase(id)) { startSelection = i }
    overlay = .trainingCase(id: id, scroll: 0, naming: true)
    editor = FieldEditor(field: .group, value: "")
  }

  /// Shows the story of the session's training case again, over whatever is on screen.
  public mutating func showCaseStory() -> [Effect] {
    guard let session, let c = pack.trainingCase(of: session) else {
      message = Message("wizard.case.none")
      return []
    }
    let effects = commitEditor()
    overlay = .trainingCase(id: c.id, scroll: 0, naming: false)
    return effects
  }

  /// Keys over a training case's story: scroll, close, and (when opening it) start the group.
  mutating func performOnCase(_ action: WizardAction, id: String, scroll: Int, naming: Bool) -> [Effect] {
    switch action {
    case .previousItem:
      overlay = .trainingCase(id: id, scroll: max(0, scroll - 1), naming: naming)
    case .nextItem:
      let most = max(0, CaseOverlay.lines(self, id: id, width: CaseOverlay.textWidth(viewport)).count - 1)
      overlay = .trainingCase(id: id, scroll: min(scroll + 1, most), naming: naming)
    case .close:
      overlay = nil
      if naming { editor = nil }
    case .startCase where naming:
      let group = (editor?.buffer.text ?? "").trimmingCharacters(in: .whitespaces)
      guard !group.isEmpty, let c = pack.trainingCase(id) else {
        message = Message("wizard.case.group-required", style: .error)
        return []
      }
      overlay = nil
      editor = nil
      return closeCurrentSession() + [.create(Session(trainingCase: c, pack: pack, date: today, group: group))]
    default:
      break
    }
    return []
  }
}
