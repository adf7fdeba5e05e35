import IglooContent
import IglooEngine
import IglooReport
import IglooStore

/// What the start screen offers.
public enum StartEntry: Sendable, Hashable {
  /// A new, empty assessment.
  case new
  /// A saved session (its index in `savedSessions`).
  case resume(Int)
  /// A training case (its id).
  case trainingCase(String)
  /// The language switch.
  case language
}

extension WizardState {
  /// The start screen's entries: new, each saved session, each training case, the language.
  public var startEntries: [StartEntry] {
    [.new] + savedSessions.indices.map(StartEntry.resume) + pack.cases.map { .trainingCase($0.id) } + [.language]
  }

  /// Moves a list selection by an action; returns nil when the action is not a list move.
  static func moved(_ selection: Int, by action: WizardAction, count: Int) -> Int? {
    guard count > 0 else { return action.isListMove ? 0 : nil }
    switch action {
    case .previousItem: return max(0, min(selection, count - 1) - 1)
    case .nextItem: return min(count - 1, selection + 1)
    case .firstItem: return 0
    case .lastItem: return count - 1
    default: return nil
    }
  }

  mutating func performOnStart(_ action: WizardAction) -> [Effect] {
    let entries = startEntries
    if let moved = Self.moved(startSelection, by: action, count: entries.count) {
      startSelection = moved
      return []
    }
    guard action == .activate, entries.indices.contains(startSelection) else { return [] }
    switch entries[startSelection] {
    case .new:
      return closeCurrent() + [.create(Flow.newSession(pack, date: today))]
    case .resume(let i):
      let saved = savedSessions[i]
      if let problem = saved.problem {
        message = Message("wizard.start.unreadable", ["file": saved.handle.id], parts: ["problem": problem], style: .error)
        return []
      }
      if saved.handle == handle, session != nil {
        restoreCursor()
        return []
      }
      return closeCurrent() + [.open(saved.handle)]
    case .trainingCase(let id):
      // The story first, and the group's name: two groups on one case must never share a file.
      openCase(id)
      return []
    case .language:
      language = language == .da ? .en : .da
      return []
    }
  }

  /// Closes the session being edited, if any, before another is opened.
  mutating func closeCurrentSession() -> [Effect] { closeCurrent() }

  private mutating func closeCurrent() -> [Effect] {
    guard let handle else { return [] }
    return [.close(handle)]
  }

  mutating func performOnScope(_ action: WizardAction) -> [Effect] {
    let useCases = pack.useCases
    if let moved = Self.moved(scopeSelection, by: action, count: useCases.count) {
      scopeSelection = moved
      return []
    }
    guard useCases.indices.contains(scopeSelection), session != nil else { return [] }
    let id = useCases[scopeSelection].id
    var scope = session!.scope ?? []
    let at = scope.firstIndex { $0.useCase == id }
    switch action {
    case .toggleUseCase:
      if let at {
        scope.remove(at: at)
      } else {
        scope.append(ScopeItem(useCase: id, stage: .inUse))
        // Keep the scope in the content's order, so the file and the report list it the same way.
        let order = Dictionary(uniqueKeysWithValues: useCases.enumerated().map { ($1.id, $0) })
        scope.sort { (order[$0.useCase] ?? .max) < (order[$1.useCase] ?? .max) }
      }
    case .nextStage, .previousStage:
      // The order of the screen's own sentence ("bruger, afprøver, planlægger eller overvejer"),
      // so → moves through the stages the way the text lists them.
      let stages = Stage.cycleOrder
      guard let at else {
        message = Message("wizard.scope.not-in-scope")
        return []
      }
      let i = stages.firstIndex(of: scope[at].stage) ?? 0
      scope[at].stage = stages[(i + (action == .nextStage ? 1 : stages.count - 1)) % stages.count]
    case .toggleDepth:
      // Switching depth keeps every answer: the file holds them all and the depth only says which are asked.
      session!.depth = session!.depth == .quick ? .full : .quick
      let count = session!.applicableQuestions(pack).count
      message = Message(session!.depth == .quick ? "wizard.scope.depth-set.quick" : "wizard.scope.depth-set.full", ["questions": String(count)], style: .good)
      return [.save]
    case .cycleInfersEmotions:
      guard let at else {
        message = Message("wizard.scope.not-in-scope")
        return []
      }
      guard Flow.asksInfersEmotions(id, pack) else {
        message = Message("wizard.scope.infers-emotions.not-asked")
        return []
      }
      scope[at].infersEmotions = InfersEmotions.next(after: scope[at].infersEmotions)
    case .editScopeNote:
      guard at != nil else {
        message = Message("wizard.scope.not-in-scope")
        return []
      }
      editor = FieldEditor(field: .scopeNote(id), value: value(.scopeNote(id)))
      return []
    default:
      return []
    }
    session!.scope = scope
    return [.save]
  }

