/// Text made harmless for a terminal, a spreadsheet or a document: the one place igloo decides
/// which characters of user or content text may reach an output as they are.
///
/// A workplace name, a note or a content pack may hold control characters, typed by accident or
/// planted: ESC starts terminal sequences that can reset the screen, set the window title or fill
/// it with letters, and NUL cuts strings short in other tools. Every output igloo writes (Markdown,
/// CSV, JSON strings, plain mode, compare and aggregate, messages, Word) passes its text through
/// here at the boundary, so a report restructured elsewhere stays safe.
///
/// The rule: tab and newline stay; NUL is dropped; a CR LF pair becomes a newline; every other C0
/// control, DEL and every C1 control is shown as `\u001b`-style text, so the reader sees that
/// something was there. Letters such as æ, ø and å, and emoji, are kept.
public enum SafeText {
  /// `text` with control characters escaped and NUL dropped; see ``SafeText``.
  public static func visible(_ text: String) -> String {
    guard needsWork(text) else { return text }
    var out = String.UnicodeScalarView()
    var previousCR = false
    for scalar in text.unicodeScalars {
      if previousCR {
        previousCR = false
        if scalar == "\n" {
          out.append("\n")
          continue
        }
        out.append(contentsOf: escape(0x0D).unicodeScalars)
      }
      if scalar == "\r" {
        previousCR = true
        continue
      }
      if scalar.value == 0 { continue }
      if isControl(scalar) {
        out.append(contentsOf: escape(scalar.value).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    if previousCR { out.append(contentsOf: escape(0x0D).unicodeScalars) }
    return String(out)
  }

  /// `text` with every control character (tab and newline too) and NUL removed, for formats that
  /// cannot carry them at all (XML in a Word document rejects most of C0).
  public static func dropped(_ text: String, keepingLineBreaks: Bool = true) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\t" {
        if keepingLineBreaks { out.append(scalar) }
        continue
      }
      if scalar.value == 0 || isControl(scalar) { continue }
      out.append(scalar)
    }
    return String(out)
  }

  /// Whether `scalar` is one that must not reach an output as it is: C0 except tab and newline,
  /// DEL, or C1 (NUL included).
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v == 0x09 || v == 0x0A { return false }
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
  }

  /// The first character of `text` that ``isControl(_:)`` refuses, with its 1-based line, for a
  /// validator's `file:line` message; nil when the text is clean.
  public static func firstControl(in text: String) -> (scalar: Unicode.Scalar, line: Int)? {
    var line = 1
    for scalar in text.unicodeScalars {
      if scalar == "\n" { line += 1 }
      if isControl(scalar) { return (scalar, line) }
    }
    return nil
  }

  /// `\u001b`: the form a refused character is shown in.
  public static func escape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// Whether `text` holds a character ``isControl(_:)`` refuses, looked for in its UTF-8: C0 and
  /// DEL are single bytes, C1 (U+0080–U+009F) is C2 80–C2 9F. A whole report passes through here.
  private static func needsWork(_ text: String) -> Bool {
    // Native strings are contiguous UTF-8; a plain buffer loop is several times cheaper than the
    // String.UTF8View iterator, and this runs over every line of a report.
    if let found = text.utf8.withContiguousStorageIfAvailable({ needsWork(bytes: $0) }) { return found }
    return needsWork(bytes: Array(text.utf8))
  }

  private static func needsWork<Bytes: Collection<UInt8>>(bytes: Bytes) -> Bool {
    var afterC2 = false
    for b in bytes {
      if afterC2 && b <= 0x9F { return true }
      afterC2 = b == 0xC2
      if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F { return true }
    }
    return false
  }
}
