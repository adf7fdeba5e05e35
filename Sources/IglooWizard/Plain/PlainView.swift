import IglooContent
import IglooEngine

/// Line mode's view: what the wizard's state shows, said as lines of text written for the ear.
///
/// It reads only the state (the step, the focused field of the one field definitions, the
/// statement and voice, the assessment, the message) and remembers what it has said already, so
/// that a step's heading, a level's scale and a finding's source are said once, not on every line.
/// Every line is wrapped at ``width`` at word boundaries, and the separators a synthesiser drops
/// or misreads are said in words (``PlainView/forTheEar(_:_:)``).
public struct PlainView {
  /// The width lines are wrapped at: the terminal's, or 80.
  public var width: Int

  /// What was said last, to say only what changed.
  private var lastStep: Step?
  private var lastPlace: String?
  private var lastLevel: String?
  private var lastVoice: VoiceChoice?
  /// The source last said.
  private var lastFinding: String?
  private var lastOverlay: Overlay?
  private var lastLanguage: Language?
  private var lastExport: ExportResult?
  private var lastPlan: [String] = []
  private var lastScope: [ScopeItem]??
  private var lastDepth: Depth?
  /// The list of questions to management last said, and the question last open in its editor.
  private var lastQuestions: [String] = []
  private var lastQuestionEditing: String?

  /// A view that wraps at `width` columns.
  public init(width: Int = 80) { self.width = max(20, width) }

  /// What to say after a line was handled: the message, then whatever is new on screen, then
  /// the prompt (without a line end).
  public mutating func say(_ state: WizardState) -> (lines: [String], prompt: String) {
    let t = state.localizer
    var out: [String] = []
    if lastLanguage != nil, lastLanguage != state.language { lastStep = nil }
    lastLanguage = state.language
    // The level's heading says the next level, and the voice line the voice.
    if let message = state.message, !["wizard.questions.next-level", "wizard.questions.answering-as"].contains(message.key) {
      out.append(plainMessage(message, state))
    }
    if let result = state.exportResult, result != lastExport {
      switch result {
      case .written(let path): out.append(t("plain.export.written", ["file": path]))
      case .failed(let path, let reason): out.append(t("plain.export.failed", ["file": path, "reason": reason]))
      }
    }
    if case .written? = state.exportResult, state.exportResult != lastExport { out.append(t("plain.export.other-part")) }
    lastExport = state.exportResult
    if let id = lastQuestionEditing, state.managementQuestionEditing != id, let session = state.session {
      out.append(t("plain.mq.saved", ["status": t("report.mq.status.\(session.questionRecord(id).status.rawValue)")]))
    }
    lastQuestionEditing = state.managementQuestionEditing
    if state.step != lastStep {
      lastStep = state.step
      lastPlace = nil
      lastLevel = nil
      lastFinding = nil
      lastPlan = []
      lastScope = nil
      lastDepth = nil
      if state.step != .start {
        out.append("")
        out.append(t("plain.step", ["n": String(state.step.number), "total": String(Flow.numberedSteps.count), "title": t(state.step.titleKey)]))
      }
      out += stepIntro(state)
    }
    let prompt: String
    if let overlay = state.overlay {
      (out, prompt) = overlayLines(overlay, state, out)
    } else if let editor = state.editor, editor.field.isInline {
      // A text opened in its own line: its label and what it holds.
      let label = t(editor.field.labelKey)
      let current = editor.buffer.text
      prompt = t(current.isEmpty ? "plain.prompt.text" : "plain.prompt.keep", ["label": label, "current": current])
    } else if let field = state.focusedFormField {
      prompt = fieldPrompt(field, state, &out)
    } else {
      lastOverlay = nil
      prompt = stepPrompt(state, &out)
    }
    var lines = out.flatMap { wrap(Self.forTheEar($0, state.language)) }
    // A prompt wider than the line is wrapped too; its last line is where the answer is typed.
    var promptLines = wrap(Self.forTheEar(prompt, state.language))
    let last = promptLines.popLast() ?? ""
    lines += promptLines
    return (lines, prompt.hasSuffix(" ") && !last.hasSuffix(" ") ? last + " " : last)
  }

