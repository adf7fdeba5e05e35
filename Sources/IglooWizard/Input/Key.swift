/// A key press, as the terminal driver reports it and the key-binding tables match it.
public enum Key: Sendable, Hashable, CustomStringConvertible {
  /// A printable character, as typed (æøå included).
  case character(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case enter, escape, tab, backTab, backspace, delete
  /// A function key, F1–F12.
  case function(Int)
  /// A control key: `.control("s")` is Ctrl-S.
  case control(Character)
  /// The terminal changed size; the driver sends this after draining a burst of resizes.
  case resize

  /// How the key is written on a keyboard: arrows as arrows, `F1`, `Ctrl-L`.
  public var description: String {
    switch self {
    case .character(let c): String(c)
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .delete: "Del"
    case .function(let n): "F\(n)"
    case .control(let c): "Ctrl-\(String(c).uppercased())"
    case .resize: "resize"
    }
  }
}
