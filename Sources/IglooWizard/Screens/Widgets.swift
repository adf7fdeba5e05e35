import IglooContent

/// A run of text in one style.
struct Span: Sendable, Hashable {
  var text: String
  var style: CellStyle
  init(_ text: String, _ style: CellStyle = .normal) {
    self.text = text
    self.style = style
  }
}

/// One row of a list: spans from the left, optional spans flush right, and whether it can be selected.
struct ListRow: Sendable, Hashable {
  var spans: [Span]
  var right: [Span] = []
  var selectable = true

  static func header(_ text: String) -> ListRow { ListRow(spans: [Span(text, .title)], selectable: false) }
  static let blank = ListRow(spans: [], selectable: false)
}

/// A scrolling list: the selected row is kept in view by a window computed from the selection
/// alone, so there is no scroll position to go stale on a resize.
enum ListView {
  static func render(_ rows: [ListRow], selected: Int?, in rect: Rect, into grid: inout Grid) {
    guard !rect.isEmpty else { return }
    let offset = scrollOffset(count: rows.count, selected: selected, visible: rect.height)
    let scrolls = rows.count > rect.height
    let content = scrolls ? Rect(x: rect.x, y: rect.y, width: rect.width - 1, height: rect.height) : rect
    drawRows(rows, offset: offset, selected: selected, in: content, into: &grid)
    if offset > 0 { grid.put("↑", in: rect, row: 0, column: rect.width - 1, style: .dim) }
    if offset + rect.height < rows.count { grid.put("↓", in: rect, row: rect.height - 1, column: rect.width - 1, style: .dim) }
  }

  private static func drawRows(_ rows: [ListRow], offset: Int, selected: Int?, in rect: Rect, into grid: inout Grid) {
    for r in 0..<max(0, min(rect.height, rows.count - offset)) {
      let row = rows[offset + r]
      let isSelected = selected == offset + r
      let rightWidth = row.right.map { Text.width($0.text) }.reduce(0, +)
      let leftRoom = rightWidth > 0 && rightWidth < rect.width / 2 ? rect.width - rightWidth - 1 : rect.width - 1
      var x = 0
      for span in row.spans {
        let room = leftRoom - x
        guard room > 0 else { break }
        let text = Text.truncate(span.text, to: room, ellipsis: true)
        x += grid.put(text, in: rect, row: r, column: x, style: isSelected ? .selected : span.style)
      }
      if rightWidth > 0 && x + 1 + rightWidth <= rect.width {
        var rx = rect.width - rightWidth
        for span in row.right {
          rx += grid.put(span.text, in: rect, row: r, column: rx, style: isSelected ? .selected : span.style)
        }
      }
      if isSelected { grid.paintRow(r, in: rect, style: .selected) }
    }
  }

  /// The first row shown: the selection sits a third of the way down when the list scrolls.
  static func scrollOffset(count: Int, selected: Int?, visible: Int) -> Int {
    guard let selected, count > visible, visible > 0 else { return 0 }
    return max(0, min(selected - visible / 3, count - visible))
  }
}

/// Draws one form field.
enum FieldView {
  /// Draws `field` at (`row`, `column`) of `rect`, `width` cells wide; sets the grid's cursor
  /// when its text is being edited.
  static func draw(
    _ state: WizardState, _ field: FieldID, focused: Bool, placeholder: String = "",
    in rect: Rect, row: Int, column: Int, width: Int, into grid: inout Grid
  ) {
    let width = max(0, min(width, rect.width - column))
    guard width > 0 else { return }
    let t = state.localizer
    switch field.kind {
    case .text, .number:
      if let editor = state.editor, editor.field == field {
        let (text, cursor) = editor.buffer.visible(width: width)
        grid.put(Text.pad(text, to: width), in: rect, row: row, column: column, style: .field)
        if text.isEmpty && !placeholder.isEmpty {
          grid.put(Text.truncate(placeholder, to: width - 1, ellipsis: true), in: rect, row: row, column: column + 1, style: .dim)
        }
        let y = rect.y + row, x = rect.x + column + cursor
        if y >= 0, y < grid.size.height, x >= 0, x < grid.size.width { grid.cursor = CursorPosition(row: y, column: x) }
      } else {
        let value = state.value(field)
        let shown = value.isEmpty ? placeholder : value
        let used = grid.put(
          Text.truncate(shown, to: width, ellipsis: true), in: rect, row: row, column: column,
          style: value.isEmpty ? .dim : (focused ? .selected : .normal))
        grid.put(String(repeating: "_", count: max(0, width - used)), in: rect, row: row, column: column + used, style: .dim)
      }
    case .choice:
      let label = state.choiceLabel(field, state.value(field))
      grid.put(
        "‹ " + Text.truncate(label, to: width - 4, ellipsis: true) + " ›", in: rect, row: row, column: column,
        style: focused ? .selected : .normal)
    case .button:
      grid.put("[ " + t(field.labelKey) + " ]", in: rect, row: row, column: column, style: focused ? .selected : .normal)
    }
  }
}

/// Horizontal bars in cells: the score's share filled, the rest shaded.
enum Bar {
  static func draw(_ value: Double?, width: Int, style: CellStyle, in rect: Rect, row: Int, column: Int, into grid: inout Grid) {
    guard width > 0 else { return }
    guard let value else {
      grid.put(String(repeating: "·", count: width), in: rect, row: row, column: column, style: .dim)
      return
    }
    let filled = min(width, max(0, Int((value / 100 * Double(width)).rounded())))
    grid.put(String(repeating: "█", count: filled), in: rect, row: row, column: column, style: style)
    grid.put(String(repeating: "░", count: width - filled), in: rect, row: row, column: column + filled, style: .dim)
  }
}
