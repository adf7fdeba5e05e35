/// The text of a field being edited, with a cursor counted in graphemes, so that æ, ø, å, a
/// decomposed "å" or an emoji each move and delete as one character.
public struct TextBuffer: Sendable, Hashable {
  /// The graphemes.
  public private(set) var characters: [Character]
  /// The cursor, 0...characters.count.
  public private(set) var cursor: Int

  /// A buffer holding `text` with the cursor at its end.
  public init(_ text: String) {
    characters = Array(text)
    cursor = characters.count
  }

  /// The text.
  public var text: String { String(characters) }

  /// Inserts `character` at the cursor. A combining mark typed on its own joins the grapheme
  /// before it, as it would on paper, so the array is rebuilt from the joined text.
  public mutating func insert(_ character: Character) {
    let before = String(characters[..<cursor]) + String(character)
    let after = String(characters[cursor...])
    characters = Array(before + after)
    cursor = min(characters.count, Array(before).count)
  }

  /// Deletes the grapheme before the cursor.
  public mutating func deleteBackward() {
    guard cursor > 0 else { return }
    characters.remove(at: cursor - 1)
    cursor -= 1
  }

  /// Deletes the grapheme at the cursor.
  public mutating func deleteForward() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  /// Moves the cursor one grapheme left.
  public mutating func left() { cursor = max(0, cursor - 1) }
  /// Moves the cursor one grapheme right.
  public mutating func right() { cursor = min(characters.count, cursor + 1) }
  /// Moves the cursor to the start.
  public mutating func home() { cursor = 0 }
  /// Moves the cursor to the end.
  public mutating func end() { cursor = characters.count }

  /// Deletes everything before the cursor.
  public mutating func clearToStart() {
    characters.removeFirst(cursor)
    cursor = 0
  }

  /// Deletes everything from the cursor on.
  public mutating func clearToEnd() { characters.removeLast(characters.count - cursor) }

  /// The part to show in `width` cells so that the cursor stays visible, and the cursor's
  /// column within it. The window is a pure function of the buffer, so a re-render at another
  /// size never needs remembered scroll state.
  public func visible(width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 0 else { return ("", 0) }
    let widths = characters.map(DisplayWidth.of)
    // Leave one cell for the cursor after the last character.
    var start = 0
    var used = widths[..<cursor].reduce(0, +)
    while used > width - 1 && start < cursor {
      used -= widths[start]
      start += 1
    }
    var out = ""
    var total = 0
    for i in start..<characters.count {
      if total + widths[i] > width { break }
      out.append(characters[i])
      total += widths[i]
    }
    return (out, used)
  }
}
