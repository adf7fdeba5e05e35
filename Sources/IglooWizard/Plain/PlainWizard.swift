import Foundation
import IglooContent
import IglooEngine
import IglooReport
import IglooStore

/// The assessment in line mode (`igloo --plain`): questions and answers one line at a time,
/// without curses, for screen readers, dumb terminals and piping.
///
/// It walks the steps of the one flow in order (``Flow/plainSteps``): About (for a new session),
/// Scope, the statements level by level and the sickness-absence statements, Review, the profile,
/// the action plan, the follow-up and the export; `b` goes back a field, a statement or a step.
/// Every answer is saved through the environment the moment it is given, and
/// the end of input at any prompt saves and ends the run normally, so a script or a closed pipe
/// never loses what was answered.
///
/// ```swift
/// let plain = PlainWizard(
///   pack: pack, session: session, handle: handle, environment: files, language: .da,
///   input: PlainWizard.readStandardInput(echo: false), output: PlainWizard.writeStandardOutput)
/// let code = plain.run()
/// ```
public final class PlainWizard {
  /// Reads one line without its line end; nil at the end of input.
  public typealias Input = () -> String?
  /// Writes text as it is; prompts come without a line end, so the writer must not buffer lines.
  public typealias Output = (String) -> Void

  /// The session as it stands: after ``run()``, the one saved (nil if none was created).
  public private(set) var session: Session?
  /// Where the session is saved; nil until it is created.
  public private(set) var handle: SessionHandle?

  private let pack: ContentPack
  private let environment: WizardEnvironment
  private let language: Language
  private let input: Input
  private let output: Output
  private let t: Localizer
  /// Whether the last thing written ended a line; a message after a prompt cut short by the end
  /// of input then starts on its own line.
  private var atLineStart = true
  /// The kinds of form field asked so far, for the test that every field of the flow has a
  /// rendering in line mode.
  private(set) var renderedFields: Set<FlowField> = []
  /// The part of the report the export step writes.
  private var exportPart: ReportPart = .all
  /// The steps shown so far, in order, with the step the user went back to shown again.
  private(set) var shownSteps: [Step] = []
  /// How many lines were read, so that a `b` typed twice in a row can be told from two apart.
  private var reads = 0
  /// The training case being opened, if any.
  private let trainingCase: TrainingCase?
  /// The group's name given on the command line, or empty to ask for it.
  private let group: String

  /// A run over `session` saved at `handle`.
  ///
  /// - `session` nil and `handle` nil: a new assessment; About is asked first and the session is
  ///   created through `environment` once it is answered.
  /// - `session` nil and `handle` given: the session is opened through `environment` (taking its lock).
  /// - `session` given and `handle` nil (a training case): it is created through `environment` first.
  /// - both given: the session was opened by the caller; the run resumes it.
  /// - `trainingCase` given (and no session): the case's story and questions are shown, the
  ///   group's name is asked (unless `group` is given), and then the session is created.
  public init(
    pack: ContentPack, session: Session?, handle: SessionHandle?, environment: WizardEnvironment, language: Language,
    input: @escaping Input, output: @escaping Output, trainingCase: TrainingCase? = nil, group: String = ""
  ) {
    self.trainingCase = trainingCase
    self.group = group
    self.pack = pack
    self.session = session
    self.handle = handle
    self.environment = environment
    self.language = language
    self.input = input
    self.output = output
    t = Localizer(pack: pack, language: language)
  }

  /// Why the dialogue stopped before its end.
  private enum Stop: Error {
    /// The input ended.
    case endOfInput
    /// The user typed `q`.
    case quit
    /// The user typed `b` where it goes back past the start of what is being asked.
    case back
    /// The flow goes on at `step` (the statements, once a quick scan is deepened).
    case goTo(Step)
    /// Something failed that the run cannot go on without; the message is written already.
    case failed(Int32)
  }

  /// Runs the assessment until its end, `q` or the end of input, and lets go of the session.
  ///
  /// Returns 0 when everything answered is saved (also after `q` or the end of input), 1 when the
  /// last save or the creation of the session failed, and the store's own code (2 for a damaged
  /// file, 1 for one locked elsewhere) when the given handle cannot be opened.
  public func run() -> Int32 {
    say(t("plain.title", ["app": t("wizard.app-name"), "title": t(pack.info.title)]))
    say(t("plain.intro"))
    do {
      try prepareSession()
      try walk()
    } catch Stop.failed(let code) {
      return code
    } catch {
      // The end of input or `q`: everything answered is saved already; the finish says where.
    }
    return finish()
  }

  /// The steps of the flow in order, from About (a new session) or Scope (a session opened or
  /// created already, whose About `b` at the scope opens): `b` at the start of a step goes back to
  /// the one before, which is asked again with what is stored as the answers Enter keeps.
  private func walk() throws {
    let steps = Flow.plainSteps
    var i = session == nil ? 0 : 1
    var cameBack = false
    // A step without a prompt (the profile, a review with nothing to review) is shown again and
    // passed: a `b` typed again at once, with nothing else typed since, goes back one step further.
    var lastBack: (step: Int, reads: Int, depth: Int)?
    while i < steps.count {
      do {
        try perform(steps[i], cameBack: cameBack)
        i += 1
        cameBack = false
      } catch Stop.goTo(let step) {
        i = steps.firstIndex(of: step) ?? i + 1
        cameBack = false
      } catch Stop.back {
        let again = lastBack.map { $0.step == i && $0.reads == reads - 1 } ?? false
        let depth = again ? lastBack!.depth + 1 : 1
        lastBack = (i, reads, depth)
        if i - depth < 0 {
          say(t("plain.back.first"))
          i = 0
        } else {
          i -= depth
          cameBack = true
        }
      }
    }
  }

  /// One step of the flow, by its line-mode rendering; `cameBack` when the user went back to it.
  private func perform(_ step: Step, cameBack: Bool) throws {
    switch Flow.step(step).plain {
    case .sessionPicker: return
    case .form where step == .about: try aboutStep()
    case .form: try followUpStep()
    case .scope: try scopeStep()
    case .statements: try questionsStep(fromEnd: cameBack)
    case .review: try reviewStep()
    case .profile:
      session?.cursor = Step.profile.rawValue
      profileStep()
      if try offerDeepening() { throw Stop.goTo(.questions) }
    case .plan: try planStep()
    case .export: try exportStep()
    }
  }

  // MARK: - Lines in and out

  /// "Trin 3 af 9: Afdækning og risikovurdering" on a line of its own (after the caller's blank
  /// line), so a screen reader announces where the user is at every step.
  private func stepHeader(_ step: Step) {
    shownSteps.append(step)
    say(t("plain.step", ["n": String(step.number), "total": String(Flow.numberedSteps.count), "title": t(step.titleKey)]))
  }

  private func say(_ line: String = "") {
    write(line + "\n")
  }

  /// Every line plain mode prints passes here, so that names and notes with control characters
  /// are shown escaped rather than sent to the terminal (``SafeText``).
  private func write(_ text: String) {
    guard !text.isEmpty else { return }
    output(SafeText.visible(text))
    atLineStart = text.hasSuffix("\n")
  }