  mutating func performOnQuestions(_ action: WizardAction) -> [Effect] {
    guard let question = currentQuestion else { return [] }
    switch action {
    case .answer(let point):
      return answer(.point(point))
    case .dontKnow:
      return answer(.dontKnow)
    case .notRelevant:
      return answer(.notRelevant)
    case .clearAnswer:
      return record(nil) ? [.save] : []
    case .previousItem:
      highlight = max(0, highlight - 1)
    case .nextItem:
      highlight = min(6, highlight + 1)
    case .activate:
      let values: [AnswerValue] = [.point(1), .point(2), .point(3), .point(4), .point(5), .dontKnow, .notRelevant]
      return answer(values[max(0, min(6, highlight))])
    case .previousQuestion:
      retreat()
    case .nextQuestion:
      advance()
    case .editNote:
      editor = FieldEditor(field: .note(question.id), value: note(for: question.id))
      // Said as the note is opened, not only after Enter: a note before the answer is kept.
      if currentAnswer(question.id) == nil { message = Message("wizard.questions.note-pending") }
    case .chooseLevel:
      guard step == .questions else {
        message = Message("wizard.questions.no-levels-here")
        return []
      }
      overlay = .levelPicker(selection: pack.levels.firstIndex { $0.id == questionLevel } ?? 0)
    case .nextVoice:
      let choices = voiceChoices
      guard choices.count > 1 else {
        message = Message("wizard.questions.one-voice")
        return []
      }
      let i = choices.firstIndex(of: voice) ?? -1
      voice = choices[(i + 1) % choices.count]
      highlight = Self.highlightRow(currentAnswer(question.id))
      message = Message("wizard.questions.answering-as", ["voice": voiceName])
      // Kept in the session, so that a resumed session goes on under this voice (issue 25).
      session?.activeVoice = voice.recorded
      return [.save]
    default:
      break
    }
    return []
  }

  /// Records an answer, asks for a save and moves on to the next question.
  private mutating func answer(_ value: AnswerValue) -> [Effect] {
    let id = currentQuestion?.id
    let changed = record(value)
    // During a re-scoring the statements come one after another, then the plan shows before and after.
    if let rescore, let id, let at = rescore.questions.firstIndex(of: id) {
      if at + 1 < rescore.questions.count {
        let effects = jump(to: rescore.questions[at + 1])
        return changed && !effects.contains(.save) ? effects + [.save] : effects
      } else {
        _ = go(to: .plan)
        if let row = planEntries(assessment!).firstIndex(where: { $0.planIndex == rescore.planIndex }) { planSelection = row }
        message = Message("wizard.rescore.done", style: .good)
      }
      return changed ? [.save] : []
    }
    if returnToReview {
      _ = go(to: .review)
      if let assessment { reviewSelection = min(reviewSelection, max(0, reviewEntries(assessment).count - 1)) }
      message = Message("wizard.review.back", style: .good)
      return changed ? [.save] : []
    }
    advance()
    return changed ? [.save] : []
  }

  /// The review's entries: unanswered questions, "don't know" answers, disagreements.
  public func reviewEntries(_ assessment: Assessment) -> [ReviewEntry] {
    let absenceUnanswered = assessment.absence.filter { assessment.session.effectiveAnswer($0.id, pack) == nil }.map(\.id)
    return (assessment.unanswered + absenceUnanswered).map { ReviewEntry(kind: .unanswered, question: $0) }
      + assessment.knowledgeGaps.map { ReviewEntry(kind: .dontKnow, question: $0) }
      + assessment.disagreements.map { ReviewEntry(kind: .disagreement, question: $0.question) }
      + voiceGaps()
  }

  /// With several voices: each statement another voice has answered and this one has not, where
  /// there is no agreed answer yet, by voice. A voice that started late (or stopped) would otherwise
  /// pass unseen, since the statement counts as answered.
  func voiceGaps() -> [ReviewEntry] {
    guard let session, session.voices.count > 1 else { return [] }
    let applicable = applicableQuestions(session)
    var out: [ReviewEntry] = []
    for voice in session.voices {
      for q in applicable where session.agreed[q.id] == nil && session.answer(q.id, voice: voice.id) == nil {
        guard session.voices.contains(where: { $0.id != voice.id && session.answer(q.id, voice: $0.id) != nil }) else { continue }
        out.append(ReviewEntry(kind: .voiceGap, question: q.id, voice: voice.id))
      }
    }
    return out
  }

