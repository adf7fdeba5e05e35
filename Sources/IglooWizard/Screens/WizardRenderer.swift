import IglooContent
import IglooEngine

/// Draws the wizard's state into a grid of any size: the header, the step, any overlay, the
/// status line and a footer generated from the key tables. A pure function of the state and the
/// size, so a resize is just another render and snapshot tests see exactly what users see.
public enum WizardRenderer {
  /// The screen for `state` at `size`. Never fails and never writes outside the grid, at any size.
  public static func render(_ state: WizardState, size: Size) -> Grid {
    var grid = Grid(size: Size(width: max(0, size.width), height: max(0, size.height)))
    guard size.width > 0, size.height > 0 else { return grid }
    if WizardLayout.isTooSmall(size) {
      TooSmallScreen.render(state, size: size, into: &grid)
      return grid
    }
    let full = Rect(size)
    drawHeader(state, in: full.top(1), into: &grid)
    drawStepBar(state, in: full.dropTop(1).top(1), into: &grid)
    let body = Rect(x: 1, y: 3, width: size.width - 2, height: size.height - 5)
    switch state.step {
    case .start: StartScreen.render(state, in: body, into: &grid)
    case .about: AboutScreen.render(state, in: body, into: &grid)
    case .scope: ScopeScreen.render(state, in: body, into: &grid)
    case .questions, .absence: QuestionScreen.render(state, in: body, into: &grid)
    case .review: ReviewScreen.render(state, in: body, into: &grid)
    case .profile: ProfileScreen.render(state, in: body, into: &grid)
    case .plan:
      if state.managementQuestionEditing != nil {
        ManagementQuestionsScreen.renderEditor(state, in: body, into: &grid)
      } else if state.managementQuestionsShown {
        ManagementQuestionsScreen.render(state, in: body, into: &grid)
      } else if state.approvalEditing {
        ApprovalScreen.render(state, in: body, into: &grid)
      } else if state.planEditorItem != nil {
        PlanEditorScreen.render(state, in: body, into: &grid)
      } else {
        PlanScreen.render(state, in: body, into: &grid)
      }
    case .followUp: FollowUpScreen.render(state, in: body, into: &grid)
    case .export: ExportScreen.render(state, in: body, into: &grid)
    }
    if let overlay = state.overlay {
      grid.cursor = nil
      let area = Rect(x: 0, y: 2, width: size.width, height: size.height - 3)
      switch overlay {
      case .help(let scroll): HelpOverlay.render(state, scroll: scroll, in: area, into: &grid)
      case .stepMenu(let selection): StepMenuOverlay.render(state, selection: selection, in: area, into: &grid)
      case .levelPicker(let selection): LevelPickerOverlay.render(state, selection: selection, in: area, into: &grid)
      case .confirm(let what): ConfirmOverlay.render(state, what, in: area, into: &grid)
      case .trainingCase(let id, let scroll, let naming):
        CaseOverlay.render(state, id: id, scroll: scroll, naming: naming, in: area, into: &grid)
      case .fullText(let scroll): FullTextOverlay.render(state, scroll: scroll, in: area, into: &grid)
      }
    }
    drawMessage(state, in: Rect(x: 1, y: size.height - 2, width: size.width - 2, height: 1), into: &grid)
    Footer.render(state, in: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), into: &grid)
    return grid
  }

  static func drawHeader(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    grid.clear(rect, style: .title)
    var left = " " + t("wizard.app-name")
    if state.step != .start {
      left += " · " + t("wizard.header.step", ["n": String(state.step.number), "total": String(Flow.numberedSteps.count)]) + " " + t(state.step.titleKey)
    }
    var right: [String] = []
    if (state.step == .questions || state.step == .absence), state.voiceChoices.count > 1 {
      right.append(t("wizard.header.voice", ["voice": state.voiceName]))
    }
    if state.session != nil {
      right.append(state.saveError == nil ? t("wizard.header.saved") : t("wizard.header.not-saved"))
    }
    right.append(state.language.rawValue.uppercased())
    var rightText = right.joined(separator: " · ") + " "
    let leftWidth = grid.put(left, in: rect, row: 0, style: .title)
    let room = rect.width - leftWidth - 2
    // The workplace gives way first: the save status and the language must always show.
    // A workshop group's name comes first: it is what tells two groups' screens apart.
    if let session = state.session, !session.about.workplace.isEmpty || !session.about.group.isEmpty {
      let place = [
        session.about.group.isEmpty ? "" : t("wizard.header.group", ["group": session.about.group]),
        session.about.workplace,
      ].filter { !$0.isEmpty }.joined(separator: " · ")
      let space = room - Text.width(rightText) - 3
      if space >= 6 {
        rightText = Text.truncate(place, to: space, ellipsis: true) + " · " + rightText
      }
    }
    let shown = Text.truncate(rightText, to: room, ellipsis: true)
    let rightX = rect.width - Text.width(shown)
    grid.put(shown, in: rect, row: 0, column: rightX, style: .title)
    if state.saveError != nil {
      // The "not saved" warning must stand out even in monochrome.
      let warn = t("wizard.header.not-saved")
      if let range = shown.range(of: warn) {
        let col = rightX + Text.width(String(shown[..<range.lowerBound]))
        grid.put(warn, in: rect, row: 0, column: col, style: .error)
      }
    }
  }

  /// The steps 1–9 in one line, the current one highlighted; shortened names when narrow, left
  /// out when even those do not fit.
  static func drawStepBar(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    guard state.session != nil, state.step != .start else { return }
    let t = state.localizer
    let steps = Flow.numberedSteps
    for key in [\Step.titleKey, \Step.shortKey] {
      let names = steps.map { "\($0.number) " + t($0[keyPath: key]) }
      let total = names.map(Text.width).reduce(0, +) + 2 * (names.count - 1) + 2
      guard total <= rect.width else { continue }
      var x = 1
      for (step, name) in zip(steps, names) {
        x += grid.put(name, in: rect, row: 0, column: x, style: step == state.step ? .selected : .dim) + 2
      }
      return
    }
    // Too narrow for every name: the numbers, with the current step's name.
    var x = 1
    for step in steps {
      let name = step == state.step ? "\(step.number) " + t(step.titleKey) : String(step.number)
      x += grid.put(name, in: rect, row: 0, column: x, style: step == state.step ? .selected : .dim) + 2
    }
  }

  static func drawMessage(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    guard let message = state.message else { return }
    let t = state.localizer
    grid.put(Text.truncate(t(message), to: rect.width, ellipsis: true), in: rect, row: 0, style: message.style)
  }
}