  /// Writes `prompt` and reads the answer; the end of input stops the dialogue.
  private func ask(_ prompt: String) throws -> String {
    while true {
      write(prompt)
      guard let line = input() else { throw Stop.endOfInput }
      reads += 1
      // The user's Enter ended the line on a terminal; an input without echo did not.
      atLineStart = true
      // Bytes that are not UTF-8 (a Latin-1 "æ" under LANG=C) arrive as U+FFFD, and a NUL or ESC
      // must never be stored: say so and ask again rather than keep a changed text.
      if line.unicodeScalars.contains("\u{FFFD}") {
        say(t("plain.input.not-utf8"))
        continue
      }
      if line.unicodeScalars.contains(where: SafeText.isControl) {
        say(t("wizard.message.control-character"))
        continue
      }
      return line
    }
  }

  // MARK: - Session: About or resume

  /// The case's story, its questions for discussion and the sections it builds on.
  private func showStory(_ c: TrainingCase) {
    say()
    say(t(c.title))
    if c.invented { say(t("wizard.case.invented")) }
    say()
    say(t(c.story))
    say()
    say(t("wizard.case.questions"))
    for (i, q) in c.questions.enumerated() { say("\(i + 1). " + t(q)) }
    say()
    say(t("wizard.case.builds-on", ["sections": c.buildsOn.joined(separator: "; ")]))
  }

  private func prepareSession() throws {
    if session == nil, handle == nil, let trainingCase {
      // The story first, then the group's name: the file is named after the group, so two
      // groups on one case never share it.
      showStory(trainingCase)
      var name = group.lineTrimmed
      while name.isEmpty {
        say()
        name = try ask(t("plain.case.group")).lineTrimmed
        if name.isEmpty { say(t("wizard.case.group-required")) }
      }
      try create(Session(trainingCase: trainingCase, pack: pack, date: environment.today(), group: name))
      say(t("wizard.message.created", ["file": handle!.id]))
      say(t("plain.case.again"))
      return
    }
    if session == nil, let handle {
      do {
        session = try environment.open(handle)
      } catch {
        say(t("wizard.message.open-failed", ["reason": WizardState.reason(error, t.language)]))
        self.handle = nil
        throw Stop.failed((error as? StoreError)?.exitCode ?? 2)
      }
    }
    if let session {
      if handle == nil {
        try create(session)
        say(t("wizard.message.created", ["file": handle!.id]))
      } else {
        let progress = session.progress(pack)
        var values = ["file": handle!.id, "answered": String(progress.answered), "total": String(progress.total)]
        values["workplace"] = session.about.workplace
        say(t(session.about.workplace.isEmpty ? "plain.resume.unnamed" : "plain.resume", values))
        say(t("plain.resume.about"))
      }
      return
    }
    _ = try offerSavedSessions()
  }

  // MARK: - Forms from the flow

  /// A wizard state over the session, so that line mode stores every field through the same
  /// setter and button actions as the curses wizard (``Flow``).
  private func formState() -> WizardState {
    var state = WizardState(pack: pack, language: language, today: environment.today())
    state.session = session
    return state
  }

  /// Keeps what a form changed, and saves it.
  private func keep(_ state: WizardState) {
    guard state.session != session else { return }
    session = state.session
    save()
  }

  /// Whether `line` is the `b` that goes back.
  private func isBack(_ line: String) -> Bool { line.lineTrimmed.lowercased() == "b" }

  /// `b` and `q` alone, at a prompt that takes text: back a field or step, or stop (everything
  /// is saved), as at every other prompt of line mode.
  private func checkCommand(_ line: String) throws {
    if isBack(line) { throw Stop.back }
    if line.lineTrimmed.lowercased() == "q" { throw Stop.quit }
  }

  /// Asks one form field of the flow: its label, its current value (Enter keeps it), the
  /// choices numbered, and the flow's validation; stores through ``WizardState``. `b` throws
  /// ``Stop/back`` for the form to go back a field.
  private func askField(_ field: FieldID, label: String, in state: inout WizardState) throws {
    // A button has no line of its own here: the form's rows ask what it does (``askRow``), and
    // one that falls through to here is not rendered, which the flow's test then reports.
    guard field.kind != .button else { return }
    if let kind = FlowField(field) { renderedFields.insert(kind) }
    if let hint = Flow.plainHint(field) { say(t(hint)) }
    switch field.kind {
    case .button:
      return
    case .choice:
      // The empty "none" a choice may start with is what Enter keeps, not a number to type.
      let choices = Flow.choices(field, in: pack).filter { !$0.isEmpty }
      say(label)
      for (i, c) in choices.enumerated() { say(t("plain.list.item", ["n": String(i + 1), "name": state.choiceLabel(field, c)])) }
      while true {
        let stored = state.value(field)
        let prompt = stored.isEmpty
          ? t("plain.choice.prompt", ["label": label])
          : t("plain.choice.prompt.keep", ["label": label, "current": state.choiceLabel(field, stored)])
        let line = try ask(prompt).lineTrimmed
        if line.isEmpty { return }
        if line.lowercased() == "q" { throw Stop.quit }
        if isBack(line) { throw Stop.back }
        if let n = Int(line), line.allSatisfy(\.isASCII), choices.indices.contains(n - 1) {
          state.setValue(choices[n - 1], for: field)
          return
        }
        say(t(stored.isEmpty ? "plain.choice.invalid" : "plain.choice.invalid.keep", ["input": line, "max": String(choices.count)]))
      }
    case .text, .number:
      while true {
        let current = shownValue(field, in: state)
        // A date is asked with an example of how to type it, as every date question in line mode.
        let empty = field.isDate ? "plain.prompt.date" : "plain.prompt.optional"
        let prompt = current.isEmpty ? t(empty, ["label": label]) : t("plain.prompt.keep", ["label": label, "current": current])
        let line = try ask(prompt).lineTrimmed
        if line.isEmpty { return }
        try checkCommand(line)
        let (stored, error) = Flow.validate(line, for: field, t)
        if let error {
          say(t(error.key, error.values))
          continue
        }
        state.setValue(stored, for: field)
        if field == .employees, let n = Int(stored) {
          let amo = AboutScreen.amo(n, t)
          if !amo.isEmpty { say(amo) }
        }
        return
      }
    }
  }

  /// What a field holds as the user should hear it: a suggested action's title is the action's
  /// own until the plan gives it another, so that is what Enter keeps.
  private func shownValue(_ field: FieldID, in state: WizardState) -> String {
    let stored = state.value(field)
    guard field == .planTitle, stored.isEmpty, let i = state.planEditorItem, let plan = state.session?.plan, plan.indices.contains(i),
      let action = plan[i].action.flatMap(pack.action)
    else { return stored }
    return t(action.title)
  }

  /// Asks the fields of `form` in the flow's order, as they stand (a participant or voice added
  /// adds its rows): `b` goes back a field, and from the first one out of the form (to the step
  /// before). `before` runs ahead of each field.
  private func askForm(_ form: FlowForm, in state: inout WizardState, before: (FieldID, inout WizardState) throws -> Void = { _, _ in }) throws {
    var i = 0
    var noMoreVoices = false
    while true {
      let fields = Flow.fields(form, in: state)
      guard fields.indices.contains(i) else { return }
      let field = fields[i]
      try before(field, &state)
      do {
        i += try askRow(field, in: &state, noMoreVoices: &noMoreVoices)
      } catch Stop.back {
        guard i > 0 else { throw Stop.back }
        i -= 1
        noMoreVoices = false
      }
    }
  }