  /// Forgets what was said on the step, so that the next ``say(_:)`` says it from its start.
  public mutating func sayAgain() {
    lastStep = nil
    lastVoice = nil
  }

  /// The commands that work where the state is, for `h`.
  public func help(_ state: WizardState) -> [String] {
    let t = state.localizer
    var lines: [String] = []
    if case .confirm? = state.overlay {
      lines.append(t("plain.help.confirm"))
    } else if state.focusedFormField != nil {
      lines.append(t("plain.help.form"))
    } else {
      switch state.step {
      case .questions, .absence:
        lines.append(scaleLine(state))
        lines.append(t("plain.help.statement"))
        if let question = state.currentQuestion { lines += why(question, state) }
      default: lines.append(t("plain.help.\(state.step.rawValue)"))
      }
    }
    lines.append(t("plain.help.everywhere"))
    return lines.flatMap { wrap(Self.forTheEar($0, state.language)) }
  }

  /// The wizard's message, in line mode's own words where its keys differ (`plain.message.…`).
  private func plainMessage(_ message: Message, _ state: WizardState) -> String {
    let t = state.localizer
    let own = "plain.message." + message.key.replacingOccurrences(of: "wizard.", with: "")
    if state.pack.strings[own] != nil {
      var m = message
      m.key = own
      return t(m)
    }
    return t(message)
  }

  // MARK: Steps

  /// What a step says once, when it is entered.
  private mutating func stepIntro(_ state: WizardState) -> [String] {
    let t = state.localizer
    switch Flow.step(state.step).plain {
    case .sessionPicker:
      // A training case opened from the command line is shown over the start screen.
      if state.overlay != nil { return [] }
      var lines = [t("plain.start.intro")]
      for (i, entry) in state.startEntries.enumerated() {
        lines.append(t("plain.list.item", ["n": String(i), "name": startName(entry, state)]))
      }
      return lines
    case .form: return state.step == .about ? [t("plain.about.intro")] : [t("plain.follow-up.intro")]
    case .scope: return scopeLines(state)
    case .statements: return []
    case .review: return reviewLines(state)
    case .profile: return profileLines(state)
    case .plan: return planLines(state, all: true)
    case .export: return [t("plain.export.intro")]
    }
  }

  private func startName(_ entry: StartEntry, _ state: WizardState) -> String {
    let t = state.localizer
    switch entry {
    case .new: return t("plain.start.new")
    case .resume(let i):
      let saved = state.savedSessions[i]
      let name = saved.workplace.isEmpty ? t("plain.start.unnamed") : saved.workplace
      return t("plain.start.session", ["name": name, "date": Self.spokenDate(saved.date)])
    case .trainingCase(let id): return state.pack.trainingCase(id).map { t("plain.start.case", ["title": t($0.title)]) } ?? id
    case .language: return t("plain.start.language")
    }
  }

  /// The prompt of a step that is no form, after what changed on it.
  private mutating func stepPrompt(_ state: WizardState, _ out: inout [String]) -> String {
    let t = state.localizer
    switch state.step {
    case .start: return t("plain.start.prompt")
    case .scope:
      if let session = state.session {
        if let last = lastScope, last != session.scope {
          out.append(scopeChosen(state))
          // How to answer on emotions is said once, when the first use case that asks it comes in.
          if asksInfersEmotions(session.scope, state), !asksInfersEmotions(last, state) { out.append(t("plain.scope.emotions-how")) }
        }
        if let depth = lastDepth, depth != session.depth { out.append(t("plain.scope.depth", ["depth": t("plain.depth.\(session.depth.rawValue)")])) }
        lastScope = .some(session.scope)
        lastDepth = session.depth
      }
      return t("plain.scope.prompt")
    case .questions, .absence: return statementLines(state, &out)
    case .review: return t("plain.review.prompt")
    case .profile: return t(state.session?.depth == .quick ? "plain.profile.prompt.quick" : "plain.profile.prompt")
    case .plan where state.managementQuestionsShown:
      let lines = managementQuestionLines(state)
      if lines != lastQuestions { out += lines }
      lastQuestions = lines
      return t("plain.mq.prompt")
    case .plan:
      lastQuestions = []
      let lines = planLines(state, all: false)
      out += lines.filter { !lastPlan.contains($0) }
      lastPlan = planLines(state, all: true)
      return t("plain.plan.prompt")
    default: return t("plain.next.prompt")
    }
  }

