extension StringProtocol {
  /// The text without leading and trailing spaces: what Foundation's
  /// `trimmingCharacters(in: .whitespaces)` gives (tab, the space separators of category Zs, and U+200B), or
  /// with `newlines` `.whitespacesAndNewlines` (also U+000A–U+000D, U+0085, U+2028, U+2029).
  ///
  /// Written out because Foundation's version bridged each call through NSString on Linux, about a
  /// tenth of a millisecond a call, and a report trims every plan row and name.
  func trimmed(newlines: Bool) -> String {
    let scalars = unicodeScalars
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      switch s.value {
      // ZERO WIDTH SPACE is in Foundation's set although Unicode no longer counts it as a space.
      case 0x09, 0x20, 0x200B: return true
      case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
      case 0..<0x80: return false
      default: return s.properties.generalCategory == .spaceSeparator
      }
    }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isSpace($0) })!
    // Through the scalar view: a String subscript would round the bounds to whole characters.
    // The bytes between two scalar boundaries are copied at once; building a
    // String.UnicodeScalarView from the scalar slice appended it scalar by scalar through UTF-32.
    return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
  }
}

extension String {
  /// The text with every `byte` (an ASCII character) replaced by `replacement`: what
  /// `replacingOccurrences(of:with:)` gives for a one-character ASCII target.
  ///
  /// Written out for the same reason as ``trimmed(newlines:)``: Foundation's version copies the
  /// text into an NSString on Linux for every call. An ASCII byte never occurs inside another
  /// character's UTF-8, so replacing bytes is replacing characters' code units, as NSString does.
  func replacing(ascii byte: UInt8, with replacement: String) -> String {
    guard utf8.contains(byte) else { return self }
    var out = [UInt8]()
    out.reserveCapacity(utf8.count + replacement.utf8.count * 4)
    for b in utf8 {
      if b == byte { out.append(contentsOf: replacement.utf8) } else { out.append(b) }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
