import IglooContent
import IglooEngine

/// Step 1: workplace, unit, sector, employees (which sets the AMO model), date, participants
/// with their roles, and the voices that will answer.
enum AboutScreen {
  static func render(_ state: WizardState, in rect: Rect, into grid: inout Grid) {
    let t = state.localizer
    guard let session = state.session else { return }
    let fields = Flow.fields(.about, in: state)
    let focused = fields.indices.contains(state.aboutFocus) ? fields[state.aboutFocus] : nil

    // The flow's About fields, in its order: a participant's name and role share a line, and the
    // participants and the voices each start under a heading.
    var lines: [FormLine] = []
    for field in fields {
      switch field {
      // The heading stands above the first participant, or above the button when there is none.
      case .participantName(0),
        .addParticipant where session.about.participants.isEmpty:
        lines += [.blank, .header(t("wizard.about.participants"))]
      case .voiceName(0):
        lines += [.blank, .header(t("wizard.about.voices"))]
      default: break
      }
      switch field {
      case .participantName(let i):
        lines.append(.pair(field, .participantRole(i), label: t("wizard.about.participant", ["n": String(i + 1)])))
      case .participantRole: break
      case .voiceName(let i): lines.append(.field(field, label: t("wizard.about.voice", ["n": String(i + 1)])))
      case .addParticipant, .addVoice: lines.append(.field(field, label: ""))
      case .employees: lines.append(.field(field, label: t(field.labelKey), note: amo(session.about.employees, t)))
      default: lines.append(.field(field, label: t(field.labelKey)))
      }
    }

    let hintKey = focused.map(hintKey) ?? ""
    let hint = hintKey.isEmpty ? "" : t(hintKey)
    let hintLines = rect.height >= 14 && !hint.isEmpty ? min(3, state.wrapMemo.lines(hint, rect.width).count) : 0
    let formArea = rect.top(rect.height - (hintLines > 0 ? hintLines + 1 : 0))
    let placeholders: [FieldID: String] = Dictionary(
      uniqueKeysWithValues: [(FieldID.date, t("wizard.about.date.format"))]
        + session.voices.indices.map { (FieldID.voiceName($0), t("wizard.about.voice.placeholder")) }
        + session.about.participants.indices.map { (FieldID.participantName($0), t("wizard.about.name-optional")) })
    FormLayout.render(state, lines: lines, focused: focused, placeholders: placeholders, in: formArea, into: &grid)
    if hintLines > 0 {
      grid.wrap(hint, in: rect.dropTop(formArea.height + 1), style: .dim, maxLines: hintLines, memo: state.wrapMemo)
    }
  }

  /// What the number of employees means for the work environment organisation.
  static func amo(_ employees: Int?, _ t: Localizer) -> String {
    guard let n = employees else { return "" }
    switch n {
    case ..<1: return ""
    case 1...9: return t("wizard.about.amo.none")
    case 10...34: return t("wizard.about.amo.one-level")
    default: return t("wizard.about.amo.committee")
    }
  }

  static func hintKey(_ field: FieldID) -> String {
    switch field {
    case .group: "wizard.about.hint.group"
    case .workplace: "wizard.about.hint.workplace"
    case .unit: "wizard.about.hint.unit"
    case .sector: "wizard.about.hint.sector"
    case .employees: "wizard.about.hint.employees"
    case .date: "wizard.about.hint.date"
    case .participantName, .participantRole, .addParticipant: "wizard.about.hint.participants"
    case .voiceName, .addVoice: "wizard.about.hint.voices"
    default: ""
    }
  }
}