  /// One field of a form, with the rows About adds: a participant's name, the button that adds
  /// one (asked as "Deltager n – navn", Enter for no more), a voice's name and the button that adds
  /// one. Returns how many fields to go on by.
  private func askRow(_ field: FieldID, in state: inout WizardState, noMoreVoices: inout Bool) throws -> Int {
    let kind = FlowField(field)
    // The headings before the first participant and the first voice, as the wizard's form has them.
    if field == .participantName(0) || (field == .addParticipant && state.session?.about.participants.isEmpty != false) {
      say()
      // The headings only: the wizard's hints name its keys (Ctrl-D, v), which line mode has not.
      say(t("wizard.about.participants"))
    }
    if field == .voiceName(0) {
      say()
      say(t("wizard.about.voices"))
    }
    switch field {
    case .addParticipant:
      kind.map { _ = renderedFields.insert($0) }
      let n = state.session?.about.participants.count ?? 0
      let name = try ask(t("plain.about.participant", ["n": String(n + 1)])).lineTrimmed
      if name.isEmpty { return 1 }
      try checkCommand(name)
      _ = state.press(.addParticipant)
      state.setValue(name == "-" ? "" : name, for: .participantName(n))
      renderedFields.insert(.participantName)
      // On to the new participant's role, which now stands where the button stood, plus one.
      return 1
    case .participantName(let n):
      try askField(field, label: t("plain.about.participant.label", ["n": String(n + 1)]), in: &state)
      if state.value(field) == "-" { state.setValue("", for: field) }
      return 1
    case .voiceName(let n) where state.value(field).isEmpty:
      // A new session's single voice, unnamed: named as the first of the voices, and Enter here
      // means no voices are named at all.
      kind.map { _ = renderedFields.insert($0) }
      let name = try ask(t("plain.about.voice", ["n": String(n + 1)])).lineTrimmed
      try checkCommand(name)
      if name.isEmpty {
        noMoreVoices = n == (state.session?.voices.count ?? 1) - 1
      } else {
        state.setValue(name, for: field)
      }
      return 1
    case .voiceName(let n):
      try askField(field, label: t("plain.about.voice.label", ["n": String(n + 1)]), in: &state)
      return 1
    case .addVoice:
      kind.map { _ = renderedFields.insert($0) }
      if noMoreVoices { return 1 }
      let n = state.session?.voices.count ?? 1
      let name = try ask(t("plain.about.voice", ["n": String(n + 1)])).lineTrimmed
      if name.isEmpty { return 1 }
      try checkCommand(name)
      _ = state.press(.addVoice)
      state.setValue(name, for: .voiceName(n))
      // The new voice stands where the button stood: the button is asked again, for one more.
      return 1
    default:
      try askField(field, label: t(field.labelKey), in: &state)
      return 1
    }
  }

  /// Step 1: About, from the flow's About form. A new assessment is created once its
  /// workplace, unit, sector and head count are given (before the date), so the end of input
  /// keeps what was typed; an opened one is edited with Enter keeping each stored value.
  private func aboutStep() throws {
    say()
    stepHeader(.about)
    var state = formState()
    state.step = .about
    let isNew = handle == nil
    if isNew && state.session == nil { state.session = newSession(About(date: environment.today())) }
    let blank = state.session
    do {
      try askForm(.about, in: &state) { field, state in
        guard self.handle == nil, field == .date else { return }
        try self.create(state.session!)
        self.say(self.t("wizard.message.created", ["file": self.handle!.id]))
      }
    } catch Stop.back {
      keep(state)
      throw Stop.back
    } catch Stop.failed(let code) {
      throw Stop.failed(code)
    } catch {
      // The end of input or `q`: what was typed is kept, in a session created for it if need be.
      if handle == nil, state.session != blank { try create(state.session!) }
      keep(state)
      throw error
    }
    if handle == nil {
      try create(state.session!)
      say(t("wizard.message.created", ["file": handle!.id]))
    }
    keep(state)
  }

  /// Step 8: the next review's date (the flow's date validation), and the previous round's file.
  private func followUpStep() throws {
    guard session != nil else { return }
    say()
    stepHeader(.followUp)
    say(t("plain.follow-up.intro"))
    var state = formState()
    defer { keep(state) }
    state.step = .followUp
    try askForm(.followUp, in: &state)
    let path = state.session?.followUp.previousRound.trimmingCharacters(in: .whitespaces) ?? ""
    guard !path.isEmpty, let now = state.assessment else { return }
    // The previous round is read, never written (as in the wizard), and compared level by level.
    let previous: Session
    do {
      previous = try environment.readPreviousRound(path)
    } catch {
      say(t("wizard.followup.compare.failed", ["reason": WizardState.reason(error, t.language)]))
      return
    }
    let then = Assessment(session: previous, pack: pack)
    say(t("wizard.followup.compare.title", ["date": previous.about.date]))
    say(t("wizard.followup.compare.risk"))
    for row in now.levels {
      let before = then.levels.first { $0.id == row.id }?.risk.average
      guard before != nil || row.risk.average != nil else { continue }
      say(t("plain.follow-up.level", [
        "level": levelName(row.id), "then": before.map { t.number($0) } ?? "–", "now": row.risk.average.map { t.number($0) } ?? "–",
      ]))
    }
  }

  // MARK: - Review

  /// Step 5: the review's worklist (unanswered, "don't know", disagreements), numbered; a number
  /// answers that statement and comes back here, Enter goes on.
  private func reviewStep() throws {
    guard session != nil else { return }
    say()
    stepHeader(.review)
    while true {
      let state = formState()
      let entries = state.reviewEntries(state.assessment!)
      guard !entries.isEmpty else {
        say(t("wizard.review.all-done"))
        return
      }
      var kind: ReviewEntry.Kind?
      for (i, entry) in entries.enumerated() {
        if entry.kind != kind {
          let count = entries.filter { $0.kind == entry.kind }.count
          say(t("wizard.review.\(entry.kind.rawValue)", ["n": String(count)]))
          kind = entry.kind
        }
        let text = pack.question(entry.question).map { t($0.text) } ?? entry.question
        say(t("plain.list.item", ["n": String(i + 1), "name": text]))
      }
      let line = try ask(t("plain.review.prompt")).lineTrimmed
      if line.isEmpty { return }
      if isBack(line) { throw Stop.back }
      if line.lowercased() == "q" { throw Stop.quit }
      guard let n = Int(line), line.allSatisfy(\.isASCII), entries.indices.contains(n - 1),
        let question = pack.question(entries[n - 1].question)
      else {
        say(t("plain.choice.invalid.review", ["input": line, "max": String(entries.count)]))
        continue
      }
      try answerOnce(question)
    }
  }

