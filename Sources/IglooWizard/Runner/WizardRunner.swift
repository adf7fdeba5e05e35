import IglooContent
import IglooEngine
import IglooStore

/// Runs the wizard on a terminal: read a key, update the state, carry out the effects (save,
/// export, open), render at the terminal's current size, draw. Until the user quits or the
/// input ends.
///
/// ```swift
/// let runner = WizardRunner(pack: pack, environment: env, language: .fromLocale(LANG))
/// runner.run(on: terminal)
/// ```
public final class WizardRunner {
  /// The state; readable so that the caller (and tests) can see where the wizard ended.
  public internal(set) var state: WizardState
  /// The environment effects go to.
  public let environment: WizardEnvironment

  /// A wizard on the start screen (new, resume, training case, language).
  public init(pack: ContentPack, environment: WizardEnvironment, language: Language) {
    self.environment = environment
    state = WizardState(pack: pack, language: language, today: environment.today())
    refreshSessionList()
  }

  /// A wizard editing `session`, already opened at `handle` (`igloo resume FILE`, a training
  /// case opened from the command line); it opens where the session was left.
  public convenience init(
    pack: ContentPack, session: Session, handle: SessionHandle?, environment: WizardEnvironment, language: Language
  ) {
    self.init(pack: pack, environment: environment, language: language)
    state.didOpen(session, at: handle)
    lastSaved = session
    if let path = state.previousRoundToRead { readPreviousRound(path) }
  }