  mutating func performOnReview(_ action: WizardAction) -> [Effect] {
    guard let assessment else { return [] }
    let entries = reviewEntries(assessment)
    if let moved = Self.moved(reviewSelection, by: action, count: entries.count) {
      reviewSelection = moved
      return []
    }
    guard action == .activate, entries.indices.contains(reviewSelection) else { return [] }
    // A voice's gap is answered as that voice.
    if let id = entries[reviewSelection].voice { voice = .voice(id) }
    let effects = jump(to: entries[reviewSelection].question)
    // One answer and back: the review is a worklist, not a way into the run of statements.
    returnToReview = true
    return effects
  }

  /// The questions to management the Plan step lists: raised by the answers or the scope, or
  /// recorded in the session.
  public var managementQuestionEntries: [RaisedQuestion] { assessment?.managementQuestions ?? [] }

  /// The list of questions to management: move, open one to record due date, asker, status and
  /// answer, or go back to the plan.
  mutating func performOnManagementQuestions(_ action: WizardAction) -> [Effect] {
    let entries = managementQuestionEntries
    if let moved = Self.moved(managementQuestionSelection, by: action, count: entries.count) {
      managementQuestionSelection = moved
      return []
    }
    switch action {
    case .close, .showManagementQuestions:
      managementQuestionsShown = false
    case .editAction, .activate:
      guard entries.indices.contains(managementQuestionSelection) else { return [] }
      managementQuestionEditing = entries[managementQuestionSelection].question.id
      managementQuestionFocus = 0
      syncEditor()
    default: break
    }
    return []
  }

  mutating func performOnPlan(_ action: WizardAction) -> [Effect] {
    if action == .showManagementQuestions {
      managementQuestionsShown = true
      managementQuestionSelection = min(managementQuestionSelection, max(0, managementQuestionEntries.count - 1))
      return []
    }
    guard let assessment else { return [] }
    let entries = planEntries(assessment)
    if let moved = Self.moved(planSelection, by: action, count: entries.count) {
      planSelection = moved
      return []
    }
    if action == .approvePlan {
      // Recorded only once the user says yes on closing the form (issue 25): opening it and
      // pressing Esc once recorded an approval nobody gave.
      if !approvalUnconfirmed { approvalBeforeForm = session!.approval }
      approvalUnconfirmed = true
      if session!.approval == nil {
        // Picked from the participants: the usual approvers are the people in the room.
        let people = session!.about.participants
        session!.approve(by: people, date: CalendarDate(today)?.description ?? "")
      }
      approvalEditing = true
      approvalFocus = 0
      syncEditor()
      return []
    }
    if action == .addOwnAction {
      session!.plan.append(PlanItem(action: nil, level: "organisation", status: .accepted))
      planEditorItem = session!.plan.count - 1
      planEditorFocus = 0
      planSelection = planEntries(assessment).count  // the new line is the last one
      syncEditor()
      return [.save]
    }
    guard entries.indices.contains(planSelection) else {
      if action != .addOwnAction, entries.isEmpty, [.accept, .reject, .cycleStatus, .editAction].contains(action) {
        message = Message("wizard.plan.nothing-selected")
      }
      return []
    }
    let entry = entries[planSelection]
    switch action {
    case .accept, .reject, .cycleStatus, .markInPlace:
      guard let i = ensurePlanItem(entry) else { return [] }
      switch action {
      case .accept: session!.plan[i].status = .accepted
      case .reject: session!.plan[i].status = .rejected
      case .markInPlace: session!.plan[i].status = .inPlace
      default:
        let all = PlanStatus.allCases
        let at = all.firstIndex(of: session!.plan[i].status) ?? 0
        session!.plan[i].status = all[(at + 1) % all.count]
      }
      let item = session!.plan[i]
      if item.status == .done, let offer = rescoreOffer(for: entry, planIndex: i) {
        rescore = offer
        overlay = .confirm(.rescore(i))
        return [.save]
      }
      if item.isIncomplete {
        message = Message(
          "wizard.plan.status-set.incomplete",
          ["status": localizer("wizard.status.\(item.status.rawValue)"), "missing": missingText(item.missing)], style: .risk)
      } else {
        message = Message("wizard.plan.status-set", ["status": localizer("wizard.status.\(item.status.rawValue)")])
      }
      return [.save]
    case .editAction:
      guard let i = ensurePlanItem(entry) else { return [] }
      planEditorItem = i
      planEditorFocus = 0
      syncEditor()
      return []
    case .deleteAction:
      guard entry.isOwn, let i = entry.planIndex else {
        message = Message("wizard.plan.cannot-delete", style: .error)
        return []
      }
      overlay = .confirm(.deleteAction(i))
      return []
    default:
      return []
    }
  }