  /// One statement asked on its own (from the review): the answer is saved, then back.
  private func answerOnce(_ question: Question) throws {
    show(question, position: 1, of: 1)
    while true {
      let line = try ask(t("plain.answer.prompt"))
      switch PlainCommand.parse(line, scalePoints: pack.info.scale.count) {
      case .skip, .back: return
      case .why: explain(question)
      case .quit: throw Stop.quit
      case .answer(let value, let note):
        guard var s = session else { return }
        let kept = answerNow(question.id, in: s)?.note ?? ""
        setAnswerNow(Answer(value, note: note ?? kept), question.id, in: &s)
        session = s
        if save() { say(t("plain.answer.saved", ["answer": describe(value), "note": ""])) }
        return
      default:
        say(t("plain.answer.invalid", ["input": line.lineTrimmed]))
      }
    }
  }

  /// `igloo --plain` without a file: the saved sessions first, numbered, with 0 (or Enter) for a
  /// new assessment. Returns whether one was opened.
  private func offerSavedSessions() throws -> Bool {
    let saved = environment.listSessions()
    guard !saved.isEmpty else { return false }
    say()
    shownSteps.append(.start)
    say(t("plain.start.saved"))
    say(t("plain.list.item", ["n": "0", "name": t("plain.start.new")]))
    for (i, s) in saved.enumerated() {
      let name = s.workplace.isEmpty ? t("plain.start.unnamed") : s.workplace
      var line = t("plain.start.session", ["name": s.group.isEmpty ? name : t("wizard.start.group-row", ["workplace": name, "group": s.group]),
        "date": s.date, "answered": String(s.answered), "total": String(s.total)])
      if let problem = s.problem { line += " – " + t(problem) }
      say(t("plain.list.item", ["n": String(i + 1), "name": line]))
    }
    while true {
      let line = try ask(t("plain.start.prompt")).lineTrimmed
      if line.isEmpty || line == "0" { return false }
      if line.lowercased() == "q" { throw Stop.quit }
      guard let n = Int(line), line.allSatisfy(\.isASCII), saved.indices.contains(n - 1) else {
        say(t("plain.choice.invalid.new", ["input": line, "max": String(saved.count)]))
        continue
      }
      let chosen = saved[n - 1]
      do {
        session = try environment.open(chosen.handle)
        handle = chosen.handle
      } catch {
        say(t("wizard.message.open-failed", ["reason": WizardState.reason(error, t.language)]))
        continue
      }
      let progress = session!.progress(pack)
      var values = ["file": chosen.handle.id, "answered": String(progress.answered), "total": String(progress.total)]
      values["workplace"] = session!.about.workplace
      say(t(session!.about.workplace.isEmpty ? "plain.resume.unnamed" : "plain.resume", values))
      say(t("plain.resume.about"))
      return true
    }
  }

  private func newSession(_ about: About) -> Session {
    Session(content: ContentRef(pack), about: about)
  }

  private func create(_ new: Session) throws {
    do {
      handle = try environment.create(new)
      session = new
    } catch {
      say(t("plain.create-failed", ["reason": WizardState.reason(error, t.language)]))
      throw Stop.failed(1)
    }
  }

  // MARK: - Scope

  private func scopeStep() throws {
    guard var session else { return }
    say()
    stepHeader(.scope)
    say(t("wizard.scope.intro"))
    let useCases = pack.useCases
    let chosen = Dictionary((session.scope ?? []).map { ($0.useCase, $0) }, uniquingKeysWith: { a, _ in a })
    for (i, useCase) in useCases.enumerated() {
      let values = ["n": String(i + 1), "name": t(useCase.name)]
      if let item = chosen[useCase.id] {
        say(t("plain.scope.chosen", values.merging(["stage": stageName(item.stage)]) { $1 }))
      } else {
        say(t("plain.list.item", values))
      }
    }
    // In the order of the intro's sentence (bruger, afprøver, planlægger, overvejer), as in the wizard.
    let stageWords = Stage.cycleOrder.map { t("plain.stage.\($0.rawValue)") }
    say(
      t(
        "plain.scope.how",
        ["example": t("plain.stage.pilot"), "default": t("plain.stage.in-use"), "stages": stageWords.joined(separator: ", ")]))
    say(t("plain.scope.depth-how", ["quick": t("plain.depth.quick"), "full": t("plain.depth.full")]))
    if session.scope == nil { say(t("plain.scope.unrestricted")) }
    let keepable = session.scope.map { !$0.isEmpty } ?? true
    while true {
      var line = try ask(t(keepable ? "plain.scope.prompt.keep" : "plain.scope.prompt"))
      if isBack(line) { throw Stop.back }
      // The depth is a word on the same line ("12 17:pilot hurtig"), so the scope stays one answer.
      let depthWords = depthVocabulary
      let words = line.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
      if let word = words.last(where: { depthWords[$0.lowercased()] != nil }), let depth = depthWords[word.lowercased()] {
        session.depth = depth
        line = words.filter { depthWords[$0.lowercased()] == nil }.joined(separator: " ")
        if line.isEmpty && !keepable { say(t("plain.scope.empty")); continue }
      }
      switch ScopeInput.parse(line, count: useCases.count, stages: stageVocabulary) {
      case .keep:
        guard keepable else {
          say(t("plain.scope.empty"))
          continue
        }
      case .quit:
        throw Stop.quit
      case .badNumber(let token):
        say(t("plain.scope.bad-number", ["input": token, "max": String(useCases.count)]))
        continue
      case .badStage(let word):
        say(t("plain.scope.bad-stage", ["input": word, "stages": stageWords.joined(separator: ", ")]))
        continue
      case .choose(let choices):
        // The content's order, as the wizard keeps it, so the file and the report list it the same way.
        session.scope = choices.sorted { $0.index < $1.index }.map { choice in
          let id = useCases[choice.index].id
          var item = chosen[id] ?? ScopeItem(useCase: id, stage: .inUse)
          if let stage = choice.stage { item.stage = stage }
          return item
        }
      }
      break
    }
    session.cursor = Step.scope.rawValue
    self.session = session
    save()
    let scopeCount = session.scope?.count ?? 0
    say(
      t(
        "wizard.scope.summary",
        ["count": String(scopeCount), "questions": String(session.applicableQuestions(pack).count)]))
    say(
      t(
        session.depth == .quick ? "plain.scope.depth.quick" : "plain.scope.depth.full",
        [
          "quick": String(session.questions(pack, at: .quick).count), "full": String(session.questions(pack, at: .full).count),
          "word": t(session.depth == .quick ? "plain.depth.full" : "plain.depth.quick"),
        ]))
  }

  /// The words that choose a depth on the scope line, in either language, in lower case.
  private var depthVocabulary: [String: Depth] {
    var out: [String: Depth] = [:]
    for depth in Depth.allCases {
      out[depth.rawValue] = depth
      for language in Language.allCases { out[pack.string("plain.depth.\(depth.rawValue)", language).lowercased()] = depth }
    }
    return out
  }

  /// Every word accepted after the colon, in lower case: the stage ids, the words shown in both
  /// languages, and the wizard's stage names with a hyphen for the space (`i-brug`).
  private var stageVocabulary: [String: Stage] {
    var out: [String: Stage] = [:]
    for stage in Stage.allCases {
      var words = [stage.rawValue]
      for language in Language.allCases {
        words.append(pack.string("plain.stage.\(stage.rawValue)", language))
        let name = pack.string("wizard.stage.\(stage.rawValue)", language).lowercased()
        words.append(name)
        words.append(name.replacingOccurrences(of: " ", with: "-"))
      }
      for word in words { out[word.lowercased()] = out[word.lowercased()] ?? stage }
    }
    return out
  }

