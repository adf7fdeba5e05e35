import IglooContent

/// A line of a form: a field with its label, two fields sharing a line, a heading, a gap.
enum FormLine {
  case field(FieldID, label: String, note: String = "")
  case pair(FieldID, FieldID, label: String)
  case header(String)
  case text(String, CellStyle)
  case blank

  func holds(_ field: FieldID) -> Bool {
    switch self {
    case .field(let f, _, _): f == field
    case .pair(let a, let b, _): a == field || b == field
    default: false
    }
  }
}

/// Lays out a form's lines in a rectangle, scrolled so that the focused field is in view.
enum FormLayout {
  static func render(
    _ state: WizardState, lines: [FormLine], focused: FieldID?, placeholders: [FieldID: String] = [:],
    in rect: Rect, into grid: inout Grid
  ) {
    guard !rect.isEmpty else { return }
    let labelWidth = min(28, max(12, rect.width / 3), lines.map(labelWidthOf).max() ?? 0)
    let focusLine = focused.flatMap { f in lines.firstIndex { $0.holds(f) } }
    let offset = ListView.scrollOffset(count: lines.count, selected: focusLine, visible: rect.height)
    let fieldColumn = labelWidth + 2
    let fieldWidth = max(0, min(48, rect.width - fieldColumn - 1))
    for r in 0..<min(rect.height, lines.count - offset) {
      let line = lines[offset + r]
      switch line {
      case .blank: break
      case .header(let text): grid.put(text, in: rect, row: r, style: .title)
      case .text(let text, let style): grid.put(Text.truncate(text, to: rect.width, ellipsis: true), in: rect, row: r, style: style)
      case .field(let field, let label, let note):
        let isFocused = field == focused
        drawLabel(label, focused: isFocused, width: labelWidth, in: rect, row: r, into: &grid)
        let width = field.kind == .text || field.kind == .number ? fieldWidth : rect.width - fieldColumn
        FieldView.draw(
          state, field, focused: isFocused, placeholder: placeholders[field] ?? "", in: rect, row: r, column: fieldColumn,
          width: field.kind == .number ? min(8, width) : width, into: &grid)
        if !note.isEmpty {
          let noteColumn = fieldColumn + (field.kind == .number ? 10 : fieldWidth + 2)
          grid.put(Text.truncate(note, to: rect.width - noteColumn, ellipsis: true), in: rect, row: r, column: noteColumn, style: .dim)
        }
      case .pair(let a, let b, let label):
        drawLabel(label, focused: a == focused || b == focused, width: labelWidth, in: rect, row: r, into: &grid)
        // The second field is a choice (a role): where the row has room for its longest label in
        // full ("‹ Arbejdsmiljørepræsentant ›") beside a name of at least 16 columns, it gets it;
        // else the row is halved as before, and the full-text key shows every role whole.
        let room = rect.width - fieldColumn
        let longest = Flow.choices(b, in: state.pack).map { Text.width(state.choiceLabel(b, $0)) }.max() ?? 0
        let fit = room - (longest + 4) - 2
        let aWidth = max(0, min(fieldWidth, fit >= 16 ? fit : room / 2 - 1))
        FieldView.draw(
          state, a, focused: a == focused, placeholder: placeholders[a] ?? "", in: rect, row: r, column: fieldColumn,
          width: aWidth, into: &grid)
        FieldView.draw(
          state, b, focused: b == focused, in: rect, row: r, column: fieldColumn + aWidth + 2,
          width: rect.width - fieldColumn - aWidth - 2, into: &grid)
      }
    }
    if offset > 0 { grid.put("↑", in: rect, row: 0, column: rect.width - 1, style: .dim) }
    if offset + rect.height < lines.count { grid.put("↓", in: rect, row: rect.height - 1, column: rect.width - 1, style: .dim) }
  }

  private static func labelWidthOf(_ line: FormLine) -> Int {
    switch line {
    case .field(_, let label, _), .pair(_, _, let label): Text.width(label) + 2
    default: 0
    }
  }

  private static func drawLabel(_ label: String, focused: Bool, width: Int, in rect: Rect, row: Int, into grid: inout Grid) {
    grid.put(focused ? "›" : " ", in: rect, row: row, style: focused ? .selected : .normal)
    grid.put(Text.truncate(label, to: width - 1, ellipsis: true), in: rect, row: row, column: 2, style: focused ? .title : .normal)
  }
}