  /// The offer to answer again the mitigation (or realisation) statements of the findings that
  /// triggered `entry`'s action, with their figures now; nil when nothing triggered it by a finding.
  func rescoreOffer(for entry: PlanEntry, planIndex: Int) -> Rescore? {
    guard let assessment, let recommendation = entry.recommendation else { return nil }
    var before: [Rescore.Finding] = []
    for reason in recommendation.reasons {
      if case .finding(let id, let score, _, let opportunity) = reason, !before.contains(where: { $0.id == id }) {
        before.append(Rescore.Finding(id: id, score: score, opportunity: opportunity))
      }
    }
    let applicable = Set(assessment.session.applicableQuestions(pack).map(\.id))
    let questions = pack.questions.filter { q in
      applicable.contains(q.id)
        && q.measures.contains { m in
          before.contains { $0.id == m.finding } && (m.role == .mitigation || m.role == .realisation)
        }
    }.map(\.id)
    guard !questions.isEmpty else { return nil }
    return Rescore(planIndex: planIndex, before: before, questions: questions)
  }

  /// A finding's figure as the re-scoring compares it: residual risk, or untapped opportunity.
  func rescoreFigure(_ finding: Rescore.Finding) -> Double? {
    guard let result = assessment?.result(finding.id) else { return nil }
    return finding.opportunity ? result.untapped : result.residualRisk
  }

  /// The missing fields of a plan item in words ("ansvarlig, frist").
  func missingText(_ missing: [String]) -> String {
    missing.map { localizer($0 == "responsible" ? "wizard.plan.missing.responsible" : "wizard.plan.missing.deadline") }.joined(separator: ", ")
  }

  /// Checks the path and asks the runner to write the export.
  mutating func startExport() -> [Effect] {
    var effects = commitEditor()
    let path = exportPath.trimmingCharacters(in: .whitespaces)
    if path.isEmpty {
      exportResult = .failed(path: "", reason: localizer("wizard.export.no-path"))
      exportFocus = Flow.fields(.export, in: self).firstIndex(of: .exportPath) ?? 0
      syncEditor()
      return effects
    }
    // The file name's extension decides, as in line mode: `rapport.docx` typed while Markdown
    // was chosen is a Word document, never Markdown under a Word name.
    if let named = ExportFormat.named(by: path) { exportFormat = named }
    effects.append(.export(exportFormat, path: path))
    return effects
  }

  /// Chooses the part of the report, marking the path as the part's own file when it still names
  /// the previous part's, so that the letter or the agenda never replaces the report by default.
  mutating func setExportPart(_ part: ReportPart) {
    let ext = "." + exportFormat.fileExtension
    if exportPath.hasSuffix(ext) {
      var stem = String(exportPath.dropLast(ext.count))
      func suffix(_ p: ReportPart) -> String { p == .all ? "" : localizer("wizard.export.part-suffix.\(p.rawValue)") }
      let old = suffix(exportPart)
      if !old.isEmpty, stem.hasSuffix(old) { stem = String(stem.dropLast(old.count)) }
      exportPath = stem + suffix(part) + ext
    }
    exportPart = part
    if case .exportPath? = editor?.field { editor = FieldEditor(field: .exportPath, value: exportPath) }
  }

  /// Chooses a format, changing the path's extension when it still has the old one.
  mutating func setExportFormat(_ format: ExportFormat) {
    let old = "." + exportFormat.fileExtension
    if exportPath.hasSuffix(old) { exportPath = String(exportPath.dropLast(old.count)) + "." + format.fileExtension }
    exportFormat = format
    if case .exportPath? = editor?.field { editor = FieldEditor(field: .exportPath, value: exportPath) }
  }

