import Foundation
import IglooContent
import IglooEngine

/// Finds the first thing that makes a text not JSON, in igloo's own words with its line and column.
///
/// Foundation's parser explains itself in English ("Invalid value around character 36."), and its
/// wording may change with any release; reading that text back would break silently. So when
/// Foundation refuses a text, this checker walks the bytes itself (RFC 8259, any value at the top,
/// its own stack so that deep nesting cannot overflow) and names the first fault as a phrase of
/// Content/strings/store.yaml. Its places follow the byte where the fault is, columns counted in
/// characters.
enum JSONSyntax {
  /// The first fault of `data` as a phrase, or "it cannot be read" if none is found (a limit of the
  /// parser's, such as its nesting depth).
  static func problem(in data: Data) -> Phrase {
    data.withUnsafeBytes { raw -> Phrase in
      var checker = Checker(bytes: raw)
      guard let fault = checker.firstFault() else { return Phrase("store.json.why.unknown") }
      let what = fault.key.map { key in Phrase(key, fault.values) }
      guard let offset = fault.offset else { return what ?? Phrase("store.json.why.unknown") }
      let place = JSONShape.position(of: offset, in: data)
      let values = ["line": String(place.line), "column": String(place.column)]
      guard let what else { return Phrase("store.json.at", values) }
      return Phrase("store.json.why-at", values, parts: ["what": what])
    }
  }

  /// What is wrong (a string key, or nil for "something" at a place) and where (a byte offset).
  private struct Fault {
    var key: String?
    var values: [String: String] = [:]
    var offset: Int?
  }

  private struct Checker {
    let bytes: UnsafeRawBufferPointer
    var i = 0

    private enum State { case value, valueOrEnd, key, keyOrEnd, colon, afterValue }

    mutating func firstFault() -> Fault? {
      // One entry per open object (true) or list (false).
      var stack: [Bool] = []
      var state = State.value
      while true {
        skipSpace()
        guard i < bytes.count else {
          // The end: fine after a whole value at the top, else the text stops early.
          return stack.isEmpty && state == .afterValue ? nil : Fault(key: "store.json.why.unexpected-end")
        }
        let b = bytes[i]
        switch state {
        case .valueOrEnd where b == UInt8(ascii: "]"), .keyOrEnd where b == UInt8(ascii: "}"):
          i += 1
          stack.removeLast()
          state = .afterValue
        case .value, .valueOrEnd:
          switch b {
          case UInt8(ascii: "{"):
            i += 1
            stack.append(true)
            state = .keyOrEnd
          case UInt8(ascii: "["):
            i += 1
            stack.append(false)
            state = .valueOrEnd
          default:
            if let fault = scalar() { return fault }
            state = .afterValue
          }
        case .key, .keyOrEnd:
          guard b == UInt8(ascii: "\"") else { return Fault(key: "store.json.why.invalid-value", offset: i) }
          if let fault = string() { return fault }
          state = .colon
        case .colon:
          guard b == UInt8(ascii: ":") else { return Fault(key: "store.json.why.invalid-value", offset: i) }
          i += 1
          state = .value
        case .afterValue:
          guard let inObject = stack.last else { return Fault(offset: i) }  // text after the value
          switch b {
          case UInt8(ascii: ","):
            i += 1
            state = inObject ? .key : .value
          case UInt8(ascii: "}") where inObject, UInt8(ascii: "]") where !inObject:
            i += 1
            stack.removeLast()
          default: return Fault(key: "store.json.why.invalid-value", offset: i)
          }
        }
      }
    }

    private mutating func skipSpace() {
      while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    /// A string, a number or a word at `i`.
    private mutating func scalar() -> Fault? {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "\""): return string()
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
      case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
        for word in ["true", "false", "null"] where word.utf8.first == b {
          let end = i + word.utf8.count
          guard end <= bytes.count, bytes[i..<end].elementsEqual(word.utf8) else {
            return Fault(key: "store.json.why.unexpected-end")
          }
          i = end
        }
        return nil
      default: return Fault(key: "store.json.why.invalid-value", offset: i)
      }
    }

    /// A string at `i` (on its opening quote), escapes checked.
    private mutating func string() -> Fault? {
      i += 1
      while i < bytes.count {
        let b = bytes[i]
        switch b {
        case UInt8(ascii: "\""):
          i += 1
          return nil
        case 0..<0x20: return Fault(key: "store.json.why.control-character", offset: i)
        case UInt8(ascii: "\\"):
          let backslash = i
          guard i + 1 < bytes.count else { return Fault(key: "store.json.why.unexpected-end") }
          let e = bytes[i + 1]
          i += 2
          switch e {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            continue
          case UInt8(ascii: "u"):
            guard let unit = hex4() else { return Fault(key: "store.json.why.invalid-hex", offset: backslash + 2) }
            if (0xD800...0xDBFF).contains(unit) {
              guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                return Fault(key: "store.json.why.lone-surrogate")
              }
              i += 2
              guard let low = hex4() else { return Fault(key: "store.json.why.invalid-hex", offset: i) }
              guard (0xDC00...0xDFFF).contains(low) else { return Fault(key: "store.json.why.lone-surrogate") }
            } else if (0xDC00...0xDFFF).contains(unit) {
              return Fault(key: "store.json.why.lone-surrogate")
            }
          default: return Fault(key: "store.json.why.invalid-escape", offset: backslash)
          }
        default: i += 1
        }
      }
      return Fault(key: "store.json.why.unexpected-end")
    }

    private mutating func hex4() -> UInt32? {
      guard i + 4 <= bytes.count else { return nil }
      var v: UInt32 = 0
      for b in bytes[i..<(i + 4)] {
        guard let digit = Character(Unicode.Scalar(b)).hexDigitValue else { return nil }
        v = v << 4 | UInt32(digit)
      }
      i += 4
      return v
    }

    /// A number at `i`: `-`, digits without a leading zero, a fraction, an exponent; one too large
    /// for a Double is out of range.
    private mutating func number() -> Fault? {
      let start = i
      if bytes[i] == UInt8(ascii: "-") { i += 1 }
      func digits() -> Int {
        let from = i
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        return i - from
      }
      let intStart = i
      let whole = digits()
      guard whole > 0 else { return Fault(key: "store.json.why.invalid-value", offset: i < bytes.count ? i : start) }
      if whole > 1 && bytes[intStart] == UInt8(ascii: "0") { return Fault(key: "store.json.why.leading-zero", offset: intStart + 1) }
      if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
        i += 1
        guard digits() > 0 else { return Fault(key: "store.json.why.invalid-value", offset: i) }
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
        i += 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { return Fault(key: "store.json.why.invalid-value", offset: i) }
      }
      let text = String(decoding: bytes[start..<i], as: UTF8.self)
      if let value = Double(text), !value.isFinite {
        return Fault(key: "store.json.why.number-out-of-range", values: ["number": text])
      }
      return nil
    }
  }
}