  // MARK: Forms

  /// A form field, from its one definition: label, what it holds, its hint and its choices.
  private mutating func fieldPrompt(_ field: FieldID, _ state: WizardState, _ out: inout [String]) -> String {
    let t = state.localizer
    let form = "\(state.step.rawValue)/\(state.planEditorItem ?? -1)/\(state.approvalEditing)/\(state.managementQuestionEditing ?? "")/"
    let place = form + "\(field)"
    let label = fieldLabel(field, state)
    if place != lastPlace {
      if lastPlace?.hasPrefix(form) != true {
        // The question being answered, said once as its editor opens.
        if let id = state.managementQuestionEditing, let question = state.pack.managementQuestion(id) { out.append(t(question.text)) }
        if state.planEditorItem != nil, !state.approvalEditing, let i = state.planEditorItem {
          out.append(t("plain.plan.editing", ["title": state.session.map { planItemTitle($0, i, state) } ?? ""]))
        }
        if state.approvalEditing { out.append(t("plain.plan.approval")) }
      }
      if let hint = Flow.plainHint(field) { out.append(t(hint)) }
      if field.kind == .choice {
        let options = Flow.choices(field, in: state.pack)
        out.append(options.enumerated().map { t("plain.choice.option", ["n": String($0.offset + 1), "name": state.choiceLabel(field, $0.element)]) }.joined(separator: ", ") + ".")
      }
    }
    lastPlace = place
    let shown = shownValue(field, state)
    switch field.kind {
    case .button:
      return t(field == .exportButton ? "plain.prompt.export" : "plain.prompt.button", ["label": label])
    case .choice:
      return t("plain.prompt.choice", ["label": label, "current": shown])
    case .text, .number:
      if field.isDate { return t(shown.isEmpty ? "plain.prompt.date" : "plain.prompt.date.keep", ["label": label, "current": shown]) }
      return t(shown.isEmpty ? "plain.prompt.text" : "plain.prompt.keep", ["label": label, "current": shown])
    }
  }

  /// A field's label, with the row's number for rows that repeat.
  private func fieldLabel(_ field: FieldID, _ state: WizardState) -> String {
    let t = state.localizer
    switch field {
    case .participantName(let i): return t("plain.field.participant", ["n": String(i + 1)])
    case .participantRole(let i): return t("plain.field.participant-role", ["n": String(i + 1)])
    case .voiceName(let i): return t("plain.field.voice", ["n": String(i + 1)])
    case .approverName(let i): return t("plain.field.approver", ["n": String(i + 1)])
    case .approverRole(let i): return t("plain.field.approver-role", ["n": String(i + 1)])
    default: return t(field.labelKey)
    }
  }

  /// A field's value as said: a choice by its name, a date as it is typed.
  private func shownValue(_ field: FieldID, _ state: WizardState) -> String {
    let text = state.editor?.field == field ? state.editor!.buffer.text : state.value(field)
    if field.kind == .choice { return state.choiceLabel(field, text) }
    if field.isDate { return Self.spokenDate(text) }
    return text
  }

  /// An ISO date as it is typed (31-12-2027); anything else as it is.
  public static func spokenDate(_ text: String) -> String {
    guard let date = CalendarDate(text) else { return text }
    return "\(date.day)-\(date.month)-\(date.year)"
  }

  // MARK: Scope

  /// The use cases in scope, by number, with their stages.
  private func scopeChosen(_ state: WizardState) -> String {
    let t = state.localizer
    let chosen = (state.session?.scope ?? []).compactMap { item -> String? in
      guard let i = state.pack.useCases.firstIndex(where: { $0.id == item.useCase }) else { return nil }
      return "\(i + 1) \(t(state.pack.useCases[i].name)), \(t("plain.stage.\(item.stage.rawValue)"))" + emotions(item, state)
    }
    return chosen.isEmpty ? t("plain.scope.none") : t("plain.scope.chosen", ["list": chosen.joined(separator: "; ")])
  }