  private func stageName(_ stage: Stage) -> String { t("wizard.stage.\(stage.rawValue)") }

  // MARK: - Statements

  /// Where a statement is asked: a level (numbered among the levels that have statements) or
  /// the sickness-absence step.
  private enum Section: Equatable {
    case level(id: String, number: Int, count: Int)
    case absence
  }

  private struct Entry {
    var question: Question
    var section: Section
  }

  /// The voice answers are given as: the first, which is the only one in a session that records no voices.
  private var voice: String { session?.voices.first?.id ?? Voice.single.id }

  /// Who the answers are given as now: a voice, or the agreed answer (`v` switches, as in the wizard).
  private var answering: VoiceChoice?
  private var voiceChoice: VoiceChoice { answering ?? .voice(voice) }

  /// The answer to `question` of the voice answering now.
  private func answerNow(_ question: String, in session: Session?) -> Answer? {
    switch voiceChoice {
    case .agreed: session?.agreed[question]
    case .voice(let id): session?.answer(question, voice: id)
    }
  }

  /// Stores `answer` to `question` as the voice answering now.
  private func setAnswerNow(_ answer: Answer?, _ question: String, in session: inout Session) {
    switch voiceChoice {
    case .agreed: session.agreed[question] = answer
    case .voice(let id): session.setAnswer(answer, question: question, voice: id)
    }
  }

  /// The name of the voice answering now.
  private var voiceNameNow: String {
    switch voiceChoice {
    case .agreed: return t("wizard.voice.agreed")
    case .voice(let id):
      guard let session, let i = session.voices.firstIndex(where: { $0.id == id }) else { return "" }
      return session.voices[i].name.isEmpty ? t("wizard.voice.unnamed", ["n": String(i + 1)]) : session.voices[i].name
    }
  }

  private func entries(_ session: Session) -> [Entry] {
    let applicable = session.applicableQuestions(pack)
    let byLevel = pack.levels.map { level in
      (level, applicable.filter { $0.isScored && pack.level(of: $0) == level.id })
    }.filter { !$0.1.isEmpty }
    var out: [Entry] = []
    for (number, (level, questions)) in byLevel.enumerated() {
      out += questions.map { Entry(question: $0, section: .level(id: level.id, number: number + 1, count: byLevel.count)) }
    }
    out += applicable.filter(\.isAbsence).map { Entry(question: $0, section: .absence) }
    return out
  }

  /// Steps 3 and 4: the statements level by level, then sickness absence; `fromEnd` (back from
  /// the review) starts at the last statement, and `b` at the first goes back to the scope.
  private func questionsStep(fromEnd: Bool) throws {
    guard let start = session else { return }
    let entries = entries(start)
    say()
    stepHeader(.questions)
    guard !entries.isEmpty else {
      say(t("plain.questions.none"))
      return
    }
    if start.voices.count > 1 {
      let name = start.voices[0].name.isEmpty ? t("wizard.voice.unnamed", ["n": "1"]) : start.voices[0].name
      say(t("wizard.questions.answering-as", ["voice": name]))
      say(t("plain.questions.voices"))
    }
    say(t("plain.questions.how"))
    var i = entries.firstIndex { start.answer($0.question.id, voice: voice) == nil } ?? entries.count
    if fromEnd { i = entries.count - 1 }
    if i == entries.count {
      say(t("plain.questions.all-answered", ["total": String(entries.count)]))
      return
    }
    if i > 0 {
      let list = entries.filter { $0.section == entries[i].section }
      let n = (list.firstIndex { $0.question.id == entries[i].question.id } ?? 0) + 1
      say(
        t(
          "plain.questions.resume",
          ["section": sectionName(entries[i].section), "n": String(n), "total": String(list.count)]))
    }
    var shownSection: Section?
    var showStatement = true
    defer {
      // Step 4 is said even when no sickness-absence statement applies, so "Trin 3" is never
      // followed by "Trin 5" without a word about what came between.
      if i >= entries.count, !entries.contains(where: { $0.section == .absence }) {
        say()
        stepHeader(.absence)
        say(t("wizard.absence.none"))
      }
    }
    while i < entries.count {
      let entry = entries[i]
      let inSection = entries.filter { $0.section == entry.section }
      if entry.section != shownSection {
        if entry.section == .absence {
          say()
          stepHeader(.absence)
        }
        say()
        say(header(entry.section, inSection))
        shownSection = entry.section
      }
      let question = entry.question
      if showStatement {
        show(question, position: (inSection.firstIndex { $0.question.id == question.id } ?? 0) + 1, of: inSection.count)
      }
      showStatement = true
      let line = try ask(t("plain.answer.prompt"))
      switch PlainCommand.parse(line, scalePoints: pack.info.scale.count) {
      case .skip:
        i += 1
      case .back:
        if i == 0 {
          throw Stop.back
        } else {
          i -= 1
        }
      case .why:
        explain(question)
        showStatement = false
      case .quit:
        throw Stop.quit
      case .nextVoice:
        // As `v` in the wizard: each voice in turn, then the agreed answer.
        guard let session, session.voices.count > 1 else {
          say(t("wizard.questions.one-voice"))
          showStatement = false
          continue
        }
        let choices = session.voices.map { VoiceChoice.voice($0.id) } + [.agreed]
        let at = choices.firstIndex(of: voiceChoice) ?? 0
        answering = choices[(at + 1) % choices.count]
        say(t("wizard.questions.answering-as", ["voice": voiceNameNow]))
      case .showCase:
        if let session, let c = pack.trainingCase(of: session) {
          showStory(c)
        } else {
          say(t("wizard.case.none"))
        }
        showStatement = false
      case .invalid:
        say(t("plain.answer.invalid", ["input": line.lineTrimmed]))
        showStatement = false
      case .answer(let value, let note):
        let kept = answerNow(question.id, in: session)?.note ?? ""
        i = record(Answer(value, note: note ?? kept), at: i, in: entries)
      case .noteOnly(let note):
        guard let answer = answerNow(question.id, in: session) else {
          say(t("plain.answer.note-first"))
          showStatement = false
          continue
        }
        i = record(Answer(answer.value, note: note), at: i, in: entries)
      }
    }
  }

  private func header(_ section: Section, _ list: [Entry]) -> String {
    let answered = list.filter { answerNow($0.question.id, in: session) != nil }.count
    let progress = t("wizard.questions.answered", ["answered": String(answered), "total": String(list.count)])
    switch section {
    case .level(let id, let number, let count):
      return t(
        "plain.level.header",
        ["n": String(number), "count": String(count), "level": levelName(id), "progress": progress])
    case .absence:
      return t("plain.absence.header", ["intro": t("wizard.absence.intro"), "progress": progress])
    }
  }

  private func sectionName(_ section: Section) -> String {
    switch section {
    case .level(let id, _, _): levelName(id)
    case .absence: t("wizard.step.absence")
    }
  }

