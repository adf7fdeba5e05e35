import CNcursesw
import IglooWizard

/// Turns what `wget_wch` reports into a ``Key``; kept free of I/O so its table is easy to read.
enum KeyDecoding {
  /// What one `wget_wch` result means.
  enum Decoded: Equatable {
    case key(Key)
    case resize
    /// Something the wizard has no use for (an unmapped function key, NUL, …): read again.
    case ignore
  }

  /// A character delivered with `OK`: text, or one of the control codes the terminal sends
  /// for Enter, Tab, Esc and Backspace in raw mode.
  static func character(_ code: UInt32) -> Decoded {
    switch code {
    case 10, 13: return .key(.enter)
    case 9: return .key(.tab)
    case 27: return .key(.escape)
    case 127, 8: return .key(.backspace)
    case 1...26:
      // raw() delivers Ctrl-C, Ctrl-S, … as 3, 19, …: report them as control keys.
      return .key(.control(Character(Unicode.Scalar(UInt8(code) + 0x60))))
    case 0, 28...31: return .ignore
    case 0x80...0x9F: return .ignore  // C1 controls
    default:
      guard let scalar = Unicode.Scalar(code) else { return .ignore }
      return .key(.character(Character(scalar)))
    }
  }

  /// A key code delivered with `KEY_CODE_YES`.
  static func keyCode(_ code: Int32) -> Decoded {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    // Some terminfo entries (screen, tmux) describe Home/End as Find/Select or via the keypad.
    case KEY_HOME, KEY_FIND, KEY_A1: return .key(.home)
    case KEY_END, KEY_SELECT, KEY_LL, KEY_C1: return .key(.end)
    case KEY_PPAGE, KEY_A3: return .key(.pageUp)
    case KEY_NPAGE, KEY_C3: return .key(.pageDown)
    case KEY_ENTER: return .key(.enter)
    case KEY_BTAB: return .key(.backTab)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_RESIZE: return .resize
    default:
      for n in 1...12 where code == igloo_key_f(Int32(n)) { return .key(.function(n)) }
      return .ignore
    }
  }
}