  /// Whether a scope holds a use case whose system may infer emotions.
  private func asksInfersEmotions(_ scope: [ScopeItem]?, _ state: WizardState) -> Bool {
    (scope ?? []).contains { Flow.asksInfersEmotions($0.useCase, state.pack) }
  }

  /// What is answered on emotions for a use case in scope that is asked it; nothing otherwise.
  private func emotions(_ item: ScopeItem, _ state: WizardState) -> String {
    guard Flow.asksInfersEmotions(item.useCase, state.pack) else { return "" }
    let t = state.localizer
    return t("plain.scope.emotions", ["answer": t(Flow.infersEmotionsKey(item.infersEmotions))])
  }

  private func scopeLines(_ state: WizardState) -> [String] {
    let t = state.localizer
    guard let session = state.session else { return [] }
    var lines = [t("plain.scope.intro")]
    for (i, useCase) in state.pack.useCases.enumerated() {
      let item = session.scope?.first { $0.useCase == useCase.id }
      let mark = item.map { t("plain.scope.in", ["stage": t("plain.stage.\($0.stage.rawValue)")]) + emotions($0, state) } ?? ""
      lines.append(t("plain.list.item", ["n": String(i + 1), "name": t(useCase.name) + mark]))
    }
    if asksInfersEmotions(session.scope, state) {
      lines.append(t("plain.scope.emotions-how"))
    }
    lines.append(t("plain.scope.depth", ["depth": t("plain.depth.\(session.depth.rawValue)")]))
    return lines
  }

  // MARK: Statements

  /// The statement on display: the level (and its scale) once, the voice when it changes, the
  /// source once per finding, then the statement and what is answered.
  private mutating func statementLines(_ state: WizardState, _ out: inout [String]) -> String {
    let t = state.localizer
    guard let question = state.currentQuestion else {
      out.append(t(state.step == .absence ? "wizard.absence.none" : "wizard.questions.none"))
      return t("plain.next.prompt")
    }
    let level = state.step == .absence ? "absence" : state.questionLevel
    let list = state.currentQuestionList
    if level != lastLevel {
      lastLevel = level
      let name = state.step == .absence ? t("wizard.absence.intro") : state.levelName(level)
      out.append(t("plain.level", ["level": name]))
      out.append(scaleLine(state))
    }
    if state.voice != lastVoice {
      if lastVoice != nil || state.voiceChoices.count > 1 { out.append(t("plain.voice", ["voice": state.voiceName])) }
      lastVoice = state.voice
    }
    // The source once for a run of statements from the same section of the report.
    if let f = state.pack.leadFinding(of: question) {
      let source = Self.spokenSource(f.source, state)
      if source != lastFinding { out.append(t("plain.source", ["source": source])) }
      lastFinding = source
    }
    if lastPlace != question.id {
      lastPlace = question.id
      out.append(t("plain.statement", ["n": String(state.currentQuestionIndex + 1), "total": String(list.count), "text": t(question.text)]))
      if let answer = state.currentAnswer(question.id) {
        out.append(t("plain.current", ["answer": answerName(answer.value, state)]))
      }
      if state.voiceChoices.count > 1 {
        let others = (state.session?.voices ?? []).enumerated().compactMap { i, v -> String? in
          guard VoiceChoice.voice(v.id) != state.voice, let a = state.session?.answer(question.id, voice: v.id) else { return nil }
          return state.displayName(ofVoice: i) + " " + answerName(a.value, state)
        }
        if !others.isEmpty { out.append(t("plain.others", ["answers": others.joined(separator: "; ")])) }
      }
    }
    return t("plain.answer.prompt")
  }

  /// The scale in one line: said when a level begins and on `h`.
  func scaleLine(_ state: WizardState) -> String {
    let t = state.localizer
    let points = state.pack.info.scale.enumerated().map { "\($0.offset + 1) \(t($0.element.label))" }
    return t("plain.scale", ["points": points.joined(separator: ", ")])
  }