  private func levelName(_ id: String) -> String { pack.level(id).map { t($0.name) } ?? id }

  /// `1 Helt uenig, 2 Delvis uenig, …, d Ved ikke, n Ikke relevant`.
  private var scaleOptions: String {
    var options = pack.info.scale.enumerated().map { i, point in
      t("plain.scale.option", ["key": String(i + 1), "label": t(point.label)])
    }
    options.append(t("plain.scale.option", ["key": "d", "label": t("wizard.answer.dont-know")]))
    options.append(t("plain.scale.option", ["key": "n", "label": t("wizard.answer.not-relevant")]))
    return options.joined(separator: ", ")
  }

  private func show(_ question: Question, position: Int, of total: Int) {
    say()
    say(t("plain.statement", ["n": String(position), "total": String(total), "text": t(question.text)]))
    if let finding = pack.leadFinding(of: question) {
      say(t("wizard.source", ["source": pack.source(finding.source, t.language)]))
    }
    if let answer = answerNow(question.id, in: session) {
      let values = ["answer": describe(answer.value), "note": answer.note]
      say(t(answer.note.isEmpty ? "plain.current" : "plain.current.note", values))
    }
    say(t("plain.scale", ["options": scaleOptions]))
  }

  /// "Why we ask": the finding behind the statement, the report's argument and its section.
  private func explain(_ question: Question) {
    let finding = pack.leadFinding(of: question)
    if let finding {
      say(t("plain.why", ["heading": t("wizard.questions.why"), "title": t(finding.title)]))
    } else {
      say(t("wizard.questions.why"))
    }
    if let why = question.why.map({ t($0) }) ?? finding.map({ t($0.summary) }) { say(why) }
    if let finding { say(t("wizard.source", ["source": pack.source(finding.source, t.language)])) }
  }

  private func describe(_ value: AnswerValue) -> String {
    switch value {
    case .point(let p):
      let label = pack.info.scale.indices.contains(p - 1) ? t(pack.info.scale[p - 1].label) : ""
      return label.isEmpty ? String(p) : t("plain.scale.option", ["key": String(p), "label": label])
    case .dontKnow: return t("wizard.answer.dont-know")
    case .notRelevant: return t("wizard.answer.not-relevant")
    }
  }

  /// Stores the answer to `entries[index]`, saves at once, and returns where to go on: the next
  /// statement without an answer.
  ///
  /// After going back to correct an answer, that is where the user was before; in a resumed
  /// session it passes over what was answered last time. Enter alone still steps through every
  /// statement. The cursor points at the same place, so the full-screen wizard resumes there too.
  private func record(_ answer: Answer, at index: Int, in entries: [Entry]) -> Int {
    guard var session else { return index + 1 }
    setAnswerNow(answer, entries[index].question.id, in: &session)
    let next = entries.indices.first { $0 > index && answerNow(entries[$0].question.id, in: session) == nil }
    if let next {
      let step = entries[next].section == .absence ? Step.absence : Step.questions
      session.cursor = step.rawValue + "/" + entries[next].question.id
    } else {
      session.cursor = Step.profile.rawValue
    }
    self.session = session
    if save() {
      let values = ["answer": describe(answer.value), "note": answer.note]
      say(t(answer.note.isEmpty ? "plain.answer.saved" : "plain.answer.saved.note", values))
    }
    return next ?? entries.count
  }

  /// Saves the session; a failure is said in one line, and the next save (at the latest the one
  /// at the end) writes the whole session again.
  @discardableResult
  private func save() -> Bool {
    guard let session, let handle else { return false }
    do {
      try environment.save(session, to: handle)
      return true
    } catch {
      say(t("plain.save-failed", ["reason": WizardState.reason(error, t.language)]))
      return false
    }
  }

  // MARK: - Profile, actions, export

  private func profileStep() {
    guard let session else { return }
    let assessment = Assessment(session: session, pack: pack)
    say()
    stepHeader(.profile)
    // A quick scan says its screenings, under the wizard's own headings, never as residual risk
    // or untapped opportunity (which it has too few answers for).
    let quick = session.depth == .quick
    let progress = session.progress(pack)
    say(
      quick
        ? t("wizard.profile.answered.quick", ["answered": String(progress.answered), "total": String(progress.total)])
        : t("wizard.profile.answered", ["answered": String(assessment.overall.answered), "total": String(assessment.overall.questions)]))
    for row in assessment.levels {
      let risk = quick ? row.screening?.risk : row.risk
      let opportunity = quick ? row.screening?.opportunity : row.opportunity
      // A level the scope does not touch takes one line, not two lines of "nothing".
      guard let risk, let opportunity, risk.findings + opportunity.findings > 0 else {
        say(t("plain.profile.empty-level", ["level": levelName(row.id)]))
        continue
      }
      say(levelName(row.id))
      say(profileLine(t(quick ? "wizard.profile.screening-risk" : "wizard.profile.risk"), risk, kind: .risk))
      say(profileLine(t(quick ? "wizard.profile.screening-opportunity" : "wizard.profile.opportunity"), opportunity, kind: .opportunity))
    }
  }

  private enum Side { case risk, opportunity }

  /// A quick scan's offer to deepen, as `u` and `U` on the wizard's Profile: the findings
  /// screened moderate or high (`u`), or all of them (`U`), get their full statements, which are
  /// asked next; the screening answers stay. Enter goes on to the plan. True when deepened.
  private func offerDeepening() throws -> Bool {
    guard let session, session.depth == .quick else { return false }
    let assessment = Assessment(session: session, pack: pack)
    let left = assessment.findings.filter { !session.deepened.contains($0.finding.id) }.count
    guard left > 0 else { return false }
    say(t("plain.deepen.offer", ["screened": String(assessment.findingsToDeepen.count), "all": String(left)]))
    while true {
      let line = try ask(t("plain.deepen.prompt"))
      let typed = line.lineTrimmed
      if typed.isEmpty { return false }
      try checkCommand(line)
      guard typed == "u" || typed == "U" else {
        say(t("plain.deepen.invalid", ["input": typed]))
        continue
      }
      var state = formState()
      _ = state.deepen(all: typed == "U")
      guard let deepened = state.session, deepened.deepened != session.deepened else {
        say(t("plain.deepen.none-screened"))
        continue
      }
      keep(state)
      if let message = state.message { say(t(message)) }
      return true
    }
  }

  private func profileLine(_ label: String, _ side: Aggregate, kind: Side) -> String {
    guard side.findings > 0 else { return t("plain.profile.value", ["label": label, "value": t("plain.profile.nothing")]) }
    guard let average = side.average, let band = side.band else {
      return t("plain.profile.value", ["label": label, "value": t("wizard.profile.not-enough")])
    }
    var line = t("plain.profile.value", ["label": label, "value": score(average, band)])
    if let id = side.worstFinding, let worst = side.worst, let worstBand = side.worstBand {
      let title = pack.finding(id).map { t($0.shortTitle) } ?? id
      line += " " + t(
        kind == .risk ? "plain.profile.worst" : "plain.profile.largest",
        ["finding": title, "score": t.number(worst), "band": t("wizard.band.\(worstBand.rawValue)")])
    }
    return line
  }

