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

    var lines: [FormLine] = [
      .field(.workplace, label: t(FieldID.workplace.labelKey)),
      .field(.unit, label: t(FieldID.unit.labelKey)),
      .field(.sector, label: t(FieldID.sector.labelKey)),
      .field(.employees, label: t(FieldID.employees.labelKey), note: amo(session.about.employees, t)),
      .field(.date, label: t(FieldID.date.labelKey)),
      .blank,
      .header(t("wizard.about.participants")),
    ]
    if fields.first == .group { lines.insert(.field(.group, label: t(FieldID.group.labelKey)), at: 0) }
    for i in session.about.participants.indices {
      lines.append(.pair(.participantName(i), .participantRole(i), label: t("wizard.about.participant", ["n": String(i + 1)])))
    }
    lines.append(.field(.addParticipant, label: ""))
    lines.append(.blank)
    lines.append(.header(t("wizard.about.voices")))
    for i in session.voices.indices {
      lines.append(.field(.voiceName(i), label: t("wizard.about.voice", ["n": String(i + 1)])))
    }
    lines.append(.field(.addVoice, label: ""))

    let hintKey = focused.map(hintKey) ?? ""
    let hint = hintKey.isEmpty ? "" : t(hintKey)
    let hintLines = rect.height >= 14 && !hint.isEmpty ? min(3, Text.wrap(hint, width: rect.width).count) : 0
    let formArea = rect.top(rect.height - (hintLines > 0 ? hintLines + 1 : 0))
    let placeholders: [FieldID: String] = Dictionary(
      uniqueKeysWithValues: [(FieldID.date, t("wizard.about.date.format"))]
        + session.voices.indices.map { (FieldID.voiceName($0), t("wizard.about.voice.placeholder")) }
        + session.about.participants.indices.map { (FieldID.participantName($0), t("wizard.about.name-optional")) })
    FormLayout.render(state, lines: lines, focused: focused, placeholders: placeholders, in: formArea, into: &grid)
    if hintLines > 0 {
      grid.wrap(hint, in: rect.dropTop(formArea.height + 1), style: .dim, maxLines: hintLines)
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