  /// Why a statement is asked and where the report says so.
  private func why(_ question: Question, _ state: WizardState) -> [String] {
    let t = state.localizer
    let finding = state.pack.leadFinding(of: question)
    var lines: [String] = []
    if let text = question.why.map({ t($0) }) ?? finding.map({ t($0.summary) }) { lines.append(text) }
    if let finding { lines.append(t("plain.source", ["source": Self.spokenSource(finding.source, state)])) }
    return lines
  }

  /// A source in the language shown: in English the gloss alone ("Chapter 2, Machine learning,
  /// Individual"); the Danish path, which finds the section in the report, is in the report.
  static func spokenSource(_ path: String, _ state: WizardState) -> String {
    guard state.language != .da, let gloss = state.pack.sourceGloss(path, state.language) else { return path }
    return gloss
  }

  /// An answer in words: the scale point with its label, or "don't know" / "not relevant".
  func answerName(_ value: AnswerValue, _ state: WizardState) -> String {
    let t = state.localizer
    switch value {
    case .point(let n):
      let label = state.pack.info.scale.indices.contains(n - 1) ? t(state.pack.info.scale[n - 1].label) : ""
      return "\(n) \(label)"
    case .dontKnow: return t("wizard.answer.dont-know")
    case .notRelevant: return t("wizard.answer.not-relevant")
    }
  }

  // MARK: Review, profile, plan

  private func reviewLines(_ state: WizardState) -> [String] {
    let t = state.localizer
    guard let assessment = state.assessment else { return [] }
    let entries = state.reviewEntries(assessment)
    guard !entries.isEmpty else { return [t("plain.review.none")] }
    var lines = [t("plain.review.intro", ["n": String(entries.count)])]
    for (i, entry) in entries.enumerated() {
      let text = state.pack.question(entry.question).map { t($0.text) } ?? entry.question
      let name = entry.voice.flatMap { id in state.session?.voices.firstIndex { $0.id == id } }.map(state.displayName(ofVoice:)) ?? ""
      lines.append(t("plain.review.item", ["n": String(i + 1), "kind": t("plain.review.\(entry.kind.rawValue)", ["voice": name]), "text": text]))
    }
    return lines
  }