  private func score(_ value: Double, _ band: Band) -> String {
    t("plain.profile.score", ["score": t.number(value), "band": t("wizard.band.\(band.rawValue)")])
  }

  private func actions(_ assessment: Assessment) {
    let all = assessment.recommendations
    say()
    guard !all.isEmpty else {
      stepHeader(.plan)
      say(t("plain.actions.none"))
      return
    }
    let top = all.prefix(5)
    stepHeader(.plan)
    say(
      all.count > top.count
        ? t("plain.actions.title.top", ["n": String(top.count), "total": String(all.count)])
        : t("plain.actions.title", ["total": String(all.count)]))
    // The wizard's own wording of a reason, so both modes explain an action the same way.
    let state = WizardState(pack: pack, language: language, today: environment.today())
    for r in top {
      let kind = t(r.action.collective ? "wizard.plan.collective" : "wizard.plan.individual")
      say(
        t(
          "plain.actions.item",
          ["rank": String(r.rank), "title": t(r.action.title), "level": levelName(r.action.level), "kind": kind]))
      if let reason = r.reasons.first {
        say(t("plain.actions.reason", ["reason": PlanScreen.describe(reason, state)]))
      }
    }
    say(t("plain.actions.more"))
  }

  /// The action plan in lines: the top suggestions, then `a N` accepts suggestion N (then who and
  /// when), `f N` records it as already in place, `e N` and `o` edit every field, `g` records the
  /// approval, `b` goes back to the profile; Enter ends.
  private func planStep() throws {
    guard session != nil else { return }
    let assessment = Assessment(session: session!, pack: pack)
    actions(assessment)
    let top = Array(assessment.recommendations.prefix(5))
    say()
    say(t("plain.plan.intro"))
    while true {
      let line = try ask(t("plain.plan.prompt")).lineTrimmed
      if line.isEmpty { return }
      if isBack(line) { throw Stop.back }
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      if parts == ["g"] {
        try approvalLines()
        continue
      }
      if parts.first == "m" {
        try managementQuestionLines(parts.count == 2 ? Int(parts[1]) : nil)
        continue
      }
      if parts == ["q"] { throw Stop.quit }
      if parts == ["o"] {
        // An own action: the wizard's own fields, level included, asked in the flow's order.
        var plan = session!.plan
        plan.append(PlanItem(action: nil, title: "", level: pack.levels.first?.id ?? "", status: .accepted))
        session!.plan = plan
        try editPlanItem(plan.count - 1)
        continue
      }
      if parts.count == 2, parts[0] == "e" || parts[0] == "x", let n = Int(parts[1]), let r = top.first(where: { $0.rank == n }) {
        var plan = session!.plan
        let i = plan.firstIndex { $0.action == r.action.id } ?? {
          plan.append(PlanItem(action: r.action.id, level: r.action.level, status: .suggested))
          return plan.count - 1
        }()
        if parts[0] == "x" { plan[i].status = .rejected }
        session!.plan = plan
        if parts[0] == "e" {
          try editPlanItem(i)
        } else {
          save()
          say(t("wizard.plan.status-set", ["status": t("wizard.status.rejected")]))
        }
        continue
      }
      guard parts.count == 2, parts[0] == "a" || parts[0] == "f", let n = Int(parts[1]),
        let r = top.first(where: { $0.rank == n })
      else {
        say(t("plain.plan.invalid", ["input": line, "max": String(top.count)]))
        continue
      }
      var plan = session!.plan
      let i = plan.firstIndex { $0.action == r.action.id } ?? {
        plan.append(PlanItem(action: r.action.id, level: r.action.level, status: .suggested))
        return plan.count - 1
      }()
      plan[i].status = parts[0] == "a" ? .accepted : .inPlace
      session!.plan = plan
      if parts[0] == "a" {
        let who = try ask(t("plain.prompt.optional", ["label": t("wizard.plan.field.responsible")])).lineTrimmed
        if who.lowercased() == "q" { throw Stop.quit }
        if !who.isEmpty { session!.plan[i].responsible = who }
        session!.plan[i].deadline = try askDate(t("wizard.plan.field.deadline"), current: session!.plan[i].deadline, field: .planDeadline)
        if session!.plan[i].dateWarnings(today: CalendarDate(environment.today())).contains(.deadlineInPast) {
          say(t("wizard.message.deadline-in-past", ["date": session!.plan[i].deadline]))
        }
      }
      save()
      let item = session!.plan[i]
      let status = t("wizard.status.\(item.status.rawValue)")
      if item.isIncomplete {
        let missing = item.missing.map { t($0 == "responsible" ? "wizard.plan.missing.responsible" : "wizard.plan.missing.deadline") }
        say(t("wizard.plan.status-set", ["status": status]) + " " + t("wizard.plan.incomplete", ["missing": missing.joined(separator: ", ")]))
      } else {
        say(t("wizard.plan.status-set", ["status": status]))
      }
    }
  }

  /// Every field of plan line `index`, as the wizard's action editor has them (``Flow``): what,
  /// who, when, how, follow-up, evaluation and status; Enter keeps a field.
  private func editPlanItem(_ index: Int) throws {
    var state = formState()
    state.step = .plan
    state.planEditorItem = index
    defer { keep(state) }
    let title = state.session!.plan[index].title.isEmpty
      ? (state.session!.plan[index].action.flatMap(pack.action).map { t($0.title) } ?? t("wizard.plan.untitled"))
      : state.session!.plan[index].title
    say(t("plain.plan.editing", ["title": title]))
    do {
      try askForm(.planEditor, in: &state)
    } catch Stop.back {
      // `b` at the first field: back to the plan's prompt, with what was typed kept.
    }
    let item = state.session!.plan[index]
    var line = t("wizard.plan.status-set", ["status": t("wizard.status.\(item.status.rawValue)")])
    if item.isIncomplete { line += " " + t("wizard.plan.incomplete", ["missing": state.missingText(item.missing)]) }
    say(line)
  }

  /// `m` lists the questions to management, numbered, with status and due date; `m N` opens
  /// question N in the flow's question editor (due date, asker, status, the answer's gist and date).
  private func managementQuestionLines(_ number: Int?) throws {
    var state = formState()
    state.step = .plan
    let entries = state.managementQuestionEntries
    guard let number else {
      say(t("wizard.mq.summary", ["n": String(entries.count), "open": String(entries.filter { $0.record.status == .open }.count)]))
      for (i, q) in entries.enumerated() {
        let due = q.record.due.isEmpty ? "" : t("plain.mq.due", ["due": q.record.due])
        say(t("plain.mq.item", ["n": String(i + 1), "text": t(q.question.text), "status": t("report.mq.status.\(q.record.status.rawValue)"), "due": due]))
      }
      if !entries.isEmpty { say(t("plain.mq.how")) }
      return
    }
    guard entries.indices.contains(number - 1) else {
      say(t("plain.mq.invalid", ["input": String(number), "max": String(entries.count)]))
      return
    }
    state.managementQuestionEditing = entries[number - 1].question.id
    defer { keep(state) }
    say(t(entries[number - 1].question.text))
    do {
      try askForm(.questionEditor, in: &state)
    } catch Stop.back {
      // `b` at the first field: back to the plan's prompt, with what was typed kept.
    }
    let record = state.session!.questionRecord(entries[number - 1].question.id)
    say(t("plain.mq.saved", ["status": t("report.mq.status.\(record.status.rawValue)")]))
  }

