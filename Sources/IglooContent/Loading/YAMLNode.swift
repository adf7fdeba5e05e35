import Foundation
import Yams

/// Collects diagnostics while a pack is read, so that one pass reports every problem, not the first.
final class DiagnosticSink {
  private(set) var items: [Diagnostic] = []

  func report(_ file: String, _ line: Int, _ message: String) {
    items.append(Diagnostic(Origin(file: file, line: line), message))
  }
}

/// A YAML node with its file, read field by field so that every problem names its line.
struct YAMLNode {
  let node: Node
  let file: String
  let sink: DiagnosticSink

  /// The node's line, counted from 1.
  var line: Int { node.mark?.line ?? 1 }
  var origin: Origin { Origin(file: file, line: line) }

  func report(_ message: String) { sink.report(file, line, message) }

  private func child(_ node: Node) -> YAMLNode { YAMLNode(node: node, file: file, sink: sink) }

  /// The value under `key`, or nil when absent (or `null`).
  func optional(_ key: String) -> YAMLNode? {
    guard let mapping = node.mapping else { return nil }
    for (k, v) in mapping where k.string == key {
      if case .scalar(let s) = v, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return nil }
      return child(v)
    }
    return nil
  }

  /// The value under `key`; reports it as missing when absent.
  func required(_ key: String, in what: String) -> YAMLNode? {
    guard node.mapping != nil else {
      report("expected a mapping for \(what)")
      return nil
    }
    if let value = optional(key) { return value }
    report("\(what) is missing `\(key)`")
    return nil
  }

  /// Reports keys that this kind of entry does not know, which are usually typos.
  func allowKeys(_ allowed: Set<String>, in what: String) {
    guard let mapping = node.mapping else { return }
    for (k, _) in mapping {
      let name = k.string ?? "?"
      if !allowed.contains(name) {
        sink.report(file, k.mark?.line ?? line, "unknown key `\(name)` in \(what)")
      }
    }
  }

  /// The scalar's text; reports anything that is not a scalar.
  func scalar(_ what: String) -> String? {
    guard case .scalar(let s) = node else {
      report("\(what) must be a single value")
      return nil
    }
    return s.string
  }

  /// A non-empty string under `key`.
  func string(_ key: String, in what: String) -> String? {
    guard let value = required(key, in: what), let text = value.scalar("`\(key)`") else { return nil }
    if text.trimmingCharacters(in: .whitespaces).isEmpty {
      value.report("`\(key)` in \(what) is empty")
      return nil
    }
    return text
  }

  /// A whole number under `key`.
  func int(_ key: String, in what: String) -> Int? {
    guard let value = required(key, in: what), let text = value.scalar("`\(key)`") else { return nil }
    guard let number = Int(text) else {
      value.report("`\(key)` in \(what) must be a whole number, not `\(text)`")
      return nil
    }
    return number
  }

  /// A number under `key`.
  func double(_ key: String, in what: String) -> Double? {
    guard let value = required(key, in: what), let text = value.scalar("`\(key)`") else { return nil }
    guard let number = Double(text), number.isFinite else {
      value.report("`\(key)` in \(what) must be a number, not `\(text)`")
      return nil
    }
    return number
  }

  /// A `true`/`false` under `key`, or `fallback` when absent.
  func bool(_ key: String, default fallback: Bool, in what: String) -> Bool {
    guard let value = optional(key), let text = value.scalar("`\(key)`") else { return fallback }
    switch text.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      value.report("`\(key)` in \(what) must be true or false, not `\(text)`")
      return fallback
    }
  }

  /// The items of a sequence.
  func items(_ what: String) -> [YAMLNode] {
    guard case .sequence(let seq) = node else {
      report("\(what) must be a list")
      return []
    }
    return seq.map(child)
  }

  /// The items of the list under `key`; an absent key is an empty list.
  func list(_ key: String, in what: String) -> [YAMLNode] {
    optional(key)?.items("`\(key)` in \(what)") ?? []
  }

  /// The strings of the list under `key`.
  func strings(_ key: String, in what: String) -> [String] {
    list(key, in: what).compactMap { $0.scalar("an item of `\(key)`") }
  }

  /// A text in both languages; the node itself must be `{da: ..., en: ...}`.
  func localized(_ what: String) -> LocalizedText? {
    guard node.mapping != nil else {
      report("\(what) must have a Danish and an English text (`da:` and `en:`)")
      return nil
    }
    allowKeys(["da", "en"], in: what)
    var texts: [Language: String] = [:]
    for language in Language.allCases {
      let value = optional(language.rawValue)?.scalar("`\(language.rawValue)` of \(what)")
      if let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        texts[language] = value
      } else {
        report("missing translation (\(language.rawValue)) for \(what)")
      }
    }
    return LocalizedText(da: texts[.da] ?? "", en: texts[.en] ?? "")
  }

  /// A text in both languages under `key`.
  func text(_ key: String, in what: String) -> LocalizedText? {
    required(key, in: what)?.localized("`\(key)` of \(what)")
  }

  /// An optional text in both languages under `key`.
  func optionalText(_ key: String, in what: String) -> LocalizedText? {
    optional(key)?.localized("`\(key)` of \(what)")
  }

  /// The pairs of a mapping, in file order.
  func pairs(_ what: String) -> [(key: String, value: YAMLNode, line: Int)] {
    guard let mapping = node.mapping else {
      report("\(what) must be a mapping")
      return []
    }
    return mapping.map { (k, v) in (k.string ?? "?", child(v), k.mark?.line ?? line) }
  }
}