  /// The profile as the wizard's Profile shows it: a prohibited practice and a ban still to be
  /// settled first, how much is answered (and how far deepened), each level's and each
  /// technology's figures (a quick scan's screenings), the strongest findings with the risks that
  /// have no figure, and the offer to deepen.
  private func profileLines(_ state: WizardState) -> [String] {
    let t = state.localizer
    guard let assessment = state.assessment else { return [] }
    let quick = assessment.session.depth == .quick
    let progress = state.progress(assessment.session)
    var lines = assessment.prohibitedFlags.map { t("wizard.profile.prohibited", ["title": t($0.item.title)]) }
    lines += assessment.clarifyFlags.map { t("wizard.profile.clarify", ["title": $0.title(state.language)]) }
    let depth = assessment.depthDone
    let values = ["answered": String(progress.answered), "total": String(progress.total)].merging(depth.counts) { $1 }
    lines.append(
      t(depth.key(quick: "wizard.profile.answered.quick", deepened: "wizard.profile.answered.deepened", full: "wizard.profile.answered"), values))
    // A statement one voice answered counts as answered; a voice's own gaps are said beside it.
    let gaps = Dictionary(grouping: state.voiceGaps(), by: { $0.voice ?? "" })
    for (i, voice) in (state.session?.voices ?? []).enumerated() where gaps[voice.id] != nil {
      lines.append(t("plain.profile.voice-gaps", ["voice": state.displayName(ofVoice: i), "n": String(gaps[voice.id]!.count)]))
    }
    lines += rowLines(state, assessment.levels, named: { state.levelName($0) }, screening: quick)
    if !assessment.technologies.isEmpty {
      lines.append(t("wizard.profile.technologies") + ":")
      lines += rowLines(state, assessment.technologies, named: { id in state.pack.technology(id).map { t($0.name) } ?? id }, screening: quick)
    }
    // A deepened quick scan: the deepened findings' own figures too, as the report gives them.
    if quick, !assessment.session.deepened.isEmpty,
      assessment.levels.contains(where: { $0.risk.average != nil || $0.opportunity.average != nil })
    {
      lines.append(t("plain.profile.deepened"))
      lines += rowLines(state, assessment.levels, named: { state.levelName($0) }, screening: false)
    }
    let rows = ProfileScreen.findingRows(state, assessment, room: 5)
    let unranked = assessment.unscoredRisks.filter { !$0.handlingUnknown }
    if !rows.isEmpty || !unranked.isEmpty {
      lines.append(t("wizard.profile.top-findings"))
      for (i, row) in rows.enumerated() { lines.append(t("plain.list.item", ["n": String(i + 1), "name": row.title + ": " + row.tag])) }
      for u in unranked {
        let title = state.pack.finding(u.finding).map { t($0.shortTitle) } ?? u.finding
        lines.append(t("plain.profile.unscored.item", ["finding": title, "reason": t("wizard.profile.unscored.\(u.reason.rawValue)")]))
      }
    }
    // The offer to deepen counts only findings not yet deepened, and goes once none is left, as on the screen.
    if quick && depth != .full {
      let left = assessment.findings.filter { !assessment.session.deepened.contains($0.finding.id) }.count
      let screened = assessment.findingsToDeepen.count
      lines.append(
        t(screened == 0 ? "plain.profile.deepen.none" : "plain.profile.deepen", ["screened": String(screened), "all": String(left)]))
    } else if !assessment.unscoredRisks.isEmpty {
      lines.append(t("wizard.profile.unscored", ["count": String(assessment.unscoredRisks.count)]))
    }
    return lines
  }

  /// Each row's figures in a line (a level's or a technology's): its screenings, or its residual
  /// risk and untapped opportunity.
  private func rowLines(_ state: WizardState, _ rows: [ProfileRow], named name: (String) -> String, screening: Bool) -> [String] {
    let t = state.localizer
    let headings = [t(screening ? "wizard.profile.screening-risk" : "wizard.profile.risk"), t(screening ? "wizard.profile.screening-opportunity" : "wizard.profile.opportunity")]
    var lines: [String] = []
    for row in rows {
      let sides = screening ? [row.screening?.risk, row.screening?.opportunity].compactMap { $0 } : [row.risk, row.opportunity]
      let figures = sides.enumerated().map { i, side -> String in
        let heading = headings[min(i, 1)]
        // The screen's dash for "nothing here" is silent to a synthesiser; said in words.
        if side.findings == 0 { return heading + " " + t("plain.profile.not-applicable") }
        guard let average = side.average else { return heading + " " + t(i == 0 ? "wizard.profile.unknown" : "wizard.profile.not-enough") }
        return heading + " " + t.number(average) + " " + t("wizard.band.\(side.band?.rawValue ?? "low")")
      }
      lines.append(t("plain.profile.level", ["level": name(row.id), "figures": figures.joined(separator: "; ")]))
    }
    return lines
  }

  /// The plan's lines, each with its number, status, owner and deadline: every line (`all`), or
  /// those the user has decided on and the own actions.
  private func planLines(_ state: WizardState, all: Bool) -> [String] {
    let t = state.localizer
    guard let assessment = state.assessment, let session = state.session else { return [] }
    let entries = state.planEntries(assessment)
    var lines: [String] = []
    if all {
      lines.append(t("plain.plan.intro", ["n": String(entries.count)]))
      // The screen's line names the key g, which line mode has as a command of its own words.
      lines.append(state.session?.approval == nil ? t("plain.plan.not-approved") : PlanScreen.approvalLine(state).0)
    }
    for (i, entry) in entries.enumerated() {
      let item = entry.planIndex.map { session.plan[$0] }
      var parts = [t("wizard.status.\(state.planStatus(entry).rawValue)")]
      if let item, !item.responsible.isEmpty { parts.append(t("plain.plan.responsible", ["name": item.responsible])) }
      if let item, !item.deadline.isEmpty { parts.append(t("plain.plan.deadline", ["date": Self.spokenDate(item.deadline)])) }
      if let item, item.isIncomplete { parts.append(t("plain.plan.incomplete", ["missing": state.missingText(item.missing)])) }
      if entry.isOwn { parts.append(t("plain.plan.own")) }
      lines.append(t("plain.plan.item", ["n": String(i + 1), "title": state.planTitle(entry), "details": parts.joined(separator: ", ")]))
    }
    return lines
  }

