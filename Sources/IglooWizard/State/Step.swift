import IglooEngine
/// A step of the assessment, in the order of the product brief (0–9), which follows the APV.
public enum Step: String, CaseIterable, Sendable, Hashable {
  /// 0: new, resume, training case, language.
  case start
  /// 1: workplace, sector, employees, date, participants, voices.
  case about
  /// 2: the AI in use, planned or considered.
  case scope
  /// 3: mapping and risk assessment, level by level.
  case questions
  /// 4: sickness absence, at group level.
  case absence
  /// 5: unanswered, "don't know", disagreements.
  case review
  /// 6: risk and opportunity per level.
  case profile
  /// 7: the action plan.
  case plan
  /// 8: the next review.
  case followUp = "follow-up"
  /// 9: Markdown, JSON, CSV.
  case export

  /// The step's number, 0–9: its place in the one flow (``Flow/steps``).
  public var number: Int { Flow.steps.firstIndex { $0.step == self } ?? 0 }

  /// The interface string of its title.
  public var titleKey: String { "wizard.step.\(rawValue)" }

  /// The interface string of its short name, for the step bar.
  public var shortKey: String { "wizard.step.\(rawValue).short" }

  /// The step after this one in the flow, or nil after export.
  public var next: Step? { Flow.steps.indices.contains(number + 1) ? Flow.steps[number + 1].step : nil }

  /// The step before this one in the flow, or nil at the start.
  public var previous: Step? { number > 0 ? Flow.steps[number - 1].step : nil }
}

/// Who the answers on the questions screen are given as.
public enum VoiceChoice: Sendable, Hashable {
  /// One of the session's voices, by id.
  case voice(String)
  /// The committee's agreed answer, which overrides the voices.
  case agreed

  /// How the choice is kept in a session (``Session/activeVoice``): the voice's id, or `agreed`.
  public var recorded: String {
    switch self {
    case .voice(let id): id
    case .agreed: "agreed"
    }
  }

  /// The choice kept in a session as `recorded`; nil when none was kept (a voice that is gone
  /// is replaced by the first by ``WizardState/normaliseVoice()``).
  public init?(recorded: String?) {
    guard let recorded else { return nil }
    self = recorded == "agreed" ? .agreed : .voice(recorded)
  }
}

/// Something drawn over the current screen that takes the keys until it is closed.
public enum Overlay: Sendable, Hashable {
  /// The keys that work, generated from the binding tables.
  case help(scroll: Int)
  /// The steps, to jump to one.
  case stepMenu(selection: Int)
  /// The IGLOO levels with their progress, to jump to one.
  case levelPicker(selection: Int)
  /// A yes/no question.
  case confirm(Confirmation)
  /// A training case's story and questions for discussion, scrolled by `scroll` lines. With
  /// `naming`, the case is being opened: the group types its name below the story, and Enter
  /// creates the session; without, the story is shown again during the work.
  case trainingCase(id: String, scroll: Int, naming: Bool)
  /// The text the screen under it cuts off, in full, scrolled by `scroll` lines.
  case fullText(scroll: Int)
}

extension Stage {
  /// The stages in the order the scope screen's sentence names them ("bruger, afprøver,
  /// planlægger eller overvejer"), which is the order → steps through.
  public static let cycleOrder: [Stage] = [.inUse, .pilot, .planned, .considered]
}

/// What a yes/no question is about.
public enum Confirmation: Sendable, Hashable {
  /// Quitting although the last save failed.
  case quitUnsaved
  /// Deleting one of the users' own actions (its index in the plan).
  case deleteAction(Int)
  /// Replacing the file an export would go to (the path as typed, and in full).
  case replaceExport(ExportFormat, path: String, shown: String)
  /// Leaving the action plan while this many accepted actions lack a responsible person or deadline.
  case leavePlanIncomplete(Int)
  /// Answering again the statements of the findings behind an action just set to done.
  case rescore(Int)
  /// Recording the approval filled in on the approval form (who, when) in the session.
  case recordApproval
}

/// What became of the last export.
public enum ExportResult: Sendable, Hashable {
  /// The file was written there.
  case written(String)
  /// It could not be written; the reason in one line.
  case failed(path: String, reason: String)
}

/// The smallest and the intended screen sizes.
public enum WizardLayout {
  /// Below this the wizard shows only "make the window larger"; every screen is laid out to
  /// work from here up. 60×20 keeps the question, the scale and the note visible together.
  public static let minimumSize = Size(width: 60, height: 20)
  /// The size every screen is designed for.
  public static let targetSize = Size(width: 80, height: 24)

  /// Whether `size` is too small to use.
  public static func isTooSmall(_ size: Size) -> Bool {
    size.width < minimumSize.width || size.height < minimumSize.height
  }
}
