import IglooContent
import IglooEngine

/// One thing a typed line asks of the wizard: one of its own actions, or text typed into the
/// field being edited.
public enum PlainInput: Equatable, Sendable {
  /// A wizard action, sent through ``WizardState/perform(_:)`` as a key would send it.
  case action(WizardAction)
  /// Text typed into the field being edited, as keys would type it.
  case type(String)
}

/// What one line typed in line mode means.
public enum PlainLine: Equatable, Sendable {
  /// The wizard's actions (and typed text) to send, in order.
  case inputs([PlainInput])
  /// The commands that work here, said by the view; nothing changes.
  case help
  /// What the step shows, said again from its start (`l`); nothing changes.
  case again
  /// A line that means nothing here; the view says what does.
  case invalid(String)
}

/// Line mode's input reader: turns a typed line into the wizard's own actions for whatever the
/// state shows. It holds no rule of the flow: what an action does (validation, navigation,
/// voices, plan editing, approval, deepening, export) is the state machine's, as it is for a key.
///
/// Commands are letters a synthesiser says as letters ("h" for help, "b" for back, "q" to stop),
/// and words for the rest (`gå 3`, `niveau G`, `sprog`). In a text field every other line is the
/// field's text.
public enum PlainReader {
  /// The meaning of `line` for `state`.
  public static func read(_ line: String, _ state: WizardState) -> PlainLine {
    let text = line.lineTrimmed
    let lower = text.lowercased()
    let words = lower.split(whereSeparator: \.isWhitespace).map(String.init)

    // A yes/no question takes only yes or no.
    if case .confirm? = state.overlay {
      if ["j", "ja", "y", "yes"].contains(lower) { return act(.confirm) }
      if ["n", "nej", "no"].contains(lower) { return act(.deny) }
      return .invalid(text)
    }
    // A training case opened for a new group: the line is the group's name.
    if case .trainingCase(_, _, true)? = state.overlay {
      if lower == "q" { return act(.close, .quit) }
      // An empty name is the state's to refuse, with its own message.
      return .inputs((text.isEmpty ? [] : [.type(text)]) + [.action(.startCase)])
    }
    // Anything else drawn over the step is closed by the next line, which then counts as usual.
    var prefix: [PlainInput] = []
    if let overlay = state.overlay, !isQuestion(overlay) { prefix = [.action(.close)] }
    // A text opened in its own line (a note, a use case's local name, whatever a step opens so):
    // the line is its text; Enter keeps it, `-` empties it.
    if prefix.isEmpty, let editor = state.editor, editor.field.isInline {
      if text.isEmpty { return act(.commitEdit) }
      var out: [PlainInput] = [.action(.cursorEnd), .action(.clearToStart)]
      if text != "-" { out.append(.type(text)) }
      return .inputs(out + [.action(.commitEdit)])
    }

    switch lower {
    case "q": return .inputs(prefix + [.action(.quit)])
    case "h", "?": return .help
    case "sprog", "language": return .inputs(prefix + [.action(.switchLanguage)])
    default: break
    }
    if words.count >= 2, ["gå", "ga", "go", "trin", "step"].contains(words[0]) {
      guard state.session != nil, let n = stepNumber(words.dropFirst().joined(separator: " "), state) else { return .invalid(text) }
      return .inputs(prefix + [.action(.goToStep), .action(.pick(n))])
    }
    if words.count == 2, ["niveau", "level"].contains(words[0]), state.session != nil {
      guard let i = levelIndex(words[1], state) else { return .invalid(text) }
      var out = prefix
      if state.step != .questions { out += [.action(.goToStep), .action(.pick(Step.questions.number))] }
      out += [.action(.chooseLevel), .action(.firstItem)] + Array(repeating: .action(.nextItem), count: i) + [.action(.activate)]
      return .inputs(out)
    }

    if lower == "l", state.focusedFormField == nil, state.overlay == nil { return .again }
    let body: PlainLine
    if state.step == .start {
      body = start(text, state)
    } else if let field = state.focusedFormField {
      body = form(text, field, state)
    } else {
      switch state.step {
      case .scope: body = scope(text, words, state)
      case .questions, .absence: body = statement(text, state)
      case .review: body = numbered(text, count: state.assessment.map { state.reviewEntries($0).count } ?? 0, then: .activate)
      case .profile: body = profile(lower)
      case .plan where state.managementQuestionsShown: body = managementQuestions(words, text, state)
      case .plan: body = plan(words, text, state)
      default: body = text.isEmpty ? act(.nextStep) : (lower == "b" ? act(.previousStep) : .invalid(text))
      }
    }
    guard case .inputs(let inputs) = body else { return body }
    return .inputs(prefix + inputs)
  }