  /// The questions to management, numbered, each with its status and due date, and how to open one.
  private func managementQuestionLines(_ state: WizardState) -> [String] {
    let t = state.localizer
    let entries = state.managementQuestionEntries
    var lines = [t("wizard.mq.summary", ["n": String(entries.count), "open": String(entries.filter { $0.record.status == .open }.count)])]
    for (i, q) in entries.enumerated() {
      let due = q.record.due.isEmpty ? "" : t("plain.mq.due", ["due": Self.spokenDate(q.record.due)])
      lines.append(t("plain.mq.item", ["n": String(i + 1), "text": t(q.question.text), "status": t("report.mq.status.\(q.record.status.rawValue)"), "due": due]))
    }
    if !entries.isEmpty { lines.append(t("plain.mq.how")) }
    return lines
  }

  private func planItemTitle(_ session: Session, _ i: Int, _ state: WizardState) -> String {
    guard session.plan.indices.contains(i) else { return "" }
    let item = session.plan[i]
    if !item.title.isEmpty { return item.title }
    return item.action.flatMap { state.pack.action($0) }.map { state.localizer($0.title) } ?? state.localizer("wizard.plan.untitled")
  }

  // MARK: Overlays

  private mutating func overlayLines(_ overlay: Overlay, _ state: WizardState, _ lines: [String]) -> ([String], String) {
    let t = state.localizer
    var out = lines
    let first = overlay != lastOverlay
    lastOverlay = overlay
    switch overlay {
    case .confirm(let what):
      if first { out.append(ConfirmOverlay.text(state, what)) }
      return (out, t("plain.prompt.confirm"))
    case .trainingCase(let id, _, let naming):
      if first, let c = state.pack.trainingCase(id) {
        out.append(t(c.title))
        if c.invented { out.append(t("wizard.case.invented")) }
        out.append(t(c.story))
        out += c.questions.enumerated().map { t("plain.list.item", ["n": String($0.offset + 1), "name": t($0.element)]) }
      }
      return (out, t(naming ? "plain.case.group" : "plain.next.prompt"))
    default:
      return (out, t("plain.next.prompt"))
    }
  }

  // MARK: Words and lines

  /// `texts` as line mode says them: for the ear, wrapped at ``width``.
  public func lines(_ texts: [String], _ language: Language) -> [String] {
    texts.flatMap { wrap(Self.forTheEar($0, language)) }
  }

  /// Lines no wider than ``width``, broken at spaces.
  private func wrap(_ line: String) -> [String] {
    line.isEmpty ? [""] : Text.wrap(line, width: width)
  }

  /// `text` with the separators a synthesiser drops or misreads said as words: `›` and `·` as
  /// commas, a dash between words as a comma, a range `0–100` as "0 to 100".
  public static func forTheEar(_ text: String, _ language: Language) -> String {
    var s = text
    let to = language == .da ? " til " : " to "
    s = s.replacingOccurrences(of: #"(\d)\s*–\s*(\d)"#, with: "$1\(to)$2", options: .regularExpression)
    for separator in [" › ", " · ", " – ", " — "] { s = s.replacingOccurrences(of: separator, with: ", ") }
    for symbol in ["›", "·", "–", "—"] { s = s.replacingOccurrences(of: symbol, with: " ") }
    s = s.replacingOccurrences(of: ",,", with: ",")
    // A button's label starts with a plus on screen; said, it is a word too many.
    if s.hasPrefix("+ ") { s.removeFirst(2) }
    return s
  }
}
