import IglooContent
import IglooEngine

/// Steps 3 and 4: one statement at a time, the five-point scale with "don't know" and "not
/// relevant", a note, the other voices' answers, and "why we ask" with the report's section.
enum QuestionScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard state.session != nil else { return }
    drawProgress(state, in: rect.top(1), into: &grid)
    guard let question = state.currentQuestion else {
      grid.wrap(t(state.step == .absence ? "wizard.absence.none" : "wizard.questions.none"), in: rect.dropTop(2), style: .dim, memo: state.wrapMemo)
      return
    }
    let list = state.currentQuestionList
    let position = t("wizard.questions.position", ["n": String(state.currentQuestionIndex + 1), "total": String(list.count)])
    let intro = state.step == .absence ? t("wizard.absence.intro") : state.levelName(state.questionLevel)
    grid.put(Text.truncate(intro + " · " + position, to: rect.width, ellipsis: true), in: rect, row: 1, style: .dim)

    let wide = rect.width >= 110
    let main = wide ? rect.dropTop(3).left(rect.width * 11 / 20) : rect.dropTop(3)
    var y = 0
    y += grid.wrap(t(question.text), in: main, row: y, style: .title, maxLines: wide ? 5 : 3, memo: state.wrapMemo)
    y += drawUseCases(state, question, in: main.dropTop(y), into: &grid) + 1
    y += drawScale(state, question, in: main.dropTop(y), into: &grid)
    y += drawVoices(state, question, in: main.dropTop(y), into: &grid)
    let label = t("wizard.questions.note") + " "
    if y < main.height {
      let editing = state.editor?.field == .note(question.id)
      grid.put(label, in: main, row: y, style: editing ? .title : .normal)
      FieldView.draw(
        state, .note(question.id), focused: editing, placeholder: t("wizard.questions.note.placeholder"), in: main, row: y,
        column: Text.width(label), width: main.width - Text.width(label), into: &grid)
      y += 2
    }
    let whyArea = wide ? rect.dropTop(3).dropLeft(main.width + 3) : main.dropTop(y)
    drawWhy(state, question, in: whyArea, boxed: wide, into: &grid)
  }

  /// The level tabs with progress, or the absence step's progress.
  static func drawProgress(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    if state.step == .absence {
      let list = state.absenceQuestions
      grid.put(
        t("wizard.questions.answered", ["answered": String(state.answeredCount(list)), "total": String(list.count)]),
        in: rect, row: 0, style: .dim)
      return
    }
    let levels = state.pack.levels
    let counts = levels.map { level -> String in
      let qs = state.questions(atLevel: level.id)
      return "\(state.answeredCount(qs))/\(qs.count)"
    }
    // Full names when they fit, the IGLOO letters when not.
    for useNames in [true, false] {
      let labels = zip(levels, counts).map { level, count in (useNames ? t(level.name) : level.shortcut) + " " + count }
      guard labels.map(Text.width).reduce(0, +) + 3 * labels.count <= rect.width || !useNames else { continue }
      var x = 0
      for (level, label) in zip(levels, labels) {
        let qs = state.questions(atLevel: level.id)
        let done = !qs.isEmpty && state.answeredCount(qs) == qs.count
        let style: CellStyle = level.id == state.questionLevel ? .selected : (qs.isEmpty ? .dim : (done ? .good : .normal))
        x += grid.put(" " + label + " ", in: rect, row: 0, column: x, style: style) + 1
      }
      return
    }
  }

  /// The use cases the statement concerns, as the users named them, with their stage; where there
  /// are several, which one to answer for. Returns the rows used.
  static func drawUseCases(_ state: WizardState, _ question: Question, in rect: Rect, into grid: inout Grid) -> Int {
    let t = state.localizer
    let names = state.concernedUseCases(question)
    guard !names.isEmpty, rect.height > 0 else { return 0 }
    let key = names.count > 1 ? "wizard.questions.concerns.several" : "wizard.questions.concerns.one"
    let text = t(key, ["list": names.joined(separator: ", ")])
    return grid.wrap(text, in: rect, row: 0, style: .dim, maxLines: names.count > 1 && rect.height >= 12 ? 2 : 1, memo: state.wrapMemo)
  }

  /// The answer options; returns the rows used.
  static func drawScale(_ state: WizardState, _ question: Question, in rect: Rect, into grid: inout Grid) -> Int {
    let t = state.localizer
    let current = WizardState.highlightRow(state.currentAnswer(question.id))
    let answered = state.currentAnswer(question.id) != nil
    var options: [(key: String, label: String)] = state.pack.info.scale.enumerated().map { i, point in
      (String(i + 1), t(point.label))
    }
    options.append(("d", t("wizard.answer.dont-know")))
    options.append(("n", t("wizard.answer.not-relevant")))
    // "Don't know" and "not relevant" go beside the scale whenever they fit, so that the note and
    // "why we ask" stay on screen down to the minimum size.
    let leftWidth = (options.prefix(5).map { Text.width($0.label) }.max() ?? 0) + 10
    let rightWidth = (options.suffix(2).map { Text.width($0.label) }.max() ?? 0) + 7
    let twoColumns = leftWidth + rightWidth <= rect.width
    for (i, option) in options.enumerated() {
      let row = twoColumns && i >= 5 ? i - 5 : i
      let column = twoColumns && i >= 5 ? leftWidth : 0
      guard row < rect.height else { continue }
      let mark = answered && current == i ? "●" : "○"
      let text = " \(mark) \(option.key)  \(option.label) "
      let style: CellStyle = i == state.highlight ? .selected : (answered && current == i ? .good : .normal)
      grid.put(text, in: rect, row: row, column: column, style: style)
    }
    return min(rect.height, twoColumns ? 6 : 8)
  }

  /// Every voice's answer when there are several, with a warning where they differ by two or
  /// more points; returns the rows used.
  static func drawVoices(_ state: WizardState, _ question: Question, in rect: Rect, into grid: inout Grid) -> Int {
    guard let session = state.session, session.voices.count > 1, rect.height > 0 else { return 0 }
    let t = state.localizer
    var parts: [String] = []
    var points: [Int] = []
    for (i, voice) in session.voices.enumerated() {
      let answer = session.answer(question.id, voice: voice.id)
      if let p = answer?.point { points.append(p) }
      parts.append(state.displayName(ofVoice: i) + " " + short(answer, t))
    }
    parts.append(t("wizard.voice.agreed") + " " + short(session.agreed[question.id], t))
    let spread = (points.max() ?? 0) - (points.min() ?? 0)
    var text = parts.joined(separator: " · ")
    // Once the committee has recorded an agreed answer, the spread was discussed and settled.
    let agreed = session.agreed[question.id] != nil
    if spread >= 2 { text += "  " + t(agreed ? "wizard.questions.agreed" : "wizard.questions.disagree") }
    grid.put(
      Text.truncate(text, to: rect.width, ellipsis: true), in: rect, row: 0,
      style: spread >= 2 ? (agreed ? .good : .risk) : .dim)
    return 1
  }

  static func short(_ answer: Answer?, _ t: Localizer) -> String {
    switch answer?.value {
    case .point(let p)?: String(p)
    case .dontKnow?: t("wizard.answer.dont-know.short")
    case .notRelevant?: t("wizard.answer.not-relevant.short")
    case nil: "–"
    }
  }

  /// "Why we ask": the report's point behind the question, and its section.
  static func drawWhy(_ state: WizardState, _ question: Question, in rect: Rect, boxed: Bool, into grid: inout Grid) {
    guard rect.height >= 2 else { return }
    let t = state.localizer
    let finding = state.pack.leadFinding(of: question)
    let area: Rect
    if boxed {
      grid.box(rect, title: t("wizard.questions.why"))
      area = rect.inset(dx: 2, dy: 1)
    } else {
      grid.put(t("wizard.questions.why"), in: rect, row: 0, style: .title)
      area = rect.dropTop(1)
    }
    var y = 0
    let sourceLines = finding == nil ? 0 : 1
    if let finding {
      // The title, the argument and the source each get at least a line; the title gives way first.
      let titleLines = area.height >= 6 ? 2 : 1
      y += grid.wrap(
        t(finding.title), in: area, row: y, style: finding.polarity == .opportunity ? .opportunity : .risk,
        maxLines: min(titleLines, max(1, area.height - 1 - sourceLines)), memo: state.wrapMemo)
    }
    let why = question.why.map { t($0) } ?? finding.map { t($0.summary) } ?? ""
    let room = area.height - y - sourceLines
    if room > 0 { y += grid.wrap(why, in: area, row: y, maxLines: room, memo: state.wrapMemo) }
    if let finding, y < area.height {
      y += grid.wrap(t("wizard.source", ["source": t.pack.source(finding.source, t.language)]), in: area, row: y, style: .dim, maxLines: 1, memo: state.wrapMemo)
      // On a large screen the report's own examples fill the room that is left.
      let examples = finding.examples.map { "– " + t($0) }
      if !examples.isEmpty, area.height - y >= 4 {
        y += 1
        y += grid.wrap(t("wizard.questions.examples"), in: area, row: y, style: .title, maxLines: 1, memo: state.wrapMemo)
        for example in examples where y < area.height {
          y += grid.wrap(example, in: area, row: y, style: .dim, maxLines: area.height - y, memo: state.wrapMemo)
        }
      }
    }
  }
}