  /// Who approved the plan (names separated by commas; a participant's name brings their role)
  /// and when (Enter: today).
  private func approvalLines() throws {
    // The approval form's fields in one line each: the names add approvers (a participant's name
    // brings the role), then the date.
    renderedFields.formUnion(FlowForm.approval.kinds)
    let line = try ask(t("plain.plan.approval.names")).lineTrimmed
    if line.lowercased() == "q" { throw Stop.quit }
    let participants = session?.about.participants ?? []
    let by = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { name in
      Participant(name: name, role: participants.first { $0.name == name }?.role ?? "")
    }
    guard !by.isEmpty else {
      session?.approval = nil
      save()
      say(t("wizard.plan.not-approved"))
      return
    }
    var date = try askDate(t("wizard.approval.date"), current: "", field: .approvalDate, prompt: "plain.prompt.date.today")
    if date.isEmpty { date = CalendarDate(typed: environment.today())?.description ?? environment.today() }
    session?.approve(by: by, date: date)
    save()
    say(t("wizard.plan.approved", ["date": date, "by": by.map(\.name).joined(separator: ", ")]))
  }

  /// Asks for a date until one is typed as ISO or the Danish way (stored as ISO), or Enter,
  /// which keeps `current`.
  private func askDate(_ label: String, current: String, field: FieldID, prompt: String = "plain.prompt.date") throws -> String {
    while true {
      let line = try ask(t(prompt, ["label": label])).lineTrimmed
      if line.isEmpty { return current }
      if line.lowercased() == "q" { throw Stop.quit }
      let (stored, error) = Flow.validate(line, for: field, t)
      if let error {
        say(t(error.key, error.values))
        continue
      }
      return stored
    }
  }

  /// Step 9: the format as the flow's choice field, then the path (Enter: the suggested one, `-`:
  /// no export, `b`: the format again), written at once; `b` at the format goes back a step.
  private func exportStep() throws {
    guard let session, let handle else { return }
    say()
    stepHeader(.export)
    var state = formState()
    state.exportFormat = ExportFormat.offered[0]
    while true {
      try askField(.exportFormat, label: t("wizard.export.format"), in: &state)
      let chosen = state.exportFormat
      exportPart = .all
      let suggested = environment.suggestedExportPath(for: session, format: chosen)
      renderedFields.insert(.exportPath)
      say(t("plain.export.intro"))
      if try exportFile(chosen, suggested: suggested, session: session, handle: handle) {
        try otherParts(chosen, suggested: suggested, session: session, handle: handle)
        return
      }
    }
  }

  /// After an export, the other parts of the report in the same format, one at a time: the letter
  /// to management, the agenda, the summary (the flow's part field); Enter, or the end of the
  /// input, is done.
  private func otherParts(_ chosen: ExportFormat, suggested: String, session: Session, handle: SessionHandle) throws {
    while true {
      var state = formState()
      state.exportFormat = chosen
      state.exportPath = suggested
      say(t("plain.export.other-part"))
      do {
        try askField(.exportPart, label: t("wizard.export.part"), in: &state)
      } catch Stop.endOfInput {
        return
      } catch Stop.back {
        return
      }
      guard state.exportPart != .all else { return }
      exportPart = state.exportPart
      defer { exportPart = .all }
      if !(try exportFile(chosen, suggested: state.exportPath, session: session, handle: handle)) { return }
    }
  }

  /// Asks for the path and writes the export (asking before replacing a file); returns false
  /// when the user typed `b` for the format again.
  private func exportFile(_ chosen: ExportFormat, suggested: String, session: Session, handle: SessionHandle) throws -> Bool {
    while true {
      var path = try ask(t("plain.export.prompt", ["path": suggested])).lineTrimmed
      if isBack(path) { return false }
      if path.lowercased() == "q" { throw Stop.quit }
      if path == "-" {
        say(t("plain.export.skipped", ["file": handle.id]))
        return true
      }
      if path.isEmpty { path = suggested }
      renderedFields.insert(.exportButton)
      do {
        // The file name's extension picks the format (.docx, .md, .json, .csv); anything else is the one chosen.
        let format = ExportFormat.named(by: path) ?? chosen
        let assessment = Assessment(session: session, pack: pack)
        let written: String
        do {
          written = try environment.export(assessment, format: format, part: exportPart, language: language, to: path, replacing: false)
        } catch let exists as ExportTargetExists {
          let answer = try ask(t("plain.export.replace", ["path": exists.path])).lineTrimmed.lowercased()
          guard ["j", "ja", "y", "yes"].contains(answer) else { continue }
          written = try environment.export(assessment, format: format, part: exportPart, language: language, to: path, replacing: true)
        }
        say(t("wizard.export.written", ["path": written]))
        return true
      } catch {
        say(t("wizard.export.failed", ["reason": WizardState.reason(error, t.language)]))
      }
    }
  }

  // MARK: - The end

  /// The last save (it also keeps the cursor), where the session is, and the lock let go.
  private func finish() -> Int32 {
    if !atLineStart { say() }
    guard let session, let handle else {
      say(t("plain.nothing-created"))
      return 0
    }
    defer { environment.close(handle) }
    do {
      try environment.save(session, to: handle)
    } catch {
      say(t("plain.not-saved", ["reason": WizardState.reason(error, t.language)]))
      return 1
    }
    say(t("plain.saved-in", ["file": handle.id]))
    say(t("plain.resume-with", ["command": Self.resumeCommand(handle, language: language)]))
    return 0
  }

  /// The exact command that opens the session again in line mode, the path quoted for a POSIX
  /// shell when it needs it.
  static func resumeCommand(_ handle: SessionHandle, language: Language) -> String {
    let path = handle.id
    let plainChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:@,")
    // A literal search: the default one takes a quote and a combining mark after it as one
    // character and would leave that quote to end the shell's quoted word.
    let quoted = !path.isEmpty && path.allSatisfy(plainChars.contains) ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''", options: .literal) + "'"
    return "igloo resume \(quoted) --plain --lang \(language.rawValue)"
  }
}

extension PlainWizard {
  /// Standard input, one line at a time; with `echo`, each line is also written to standard
  /// output, so that a transcript of piped input reads like the session at a terminal.
  public static func readStandardInput(echo: Bool) -> Input {
    {
      guard let line = readLine(strippingNewline: true) else { return nil }
      if echo { writeStandardOutput(SafeText.visible(line) + "\n") }
      return line
    }
  }

  /// Writes to standard output at once: prompts end without a line end, and a line-buffered
  /// stream would hold them back until after the answer.
  ///
  /// A standard output that fails (a full disk, a closed descriptor) ends igloo with one line on
  /// standard error and exit code 1: every answer is already saved, and a dialogue nobody can see
  /// must not go on.
  public static func writeStandardOutput(_ text: String) {
    do {
      try StandardOutput.write(text)
    } catch {
      FileHandle.standardError.write(Data("igloo: \(error)\n".utf8))
      exit(1)
    }
  }
}
