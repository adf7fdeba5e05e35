/// Drawing inside a rectangle. Every call clips to the rectangle and to the grid, so that a
/// renderer can lay out for 80×24 and still never write outside a 1×1 screen.
extension Grid {
  /// Writes `text` at (`row`, `column`) relative to `rect`, clipped to it; returns the cells written.
  @discardableResult
  public mutating func put(_ text: String, in rect: Rect, row: Int, column: Int = 0, style: CellStyle = .normal) -> Int {
    let clip = rect.intersection(Rect(size))
    let y = rect.y + row, x = rect.x + column
    guard y >= clip.y, y < clip.maxY, x < clip.maxX, !clip.isEmpty else { return 0 }
    var text = text
    var start = x
    // Drop the graphemes left of the clip, so that a line scrolled or indented into negative
    // columns still shows its visible tail at the right place.
    while start < clip.x, let first = text.first {
      start += DisplayWidth.of(first)
      text.removeFirst()
    }
    guard start < clip.maxX else { return 0 }
    return put(text, row: y, column: start, style: style, maxWidth: clip.maxX - start)
  }

  /// Sets the style of a whole row of `rect`.
  public mutating func paintRow(_ row: Int, in rect: Rect, style: CellStyle) {
    let clip = rect.intersection(Rect(size))
    guard rect.y + row >= clip.y, rect.y + row < clip.maxY else { return }
    paint(row: rect.y + row, column: clip.x, count: clip.width, style: style)
  }

  /// Fills `rect` with blank cells of `style`.
  public mutating func clear(_ rect: Rect, style: CellStyle = .normal) {
    let clip = rect.intersection(Rect(size))
    guard !clip.isEmpty else { return }
    for y in clip.y..<clip.maxY { fill(row: y, column: clip.x, count: clip.width, style: style) }
  }

  /// Draws a box with a light line around `rect` and an optional title in its top edge.
  public mutating func box(_ rect: Rect, title: String = "", style: CellStyle = .dim, titleStyle: CellStyle = .title) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let inner = rect.width - 2
    let horizontal = String(repeating: "─", count: inner)
    put("┌" + horizontal + "┐", in: rect, row: 0, style: style)
    for r in 1..<(rect.height - 1) {
      put("│", in: rect, row: r, style: style)
      put("│", in: rect, row: r, column: rect.width - 1, style: style)
    }
    put("└" + horizontal + "┘", in: rect, row: rect.height - 1, style: style)
    if !title.isEmpty, inner > 4 {
      put(" " + Text.truncate(title, to: inner - 4) + " ", in: rect, row: 0, column: 2, style: titleStyle)
    }
  }

  /// Writes `text` word-wrapped to `rect`'s width from `row`, at most `maxLines` lines (the last
  /// one ending in "…" when cut); returns the lines used.
  @discardableResult
  public mutating func wrap(
    _ text: String, in rect: Rect, row: Int = 0, indent: Int = 0, style: CellStyle = .normal, maxLines: Int? = nil
  ) -> Int {
    wrap(text, in: rect, row: row, indent: indent, style: style, maxLines: maxLines, wrapping: Text.wrap)
  }

  /// ``wrap(_:in:row:indent:style:maxLines:)`` with the lines remembered in `memo`: a screen that
  /// shows the same long text on every frame (the question's "why we ask") wraps it once.
  @discardableResult
  mutating func wrap(
    _ text: String, in rect: Rect, row: Int = 0, indent: Int = 0, style: CellStyle = .normal, maxLines: Int? = nil,
    memo: WrapMemo
  ) -> Int {
    wrap(text, in: rect, row: row, indent: indent, style: style, maxLines: maxLines, wrapping: memo.lines)
  }

  private mutating func wrap(
    _ text: String, in rect: Rect, row: Int, indent: Int, style: CellStyle, maxLines: Int?,
    wrapping: (String, Int) -> [String]
  ) -> Int {
    let width = rect.width - indent
    guard width > 0 else { return 0 }
    let limit = min(maxLines ?? Int.max, rect.height - row)
    guard limit > 0 else { return 0 }
    var lines = wrapping(text, width)
    if lines.count > limit {
      lines = Array(lines.prefix(limit))
      lines[limit - 1] = Text.truncate(lines[limit - 1] + " …", to: width, ellipsis: true)
    }
    for (i, line) in lines.enumerated() { put(line, in: rect, row: row + i, column: indent, style: style) }
    return lines.count
  }
}

/// Text measuring, wrapping and truncating by display width, per grapheme.
public enum Text {
  /// Splits `text` into lines no wider than `width` cells, breaking at spaces where it can and
  /// inside a word only when the word alone is wider than a line. Newlines start new lines.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var word = String(word)
        var wordWidth = DisplayWidth.of(word)
        if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          out.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          let head = truncate(word, to: width)
          out.append(head)
          word.removeFirst(head.count)
          wordWidth = DisplayWidth.of(word)
          if head.isEmpty { word = ""; wordWidth = 0 }
        }
        line = word
        lineWidth = wordWidth
      }
      out.append(line)
    }
    return out
  }

  /// The longest prefix of `text` that fits in `width` cells; with `ellipsis`, a cut text ends in "…".
  public static func truncate(_ text: String, to width: Int, ellipsis: Bool = false) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    let room = ellipsis ? width - 1 : width
    var out = ""
    var used = 0
    for g in text {
      let w = DisplayWidth.of(g)
      if used + w > room { break }
      out.append(g)
      used += w
    }
    if ellipsis {
      while out.hasSuffix(" ") { out.removeLast() }
      out += "…"
    }
    return out
  }

  /// `text` padded with spaces to `width` cells (or truncated to it).
  public static func pad(_ text: String, to width: Int) -> String {
    let t = truncate(text, to: width)
    return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
  }

  /// The display width of `text`.
  public static func width(_ text: String) -> Int { DisplayWidth.of(text) }
}
