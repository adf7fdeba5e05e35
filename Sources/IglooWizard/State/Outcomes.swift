import IglooContent
import IglooEngine
import IglooStore

extension WizardState {
  /// The session at `handle` is now the one being edited: opens it where it was left.
  public mutating func didOpen(_ session: Session, at handle: SessionHandle?) {
    self.session = session
    self.handle = handle
    editor = nil
    overlay = nil
    approvalUnconfirmed = false
    approvalBeforeForm = nil
    planEditorItem = nil
    voice = VoiceChoice(recorded: session.activeVoice) ?? .voice(session.voices.first?.id ?? Voice.single.id)
    normaliseVoice()
    questionLevel = pack.levels.first?.id ?? ""
    questionID = nil
    absenceID = nil
    aboutFocus = 0
    exportResult = nil
    exportPath = ""
    previousRound = nil
    restoreCursor()
    // Named at once when the session goes on under a voice kept from last time, so that nobody
    // answers under the wrong voice without reading the header.
    if session.activeVoice != nil, session.voices.count > 1, message == nil {
      message = Message("wizard.questions.answering-as", ["voice": voiceName])
    }
  }

  /// A new session was stored at `handle`.
  public mutating func didCreate(_ session: Session, at handle: SessionHandle) {
    didOpen(session, at: handle)
    step = .about
    aboutFocus = 0
    syncEditor()
    updateCursor()
    message = Message("wizard.message.created", ["file": handle.id], style: .good)
  }

  /// Opening or creating a session failed.
  public mutating func didFailToOpen(_ error: Error, file: String) {
    message = Message("wizard.message.open-failed", ["file": file], parts: ["reason": Self.reasonPhrase(error)], style: .error)
  }

  /// A save was refused because the session would be over ``SessionLimits`` (a runaway paste, a
  /// huge note): the edit is undone, the session goes back to `lastGood` (what the file holds), and
  /// the message says why. The file was not touched, so this is no save error to ask about on quit.
  public mutating func didRefuseSave(_ error: Error, restoring lastGood: Session?) {
    if let lastGood {
      session = lastGood
      editor = nil
      syncEditor()
    }
    saveError = nil
    message = Message("wizard.message.save-refused", parts: ["reason": Self.reasonPhrase(error)], style: .error)
  }

  /// A save finished; `error` is nil when it succeeded.
  public mutating func didSave(error: Error?) {
    if let lost = error as? LockLost {
      // Saved, but as a copy: another igloo owns the original now. From here on, the copy is
      // the session this wizard edits.
      handle = SessionHandle(lost.copy)
      saveError = nil
      message = Message("wizard.message.lock-lost", ["session": lost.session, "copy": lost.copy], style: .error)
    } else if let error {
      let reason = Self.reasonPhrase(error)
      saveError = reason
      message = Message("wizard.message.save-failed", parts: ["reason": reason], style: .error)
    } else {
      saveError = nil
    }
  }

  /// An export finished.
  public mutating func didExport(_ result: ExportResult) {
    exportResult = result
    if case .failed = result {
      // Back to the path, so the user can type another one without leaving the screen.
      exportFocus = Flow.fields(.export, in: self).firstIndex(of: .exportPath) ?? 0
      syncEditor()
    }
  }

  /// The quit was held back because the last save failed: ask first.
  public mutating func askBeforeQuitting() {
    overlay = .confirm(.quitUnsaved)
  }

  /// The export path offered when the export step is first shown.
  public mutating func suggestExportPath(_ path: String) {
    if exportPath.isEmpty {
      exportPath = path
      if case .exportPath? = editor?.field { editor = FieldEditor(field: .exportPath, value: path) }
    }
  }

  /// One line from an error in `language`: a store error in the user's words, the test
  /// environment's own text, or the error's description.
  static func reason(_ error: Error, _ language: Language) -> String { StoreError.say(reasonPhrase(error), language) }

  /// What went wrong as a phrase, said in the language of the moment it is shown: a store
  /// error's own; any other error's description as it is.
  static func reasonPhrase(_ error: Error) -> Phrase {
    if let e = error as? StoreError { return e.messagePhrase }
    let text = (error as? EnvironmentError)?.description ?? String(describing: error)
    return Phrase("wizard.reason.other", ["text": text])
  }
}