  private static func isQuestion(_ overlay: Overlay) -> Bool {
    if case .confirm = overlay { return true }
    return false
  }

  private static func act(_ actions: WizardAction...) -> PlainLine { .inputs(actions.map(PlainInput.action)) }

  /// Selects item `n` (1-based) of the list on display, then does `then` to it.
  private static func select(_ n: Int, then: [WizardAction]) -> [PlainInput] {
    ([.firstItem] + Array(repeating: .nextItem, count: n - 1) + then).map(PlainInput.action)
  }

  /// `n` among 1…`count` picks that entry; Enter goes on to the next step.
  private static func numbered(_ text: String, count: Int, then: WizardAction) -> PlainLine {
    if text.isEmpty { return act(.nextStep) }
    if text.lowercased() == "b" { return act(.previousStep) }
    guard let n = number(text), (1...max(1, count)).contains(n), count > 0 else { return .invalid(text) }
    return .inputs(select(n, then: [then]))
  }

  private static func number(_ text: String) -> Int? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }

  /// A step's number (1–9) by its number, or by the start of its name in either language.
  static func stepNumber(_ word: String, _ state: WizardState) -> Int? {
    let steps = Flow.numberedSteps
    if let n = number(word) { return steps.indices.contains(n - 1) ? n : nil }
    for language in Language.allCases {
      let t = Localizer(pack: state.pack, language: language)
      if let i = steps.firstIndex(where: { t($0.shortKey).lowercased().hasPrefix(word) || t($0.titleKey).lowercased().hasPrefix(word) }) {
        return i + 1
      }
    }
    return nil
  }

  /// A level by its number, its letter or its name.
  static func levelIndex(_ word: String, _ state: WizardState) -> Int? {
    let levels = state.pack.levels
    if let n = number(word), levels.indices.contains(n - 1) { return n - 1 }
    return levels.firstIndex { level in
      level.shortcut.lowercased() == word || level.id.lowercased() == word
        || Language.allCases.contains { level.name[$0].lowercased() == word }
    }
  }

  // MARK: The steps

  /// The start screen's entries are numbered from 0 (a new assessment) as the view lists them.
  private static func start(_ text: String, _ state: WizardState) -> PlainLine {
    if text.isEmpty { return .inputs(select(1, then: [.activate])) }
    guard let n = number(text), state.startEntries.indices.contains(n) else { return .invalid(text) }
    return .inputs(select(n + 1, then: [.activate]))
  }

  /// A form field: the line is its text, the number of a choice, or yes for a button; Enter keeps
  /// what is there and goes on; `-` empties a text; `b` goes back a field.
  private static func form(_ text: String, _ field: FieldID, _ state: WizardState) -> PlainLine {
    let (_, first, last) = formPosition(state)
    let lower = text.lowercased()
    let onward: [WizardAction] = last ? finishForm(state) : [.nextField]
    if lower == "b" { return act(first ? backFromForm(state) : .previousField) }
    switch field.kind {
    case .text, .number:
      if text.isEmpty { return .inputs(onward.map(PlainInput.action)) }
      // A bare number at the file name is a format chosen one prompt late, not a file called "2".
      if field == .exportPath, number(text) != nil { return .invalid(text) }
      let typed = text == "-" ? "" : text
      var out: [PlainInput] = [.action(.cursorEnd), .action(.clearToStart)]
      if !typed.isEmpty { out.append(.type(typed)) }
      // Leaving the field stores it through the state's one validation, which may refuse it.
      return .inputs(out + onward.map(PlainInput.action))
    case .choice:
      if text.isEmpty { return .inputs(onward.map(PlainInput.action)) }
      let options = Flow.choices(field, in: state.pack)
      guard let n = number(text), (1...max(1, options.count)).contains(n) else { return .invalid(text) }
      let at = options.firstIndex(of: state.value(field)) ?? -1
      let steps = (n - 1 - at + options.count) % options.count
      return .inputs(Array(repeating: PlainInput.action(.nextChoice), count: steps) + onward.map(PlainInput.action))
    case .button:
      // The export is the form's purpose: Enter writes it, and the format is asked again for the next one.
      if field == .exportButton {
        guard text.isEmpty || ["j", "ja", "y", "yes"].contains(lower) else { return .invalid(text) }
        // Back to the format by as many fields as the form has before the button.
        let (fields, _, _) = formPosition(state)
        return .inputs(([.activate] + Array(repeating: WizardAction.previousField, count: max(0, fields.count - 1))).map(PlainInput.action))
      }
      if ["j", "ja", "y", "yes"].contains(lower) { return act(.activate) }
      if text.isEmpty { return .inputs(onward.map(PlainInput.action)) }
      return .invalid(text)
    }
  }

  /// The fields of the form on display, and whether the focus is on its first and its last.
  static func formPosition(_ state: WizardState) -> (fields: [FieldID], first: Bool, last: Bool) {
    let (form, focus) = currentForm(state)
    let fields = Flow.fields(form, in: state)
    return (fields, focus <= 0, focus >= fields.count - 1)
  }

  /// The form on display and its focus.
  static func currentForm(_ state: WizardState) -> (FlowForm, Int) {
    switch state.step {
    case .plan:
      if state.managementQuestionEditing != nil { return (.questionEditor, state.managementQuestionFocus) }
      return state.approvalEditing ? (.approval, state.approvalFocus) : (.planEditor, state.planEditorFocus)
    case .followUp: return (.followUp, state.followUpFocus)
    case .export: return (.export, state.exportFocus)
    default: return (.about, state.aboutFocus)
    }
  }

  private static func finishForm(_ state: WizardState) -> [WizardAction] {
    state.step == .plan ? [.close] : [.nextStep]
  }

  private static func backFromForm(_ state: WizardState) -> WizardAction {
    state.step == .plan ? .close : .previousStep
  }

  /// Scope: numbers take use cases in or out (`12:pilot` also sets the stage), a depth word sets
  /// the depth, Enter goes on.
  private static func scope(_ text: String, _ words: [String], _ state: WizardState) -> PlainLine {
    if text.isEmpty { return act(.nextStep) }
    if text.lowercased() == "b" { return act(.previousStep) }
    guard let session = state.session else { return .invalid(text) }
    let useCases = state.pack.useCases
    // `navn 12 KundeBot`: what the workplace calls use case 12.
    if words.count >= 2, ["navn", "name"].contains(words[0]), let n = number(words[1]), useCases.indices.contains(n - 1) {
      let name = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).dropFirst(2).first.map(String.init) ?? ""
      var out = select(n, then: [.editScopeNote, .cursorEnd, .clearToStart])
      if !name.isEmpty { out.append(.type(name)) }
      return .inputs(out + [.action(.commitEdit)])
    }
    // `følelser 3 nej`: whether use case 3's system infers emotions, asked where the ban turns on it.
    if words.count >= 3, [t(state, "plain.emotions.command", .da), t(state, "plain.emotions.command", .en)].contains(words[0]),
      let n = number(words[1]), useCases.indices.contains(n - 1)
    {
      let said = words.dropFirst(2).joined(separator: " ")
      guard let target = emotionsWord(said, state) else { return .invalid(text) }
      var current = session.scope?.first { $0.useCase == useCases[n - 1].id }?.infersEmotions
      var cycles: [WizardAction] = [.cycleInfersEmotions]
      // The state says why when the use case is out of scope or not asked; one cycle lets it.
      if current != nil || session.scope?.contains(where: { $0.useCase == useCases[n - 1].id }) == true,
        Flow.asksInfersEmotions(useCases[n - 1].id, state.pack)
      {
        cycles = []
        while (current ?? .dontKnow) != target {
          current = InfersEmotions.next(after: current)
          cycles.append(.cycleInfersEmotions)
        }
        if cycles.isEmpty { return .inputs([]) }
      }
      return .inputs(select(n, then: cycles))
    }
    var scope = session.scope ?? []
    var depth = session.depth
    var out: [PlainInput] = []
    let tokens = text.replacingOccurrences(of: #"\s*:\s*"#, with: ":", options: .regularExpression)
      .split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map { String($0).lowercased() }
    for token in tokens {
      if let d = depthWord(token, state) {
        if d != depth {
          out.append(.action(.toggleDepth))
          depth = d
        }
        continue
      }
      let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
      guard let n = number(parts[0]), useCases.indices.contains(n - 1) else { return .invalid(text) }
      let id = useCases[n - 1].id
      var actions: [WizardAction] = []
      let inScope = scope.contains { $0.useCase == id }
      if parts.count == 2 {
        guard let stage = stageWord(parts[1], state) else { return .invalid(text) }
        if !inScope {
          actions.append(.toggleUseCase)
          scope.append(ScopeItem(useCase: id, stage: .inUse))
        }
        let order = Stage.cycleOrder
        let from = order.firstIndex(of: scope.first { $0.useCase == id }!.stage) ?? 0
        let to = order.firstIndex(of: stage) ?? 0
        actions += Array(repeating: .nextStage, count: (to - from + order.count) % order.count)
        if let i = scope.firstIndex(where: { $0.useCase == id }) { scope[i].stage = stage }
      } else {
        actions.append(.toggleUseCase)
        if inScope { scope.removeAll { $0.useCase == id } } else { scope.append(ScopeItem(useCase: id, stage: .inUse)) }
      }
      out += select(n, then: actions)
    }
    return .inputs(out)
  }

  /// The depth a word names, in either language.
  static func depthWord(_ word: String, _ state: WizardState) -> Depth? {
    for depth in [Depth.quick, .full] {
      for language in Language.allCases {
        let name = Localizer(pack: state.pack, language: language)("plain.depth.\(depth.rawValue)").lowercased()
        if name == word { return depth }
      }
    }
    return nil
  }

  /// The answer on emotions a word names, in either language.
  static func emotionsWord(_ said: String, _ state: WizardState) -> InfersEmotions? {
    for value in [InfersEmotions.yes, .no, .dontKnow] {
      for language in Language.allCases
      where Localizer(pack: state.pack, language: language)("plain.emotions.\(value.rawValue)").lowercased() == said { return value }
    }
    return nil
  }

  private static func t(_ state: WizardState, _ key: String, _ language: Language) -> String {
    Localizer(pack: state.pack, language: language)(key).lowercased()
  }

  /// The stage a word names, in either language.
  static func stageWord(_ word: String, _ state: WizardState) -> Stage? {
    for stage in Stage.cycleOrder {
      if stage.rawValue == word { return stage }
      for language in Language.allCases
      where Localizer(pack: state.pack, language: language)("plain.stage.\(stage.rawValue)").lowercased() == word { return stage }
    }
    return nil
  }

  /// A statement: `1`–`5`, `d` (don't know), `n` (not relevant), each with an optional `# note`;
  /// `# note` alone; `v` for the next voice; `s` or Enter skips; `b` goes back; `x` removes the answer.
  private static func statement(_ text: String, _ state: WizardState) -> PlainLine {
    guard state.currentQuestion != nil else {
      return text.isEmpty ? act(.nextStep) : (text.lowercased() == "b" ? act(.previousStep) : .invalid(text))
    }
    var head = text
    var note: String?
    if let hash = text.firstIndex(of: "#") {
      head = String(text[..<hash]).lineTrimmed
      note = String(text[text.index(after: hash)...]).lineTrimmed
    }
    var out: [PlainInput] = []
    if let note {
      // The note first: the state keeps a note typed before the answer and joins it to the answer.
      out += [.action(.editNote), .action(.cursorEnd), .action(.clearToStart)]
      if !note.isEmpty { out.append(.type(note)) }
      out.append(.action(.commitEdit))
    }
    let word = head.lowercased()
    if word.isEmpty { return note == nil ? act(.nextQuestion) : .inputs(out) }
    if let n = number(word), (1...max(1, state.pack.info.scale.count)).contains(n) { return .inputs(out + [.action(.answer(n))]) }
    guard note == nil else { return .invalid(text) }
    switch word {
    case "d": return act(.dontKnow)
    case "n": return act(.notRelevant)
    case "s": return act(.nextQuestion)
    case "b": return act(.previousQuestion)
    case "v": return act(.nextVoice)
    case "x": return act(.clearAnswer)
    case "c": return act(.showCase)
    default: return .invalid(text)
    }
  }

  /// Profile: `u` deepens what the quick scan screened moderate or high, `u alle` every finding.
  private static func profile(_ lower: String) -> PlainLine {
    switch lower {
    case "": return act(.nextStep)
    case "b": return act(.previousStep)
    case "u": return act(.deepenScreened)
    case "u alle", "u all": return act(.deepenAll)
    default: return .invalid(lower)
    }
  }

  /// The plan's commands: a letter and the number of a line of the listing.
  private static func plan(_ words: [String], _ text: String, _ state: WizardState) -> PlainLine {
    if text.isEmpty { return act(.nextStep) }
    let count = state.assessment.map { state.planEntries($0).count } ?? 0
    switch words.first {
    case "b" where words.count == 1: return act(.previousStep)
    case "o" where words.count == 1: return act(.addOwnAction)
    case "g" where words.count == 1: return act(.approvePlan)
    case "m" where words.count == 1: return act(.showManagementQuestions)
    case "m" where words.count == 2:
      // `m 2`: the list the Plan step's key opens, then question 2 in its editor.
      guard let opened = openQuestion(words[1], state) else { return .invalid(text) }
      return .inputs([.action(.showManagementQuestions)] + opened)
    default: break
    }
    let commands: [String: WizardAction] = [
      "a": .accept, "x": .reject, "e": .editAction, "f": .markInPlace, "s": .cycleStatus, "d": .deleteAction,
    ]
    guard words.count == 2, let action = commands[words[0]], let n = number(words[1]), (1...max(1, count)).contains(n), count > 0
    else { return .invalid(text) }
    return .inputs(select(n, then: [action]))
  }
}

extension PlainReader {
  /// The questions to management listed on the Plan step: `N` (or `m N`) opens question N in its
  /// editor; Enter or `b` goes back to the plan.
  fileprivate static func managementQuestions(_ words: [String], _ text: String, _ state: WizardState) -> PlainLine {
    if text.isEmpty || words == ["b"] || words == ["m"] { return act(.close) }
    let word = words.count == 2 && words[0] == "m" ? words[1] : (words.count == 1 ? words[0] : "")
    guard let opened = openQuestion(word, state) else { return .invalid(text) }
    return .inputs(opened)
  }

  /// Selects question `word` (1-based) of the list and opens its editor, as the list's keys do.
  fileprivate static func openQuestion(_ word: String, _ state: WizardState) -> [PlainInput]? {
    let count = state.managementQuestionEntries.count
    guard let n = number(word), count > 0, (1...count).contains(n) else { return nil }
    return select(n, then: [.editAction])
  }
}

extension String {
  /// Without the spaces, tabs and line ends (a `\r` from a Windows file) around it.
  var lineTrimmed: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
