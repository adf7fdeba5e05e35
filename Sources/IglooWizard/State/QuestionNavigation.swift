import IglooContent
import IglooEngine

extension WizardState {
  /// The scored questions that apply in scope, at `level`, in the pack's order.
  public func questions(atLevel level: String) -> [Question] {
    guard let session else { return [] }
    return session.questions(pack, atLevel: level)
  }

  /// The sickness-absence questions that apply.
  public var absenceQuestions: [Question] {
    guard let session else { return [] }
    return session.absenceQuestions(pack)
  }

  /// The levels that have applicable questions, in the model's order.
  public var levelsWithQuestions: [Level] { pack.levels.filter { !questions(atLevel: $0.id).isEmpty } }

  /// The questions of the screen on display (a level's, or the absence step's).
  public var currentQuestionList: [Question] {
    step == .absence ? absenceQuestions : questions(atLevel: questionLevel)
  }

  /// The index of the question on display in ``currentQuestionList``.
  public var currentQuestionIndex: Int {
    let list = currentQuestionList
    let id = step == .absence ? absenceID : questionID
    return list.firstIndex { $0.id == id } ?? 0
  }

  /// The question on display, if any applies.
  public var currentQuestion: Question? {
    let list = currentQuestionList
    return list.isEmpty ? nil : list[min(currentQuestionIndex, list.count - 1)]
  }

  /// The answer the selected voice (or the agreed answer) gave to `question`.
  public func currentAnswer(_ question: String) -> Answer? {
    guard let session else { return nil }
    switch voice {
    case .agreed: return session.agreed[question]
    case .voice(let id): return session.answer(question, voice: id)
    }
  }

  /// The note shown for `question`: the answer's, or one typed before answering.
  public func note(for question: String) -> String {
    currentAnswer(question)?.note ?? pendingNotes[question] ?? ""
  }

  /// How many of `questions` the selected voice has answered.
  public func answeredCount(_ questions: [Question]) -> Int {
    questions.filter { currentAnswer($0.id) != nil }.count
  }

  /// The highlight row that shows `answer`: 0–4 for the scale, 5 "don't know", 6 "not relevant".
  static func highlightRow(_ answer: Answer?) -> Int {
    switch answer?.value {
    case .point(let p)?: max(0, min(4, p - 1))
    case .dontKnow?: 5
    case .notRelevant?: 6
    case nil: 0
    }
  }

  /// Shows `question` (by id) on the questions or absence screen.
  mutating func show(question id: String?) {
    if step == .absence {
      absenceID = id
    } else {
      questionID = id
    }
    highlight = Self.highlightRow(id.flatMap(currentAnswer))
  }

  /// Jumps to `question` wherever it is: its level on the questions screen, or the absence step.
  /// Returns the effects of leaving the field being edited (its save), for the caller to pass on.
  mutating func jump(to questionID: String) -> [Effect] {
    guard let q = pack.question(questionID) else { return [] }
    // The field being left may hold typed text: its save is passed on, never dropped (issue 29).
    let effects = commitEditor()
    switch q.kind {
    case .absence: step = .absence
    case .finding:
      step = .questions
      if let level = pack.level(of: q) { questionLevel = level }
    }
    show(question: q.id)
    return effects
  }

  /// Records `value` for the question on display as the selected voice, keeping its note.
  mutating func record(_ value: AnswerValue?) -> Bool {
    guard var s = session, let q = currentQuestion else { return false }
    let note = note(for: q.id)
    // The pending note joins the answer (or stays pending when the answer is cleared).
    s.pendingNotes[q.id] = value == nil && !note.isEmpty ? note : nil
    let answer = value.map { Answer($0, note: note) }
    switch voice {
    case .agreed: s.agreed[q.id] = answer
    case .voice(let id): s.setAnswer(answer, question: q.id, voice: id)
    }
    let changed = s != session
    session = s
    return changed
  }

  /// Stores a note for `question`: with the answer if there is one, otherwise until it comes.
  mutating func setNote(_ text: String, for question: String) -> Bool {
    guard var s = session else { return false }
    guard var answer = currentAnswer(question) else {
      let before = session
      pendingNotes[question] = text.isEmpty ? nil : text
      message = text.isEmpty ? nil : Message("wizard.questions.note-pending")
      return session != before
    }
    answer.note = text
    switch voice {
    case .agreed: s.agreed[question] = answer
    case .voice(let id): s.setAnswer(answer, question: question, voice: id)
    }
    let changed = s != session
    session = s
    return changed
  }

  /// Moves to the next question, across levels; past the last one, to the next step.
  mutating func advance() {
    let list = currentQuestionList
    let i = currentQuestionIndex
    let current = currentQuestion
    if let next = list.dropFirst(i + 1).first(where: { !isPassedOver($0, from: current) }) {
      show(question: next.id)
      return
    }
    if step == .questions {
      let levels = levelsWithQuestions.map(\.id)
      var at = levels.firstIndex(of: questionLevel)
      while let level = at, level + 1 < levels.count {
        // Deepening passes over levels whose statements are all answered screenings.
        guard let next = questions(atLevel: levels[level + 1]).first(where: { !isPassedOver($0, from: current) }) else {
          at = level + 1
          continue
        }
        questionLevel = levels[level + 1]
        show(question: next.id)
        message = Message("wizard.questions.next-level", ["level": levelName(questionLevel)], style: .good)
        return
      }
      step = absenceQuestions.isEmpty ? .review : .absence
      if step == .absence { show(question: absenceID ?? absenceQuestions.first?.id) }
      message = Message("wizard.questions.all-levels-done", style: .good)
    } else {
      step = .review
      // "Here is what is missing" only when something is.
      let missing = assessment.map { !reviewEntries($0).isEmpty } ?? false
      message = Message(missing ? "wizard.questions.absence-done" : "wizard.questions.absence-done.complete", style: .good)
    }
  }

  /// Moves to the previous question, across levels.
  mutating func retreat() {
    let list = currentQuestionList
    let i = currentQuestionIndex
    if i > 0 && i - 1 < list.count {
      show(question: list[i - 1].id)
      return
    }
    guard step == .questions else { return }
    let levels = levelsWithQuestions.map(\.id)
    if let at = levels.firstIndex(of: questionLevel), at > 0 {
      questionLevel = levels[at - 1]
      show(question: questions(atLevel: questionLevel).last?.id)
    }
  }

  /// The name of the level with `id`.
  public func levelName(_ id: String) -> String { pack.level(id).map { localizer($0.name) } ?? id }

  /// The voices the `v` key cycles through: each voice, then the agreed answer when there are
  /// several voices (with one voice, its answer is the agreed one).
  public var voiceChoices: [VoiceChoice] {
    guard let session else { return [] }
    let voices = session.voices.map { VoiceChoice.voice($0.id) }
    return voices.count > 1 ? voices + [.agreed] : voices
  }

  /// Makes sure the selected voice still exists.
  mutating func normaliseVoice() {
    let choices = voiceChoices
    if !choices.contains(voice), let first = choices.first { voice = first }
  }
}
