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
  /// before it, as it would on paper, so the graphemes around the cursor are joined again.
  ///
  /// Only the neighbours are joined, not the whole text: a paste of 100 KB arrives one character
  /// at a time, and rebuilding the text per character made it quadratic (issue 25).
  public mutating func insert(_ character: Character) {
    let start = max(0, cursor - 1)
    let end = min(characters.count, cursor + 1)
    let before = String(characters[start..<cursor]) + String(character)
    let joined = Array(before + String(characters[cursor..<end]))
    characters.replaceSubrange(start..<end, with: joined)
    cursor = min(characters.count, start + Array(before).count)
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
    // Only the graphemes that can show are measured (a field may hold a 100 KB paste): back from
    // the cursor while they fit, then on from there.
    var start = cursor
    var used = 0
    while start > 0 {
      let w = DisplayWidth.of(characters[start - 1])
      // Leave one cell for the cursor after the last character.
      if used + w > width - 1 { break }
      used += w
      start -= 1
    }
    var out = ""
    var total = 0
    for i in start..<characters.count {
      let w = DisplayWidth.of(characters[i])
      if total + w > width { break }
      out.append(characters[i])
      total += w
    }
    return (out, used)
  }
}
