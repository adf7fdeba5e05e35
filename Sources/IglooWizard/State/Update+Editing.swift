import IglooContent
import IglooEngine

extension WizardState {
  /// Types `character` into the field being edited. Number fields take digits only.
  mutating func insert(_ character: Character) -> [Effect] {
    guard var editor else { return [] }
    if editor.field.kind == .number && !(character.isASCII && character.isNumber) {
      message = Message("wizard.message.digits-only", style: .error)
      return []
    }
    // Control characters never belong in a saved text; a newline would break the one-line fields.
    guard !character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) else { return [] }
    message = nil
    // Let go of the state's copy first, so that the buffer is changed in place rather than copied
    // whole for every character (a 100 KB paste).
    self.editor = nil
    editor.buffer.insert(character)
    self.editor = editor
    return []
  }

  /// Starts editing the focused form field if it takes text, or stops editing if it does not.
  mutating func syncEditor() {
    guard let field = focusedFormField else {
      if let editor, !editor.field.isInline { self.editor = nil }
      return
    }
    switch field.kind {
    case .text, .number:
      if editor?.field != field { editor = FieldEditor(field: field, value: value(field)) }
    case .choice, .button:
      editor = nil
    }
  }

  /// The form field that has focus on the current screen, if the screen is a form.
  var focusedFormField: FieldID? {
    func pick(_ fields: [FieldID], _ focus: Int) -> FieldID? { fields.indices.contains(focus) ? fields[focus] : nil }
    switch step {
    case .about: return pick(Flow.fields(.about, in: self), aboutFocus)
    case .plan:
      if managementQuestionEditing != nil { return pick(Flow.fields(.questionEditor, in: self), managementQuestionFocus) }
      if approvalEditing { return pick(Flow.fields(.approval, in: self), approvalFocus) }
      return planEditorItem == nil ? nil : pick(Flow.fields(.planEditor, in: self), planEditorFocus)
    case .followUp: return pick(Flow.fields(.followUp, in: self), followUpFocus)
    case .export: return pick(Flow.fields(.export, in: self), exportFocus)
    default: return nil
    }
  }

  /// The session as it would be if the field being edited were left now, for the draft save of
  /// text still being typed; nil when no field is open or its text is unchanged.
  func draftSession() -> Session? {
    guard let editor, editor.buffer.text != editor.original else { return nil }
    var copy = self
    copy.editor = nil
    guard copy.setValue(editor.buffer.text, for: editor.field) else { return nil }
    return copy.savableSession
  }

  /// Stores what was typed in the field being edited and stops editing; asks for a save when
  /// the session changed. Every path that moves focus or leaves a screen goes through here, so
  /// nothing typed is ever dropped; its effects must be passed on (so no `@discardableResult`).
  mutating func commitEditor() -> [Effect] {
    guard let editor else { return [] }
    self.editor = nil
    let text = editor.buffer.text
    // Leaving the previous round's field (or Enter on it) reads that round afresh, changed or not,
    // so a file fixed on disk can be compared again without retyping its name.
    let read: [Effect] =
      editor.field == .previousRound && !text.trimmingCharacters(in: .whitespaces).isEmpty
      ? [.readPreviousRound(text)] : []
    guard text != editor.original else { return read }
    // The flow's one validation, which line mode applies too.
    let (stored, error) = Flow.validate(text, for: editor.field, localizer)
    if let error {
      message = error
      return read
    }
    let changed = setValue(stored, for: editor.field)
    if editor.field.isDate, let warning = dateWarning(after: editor.field) { message = warning }
    return (changed ? [.save] : []) + read
  }

  /// The warning on the edited plan item's dates once `field` is stored, if there is one.
  private func dateWarning(after field: FieldID) -> Message? {
    guard field == .planDeadline || field == .planFollowUp, let i = planEditorItem,
      let item = session?.plan[i]
    else { return nil }
    let warnings = item.dateWarnings(today: CalendarDate(today))
    if field == .planDeadline, warnings.contains(.deadlineInPast) {
      return Message("wizard.message.deadline-in-past", ["date": item.deadline], style: .risk)
    }
    if warnings.contains(.followUpBeforeDeadline) {
      return Message(
        "wizard.message.follow-up-before-deadline", ["follow-up": item.followUp, "deadline": item.deadline], style: .risk)
    }
    return nil
  }

  /// Text editing keys, for whichever field is being edited; nil when `action` is not one.
  mutating func performTextAction(_ action: WizardAction) -> [Effect]? {
    let editing: Set<WizardAction> = [
      .cursorLeft, .cursorRight, .cursorStart, .cursorEnd, .deleteBackward, .deleteForward, .clearToStart, .clearToEnd,
    ]
    guard var editor, editing.contains(action) else { return nil }
    // Changed in place, not copied whole per key (see insert(_:)).
    self.editor = nil
    switch action {
    case .cursorLeft: editor.buffer.left()
    case .cursorRight: editor.buffer.right()
    case .cursorStart: editor.buffer.home()
    case .cursorEnd: editor.buffer.end()
    case .deleteBackward: editor.buffer.deleteBackward()
    case .deleteForward: editor.buffer.deleteForward()
    case .clearToStart: editor.buffer.clearToStart()
    case .clearToEnd: editor.buffer.clearToEnd()
    default: break
    }
    self.editor = editor
    return []
  }

  /// Keys for a note edited in its own line: Enter keeps it, Esc throws the change away.
  mutating func performInEditor(_ action: WizardAction) -> [Effect]? {
    if let effects = performTextAction(action) { return effects }
    switch action {
    case .commitEdit:
      return commitEditor()
    case .cancelEdit:
      editor = nil
      message = Message("wizard.message.edit-cancelled")
      return []
    default:
      return nil
    }
  }

  /// Keys on a form: move between fields, edit text, cycle choices, press buttons.
  mutating func performInForm(_ action: WizardAction, fields: [FieldID], focus: WritableKeyPath<WizardState, Int>) -> [Effect] {
    if let effects = performTextAction(action) { return effects }
    guard !fields.isEmpty else { return [] }
    let current = fields[min(max(0, self[keyPath: focus]), fields.count - 1)]
    switch action {
    case .nextField, .previousField:
      let effects = commitEditor()
      let delta = action == .nextField ? 1 : -1
      self[keyPath: focus] = min(max(0, self[keyPath: focus] + delta), aboutFieldsCount(fields) - 1)
      syncEditor()
      return effects
    case .nextChoice, .previousChoice:
      let options = Flow.choices(current, in: pack)
      guard !options.isEmpty else { return [] }
      let at = options.firstIndex(of: value(current)) ?? -1
      let next = (at + (action == .nextChoice ? 1 : -1) + options.count) % options.count
      return setValue(options[next], for: current) ? [.save] : []
    case .activate:
      return press(current)
    case .removeRow:
      return removeRow(current)
    default:
      return []
    }
  }

  // The About form's field list grows while the user is on it (a participant added), so the
  // clamp must read the list as it is now, not as it was when the action began.
  private func aboutFieldsCount(_ fields: [FieldID]) -> Int {
    step == .about ? Flow.fields(.about, in: self).count : step == .plan && approvalEditing ? Flow.fields(.approval, in: self).count : fields.count
  }

  /// Presses a button field.
  mutating func press(_ field: FieldID) -> [Effect] {
    guard session != nil else { return [] }
    switch field {
    case .addParticipant:
      let count = session!.about.participants.count
      session!.about.participants.append(Participant(name: "", role: pack.info.roles.first?.id ?? ""))
      aboutFocus = Flow.fields(.about, in: self).firstIndex(of: .participantName(count)) ?? aboutFocus
      syncEditor()
      return [.save]
    case .addVoice:
      var n = session!.voices.count + 1
      while session!.voices.contains(where: { $0.id == "voice-\(n)" }) { n += 1 }
      session!.voices.append(Voice(id: "voice-\(n)", name: ""))
      aboutFocus = Flow.fields(.about, in: self).firstIndex(of: .voiceName(session!.voices.count - 1)) ?? aboutFocus
      syncEditor()
      return [.save]
    case .exportButton:
      return startExport()
    case .addApprover:
      guard session!.approval != nil else { return [] }
      let count = session!.approval!.by.count
      session!.approval!.by.append(Participant(name: "", role: pack.info.roles.first?.id ?? ""))
      approvalFocus = Flow.fields(.approval, in: self).firstIndex(of: .approverName(count)) ?? approvalFocus
      syncEditor()
      return [.save]
    default:
      return []
    }
  }

  /// Removes the participant or voice whose field has focus. A voice that has answered is kept:
  /// removing it would silently throw away its answers.
  mutating func removeRow(_ field: FieldID) -> [Effect] {
    guard session != nil else { return [] }
    switch field {
    case .participantName(let i), .participantRole(let i):
      guard session!.about.participants.indices.contains(i) else { return [] }
      editor = nil
      session!.about.participants.remove(at: i)
      aboutFocus = min(aboutFocus, Flow.fields(.about, in: self).count - 1)
      if Flow.fields(.about, in: self).indices.contains(aboutFocus), case .participantRole = Flow.fields(.about, in: self)[aboutFocus] { aboutFocus -= 1 }
      syncEditor()
      message = Message("wizard.message.participant-removed")
      return [.save]
    case .approverName(let i), .approverRole(let i):
      guard session!.approval?.by.indices.contains(i) == true else { return [] }
      editor = nil
      session!.approval!.by.remove(at: i)
      approvalFocus = min(approvalFocus, Flow.fields(.approval, in: self).count - 1)
      if Flow.fields(.approval, in: self).indices.contains(approvalFocus), case .approverRole = Flow.fields(.approval, in: self)[approvalFocus] { approvalFocus -= 1 }
      syncEditor()
      return [.save]
    case .voiceName(let i):
      guard let voices = session?.voices, voices.indices.contains(i) else { return [] }
      if voices.count == 1 {
        message = Message("wizard.message.last-voice", style: .error)
        return []
      }
      if !(session!.answers[voices[i].id] ?? [:]).isEmpty {
        message = Message("wizard.message.voice-has-answers", ["voice": displayName(ofVoice: i)], style: .error)
        return []
      }
      editor = nil
      session!.voices.remove(at: i)
      session!.answers[voices[i].id] = nil
      normaliseVoice()
      aboutFocus = min(aboutFocus, Flow.fields(.about, in: self).count - 1)
      syncEditor()
      return [.save]
    default:
      return []
    }
  }
}