  /// Opens training case `id` as the wizard's first screen: with `group`, the group's session is
  /// created at once and the story shown over it; without, the story is shown with the group's
  /// name to type, and the session is created once it is given.
  public func openCase(_ id: String, group: String?) {
    guard let c = state.pack.trainingCase(id) else { return }
    let name = (group ?? "").trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
      state.openCase(id)
      return
    }
    perform([.create(Session(trainingCase: c, pack: state.pack, date: state.today, group: name))])
    if state.session != nil { _ = state.showCaseStory() }
  }

  /// Whether the user has quit.
  public var isFinished: Bool { state.finished }

  /// Runs until the user quits or the terminal has no more keys; then saves what was typed.
  public func run(on terminal: Terminal) {
    redraw(terminal)
    while !state.finished, let key = terminal.readKey() {
      send(key, size: terminal.size)
      // Keys already waiting (a paste) are handled before the screen is drawn again.
      if !terminal.keyIsWaiting { redraw(terminal) }
    }
    finish()
  }

  /// The session as the file holds it (opened, created or last saved): what a save refused for
  /// being over ``SessionLimits`` goes back to.
  private var lastSaved: Session?

  /// How long after the last keystroke the text being typed is saved.
  public static let draftDelay: Duration = .milliseconds(400)
  /// The longest text being typed goes unsaved while keys keep coming (typing, a paste).
  public static let draftInterval: Duration = .seconds(2)
  /// How often a long text being typed is handed to the signal handler's emergency save.
  public static let emergencyInterval: Duration = .milliseconds(250)
  /// When the last key was handled.
  private var lastKeyAt: ContinuousClock.Instant?
  /// When a key first came into a field since its text was last saved as a draft; nil when
  /// nothing typed waits.
  private var unsavedSince: ContinuousClock.Instant?
  /// When the text being typed was last handed to the emergency save.
  private var keptForEmergencyAt: ContinuousClock.Instant?
  /// The field text last saved as a draft, so that an unchanged field is not saved again.
  private var savedDraft: (field: FieldID, text: String)?

  /// Saves the text being typed, when it has changed and no key came for ``draftDelay``, or when
  /// keys have come for ``draftInterval`` without a pause (typing on and on, a paste).
  ///
  /// Every answer is saved as it is given, but a field's text is only put in the session when
  /// the field is left; without this, a kill while typing a workplace or a note would lose what
  /// was on screen. The draft is the whole session with the field's current text, written
  /// atomically like any save; the field stays open for typing.
  public func saveDraftIfDue(now: ContinuousClock.Instant = .now) {
    guard state.editor != nil, let lastKeyAt, state.handle != nil else { return }
    let quiet = now - lastKeyAt >= Self.draftDelay
    let overdue = unsavedSince.map { now - $0 >= Self.draftInterval } ?? false
    guard quiet || overdue else { return }
    saveDraft()
  }

  /// Saves the text being typed as a draft, if it differs from what is saved.
  private func saveDraft() {
    unsavedSince = nil
    guard let editor = state.editor, let handle = state.handle, editor.buffer.text != editor.original else { return }
    if let saved = savedDraft, saved.field == editor.field, saved.text == editor.buffer.text { return }
    guard let draft = state.draftSession() else { return }
    do {
      try environment.save(draft, to: handle)
      savedDraft = (editor.field, editor.buffer.text)
    } catch let error as StoreError where error.kind == .tooLarge {
      // The text stays on screen to be shortened; the file keeps the last session that fit.
      savedDraft = (editor.field, editor.buffer.text)
      state.didRefuseSave(error, restoring: nil)
    } catch {
      state.didSave(error: error)
    }
  }

  /// Hands the text being typed to the emergency save: after every key while the field is short,
  /// at most every ``emergencyInterval`` once it is long (a paste), where encoding per key would
  /// make the paste quadratic again.
  private func keepTypedTextForEmergency(now: ContinuousClock.Instant) {
    guard let editor = state.editor, let handle = state.handle else { return }
    if editor.buffer.characters.count > 4096, let at = keptForEmergencyAt, now - at < Self.emergencyInterval { return }
    keptForEmergencyAt = now
    if let draft = state.draftSession() { environment.keepForEmergency(draft, at: handle) }
  }

  /// Handles one key at `size`, carrying out its effects; for drivers with their own loop.
  public func send(_ key: Key, size: Size) {
    state.viewport = size
    handleInput { $0.handle(key) }
  }

  /// Carries out `action` as the screen on display understands it, with its effects: line mode
  /// sends the wizard's own actions here, so that both front-ends run one state machine.
  public func send(_ action: WizardAction) {
    handleInput { state in
      state.message = nil
      let effects = state.perform(action)
      state.updateCursor()
      return effects
    }
  }

  /// Types `text` into the field being edited, character by character, as keys would.
  public func type(_ text: String) {
    handleInput { state in text.flatMap { state.insert($0) } }
  }

  /// One input (a key, an action, typed text): noted for the draft and emergency saves, applied
  /// to the state, its effects carried out.
  private func handleInput(_ apply: (inout WizardState) -> [Effect]) {
    let now = ContinuousClock.now
    lastKeyAt = now
    if state.editor != nil, unsavedSince == nil { unsavedSince = now }
    perform(apply(&state))
    afterInput(now: now)
  }

  /// What follows every input, a key's or a line's: the typed text kept for an emergency save
  /// (and its draft saved when due), the export path suggested, the start screen's list refreshed,
  /// a previous round read.
  private func afterInput(now: ContinuousClock.Instant) {
    if state.editor == nil {
      unsavedSince = nil
      // A field left (or its edit cancelled): the emergency save goes back to the session itself.
      if keptForEmergencyAt != nil, let session = state.session, let handle = state.handle {
        keptForEmergencyAt = nil
        environment.keepForEmergency(session, at: handle)
      }
    } else {
      keepTypedTextForEmergency(now: now)
      saveDraftIfDue(now: now)
    }
    if state.step == .export, state.exportPath.isEmpty, let session = state.session {
      state.suggestExportPath(environment.suggestedExportPath(for: session, format: state.exportFormat))
    }
    if state.step == .start, state.sessionListStale, !state.finished { refreshSessionList() }
    if let path = state.previousRoundToRead { readPreviousRound(path) }
  }

  /// The screen at `size`.
  public func render(size: Size) -> Grid { WizardRenderer.render(state, size: size) }

  /// Saves whatever is being typed and lets go of the session: on the end of input, and for a
  /// driver that must stop (a signal) to call before it gives the terminal back.
  public func finish() {
    var effects = state.commitEditor()
    if state.session != nil && !effects.contains(.save) { effects.append(.save) }
    perform(effects)
    if let handle = state.handle { environment.close(handle) }
  }

  private func refreshSessionList() {
    state.savedSessions = environment.listSessions()
    state.sessionListStale = false
  }

  /// Reads the previous round through the environment, which never writes it, and hands the
  /// session (or the one-line reason it failed) to the state; nothing else changes.
  private func readPreviousRound(_ path: String) {
    do {
      state.didReadPreviousRound(path, .read(try environment.readPreviousRound(path)))
    } catch {
      state.didReadPreviousRound(path, .failed(WizardState.reason(error, state.language)))
    }
  }

  private func redraw(_ terminal: Terminal) {
    terminal.draw(render(size: terminal.size))
  }

  private func perform(_ effects: [Effect]) {
    for effect in effects {
      switch effect {
      case .save:
        guard var session = state.savableSession else { continue }
        do {
          if let handle = state.handle {
            try environment.save(session, to: handle)
          } else {
            session.cursor = state.session?.cursor
            state.handle = try environment.create(session)
          }
          lastSaved = session
          state.didSave(error: nil)
        } catch let error as StoreError where error.kind == .tooLarge {
          state.didRefuseSave(error, restoring: lastSaved)
        } catch {
          state.didSave(error: error)
        }
      case .export(let format, let path, let replacing):
        guard let assessment = state.assessment else { continue }
        do {
          let written = try environment.export(
            assessment, format: format, part: state.exportPart, language: state.language, to: path, replacing: replacing)
          state.didExport(.written(written))
        } catch let exists as ExportTargetExists {
          state.overlay = .confirm(.replaceExport(format, path: path, shown: exists.path))
        } catch {
          state.didExport(.failed(path: path, reason: WizardState.reason(error, state.language)))
        }
      case .readPreviousRound(let path):
        readPreviousRound(path)
      case .open(let handle):
        do {
          let session = try environment.open(handle)
          state.didOpen(session, at: handle)
          lastSaved = session
        } catch {
          state.didFailToOpen(error, file: handle.id)
        }
      case .create(let session):
        do {
          state.didCreate(session, at: try environment.create(session))
          lastSaved = session
        } catch {
          state.didFailToOpen(error, file: "")
        }
      case .close(let handle):
        environment.close(handle)
        if state.handle == handle {
          state.handle = nil
          state.session = nil
        }
      case .quit:
        if state.saveError != nil && !state.quitConfirmed {
          state.askBeforeQuitting()
          return
        }
        state.finished = true
        return
      }
    }
  }
}