  /// A scroll position moved by a scrolling action, kept within 0…`most`; nil for other actions.
  static func scrolled(_ scroll: Int, by action: WizardAction, page: Int, most: Int) -> Int? {
    let target: Int
    switch action {
    case .previousItem: target = scroll - 1
    case .nextItem: target = scroll + 1
    case .previousPage: target = scroll - max(1, page - 1)
    case .nextPage: target = scroll + max(1, page - 1)
    case .firstItem: target = 0
    case .lastItem: target = most
    default: return nil
    }
    return max(0, min(target, most))
  }

  mutating func performInOverlay(_ action: WizardAction, _ overlay: Overlay) -> [Effect] {
    switch overlay {
    case .trainingCase(let id, let scroll, let naming):
      return performOnCase(action, id: id, scroll: scroll, naming: naming)
    case .help(let scroll):
      if action == .close {
        self.overlay = nil
      } else if let moved = Self.scrolled(scroll, by: action, page: FullTextOverlay.pageHeight(viewport), most: HelpOverlay.maxScroll(self)) {
        self.overlay = .help(scroll: moved)
      }
      return []
    case .fullText(let scroll):
      if action == .close {
        self.overlay = nil
      } else if let moved = Self.scrolled(scroll, by: action, page: FullTextOverlay.pageHeight(viewport), most: FullTextOverlay.maxScroll(self)) {
        self.overlay = .fullText(scroll: moved)
      }
      return []
    case .stepMenu(let selection):
      let steps = Flow.numberedSteps
      if let moved = Self.moved(selection, by: action, count: steps.count) {
        self.overlay = .stepMenu(selection: moved)
        return []
      }
      if action == .close { self.overlay = nil }
      if case .pick(let n) = action, steps.indices.contains(n - 1) { return go(to: steps[n - 1]) }
      if action == .activate, steps.indices.contains(selection) { return go(to: steps[selection]) }
      return []
    case .levelPicker(let selection):
      let levels = pack.levels
      if let moved = Self.moved(selection, by: action, count: levels.count) {
        self.overlay = .levelPicker(selection: moved)
        return []
      }
      if action == .close { self.overlay = nil }
      if action == .activate, levels.indices.contains(selection) {
        self.overlay = nil
        let list = questions(atLevel: levels[selection].id)
        guard !list.isEmpty else {
          message = Message("wizard.questions.level-empty", ["level": levelName(levels[selection].id)])
          return []
        }
        questionLevel = levels[selection].id
        show(question: (list.first { currentAnswer($0.id) == nil } ?? list[0]).id)
      }
      return []
    case .confirm(let what):
      guard action == .confirm || action == .deny else { return [] }
      self.overlay = nil
      guard action == .confirm else {
        if case .rescore = what { rescore = nil }
        if case .recordApproval = what { dropUnconfirmedApproval() }
        return []
      }
      switch what {
      case .quitUnsaved:
        quitConfirmed = true
        return [.quit]
      case .deleteAction(let i):
        guard session?.plan.indices.contains(i) == true else { return [] }
        session!.plan.remove(at: i)
        planSelection = max(0, planSelection - 1)
        message = Message("wizard.plan.deleted")
        return [.save]
      case .recordApproval:
        approvalUnconfirmed = false
        approvalBeforeForm = nil
        message = Message("wizard.message.approval-recorded", style: .good)
        return [.save]
      case .replaceExport(let format, let path, _):
        return [.export(format, path: path, replacing: true)]
      case .leavePlanIncomplete:
        return go(to: step.next)
      case .rescore:
        guard let first = rescore?.questions.first else { return [] }
        let effects = jump(to: first)
        message = Message("wizard.rescore.started", ["n": String(rescore?.questions.count ?? 0)])
        return effects
      }
    }
  }
}

/// A line of the review: a question and why it is listed.
public struct ReviewEntry: Sendable, Hashable {
  /// Why it is listed.
  public enum Kind: String, Sendable, Hashable {
    /// Nobody has answered it.
    case unanswered
    /// The answer is "don't know": something to find out.
    case dontKnow = "dont-know"
    /// The voices differ by two or more points: a topic for dialogue.
    case disagreement
    /// Another voice has answered it and this voice (``ReviewEntry/voice``) has not.
    case voiceGap = "voice-gap"
  }

  /// Why it is listed.
  public var kind: Kind
  /// The question's id.
  public var question: String
  /// The voice whose answer is missing, for a ``Kind/voiceGap``.
  public var voice: String? = nil
}

extension WizardAction {
  /// Whether the action moves a list selection.
  var isListMove: Bool { [.previousItem, .nextItem, .firstItem, .lastItem].contains(self) }
}
