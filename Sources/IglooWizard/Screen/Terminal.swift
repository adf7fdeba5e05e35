/// What the wizard needs from a terminal: its size, a way to show a grid, and keys.
///
/// The ncurses driver (IglooTerminal) is one implementation; ``FakeTerminal`` is another, which
/// tests drive deterministically with a script of keys and sizes, the way swift-nio's embedded
/// channel drives I/O.
public protocol Terminal: AnyObject {
  /// The current size in cells.
  var size: Size { get }
  /// Shows `grid`, replacing what was shown.
  func draw(_ grid: Grid)
  /// The next key, or nil when input has ended (no more keys will come).
  func readKey() -> Key?
  /// Whether another key is waiting to be read now; the wizard draws only when none is.
  var keyIsWaiting: Bool { get }
}

extension Terminal {
  /// No: every key is drawn (a scripted terminal shows each step).
  public var keyIsWaiting: Bool { false }
}

/// A terminal in memory: keys come from a script, drawn grids are kept for inspection.
public final class FakeTerminal: Terminal {
  /// The size reported; tests change it and send `.resize`.
  public var size: Size
  /// Every grid drawn, in order.
  public private(set) var frames: [Grid] = []
  private var script: [Key]

  /// Creates a fake terminal of `size` that will deliver `keys`.
  public init(size: Size, keys: [Key] = []) {
    self.size = size
    self.script = keys
  }

  /// Adds keys to the end of the script.
  public func type(_ keys: [Key]) { script += keys }

  /// Adds the characters of `text` as key presses.
  public func type(_ text: String) { script += text.map(Key.character) }

  /// The last grid drawn.
  public var screen: Grid? { frames.last }

  /// Keeps `grid` as the newest frame.
  public func draw(_ grid: Grid) { frames.append(grid) }

  /// The next scripted key, or nil when the script is used up.
  public func readKey() -> Key? {
    script.isEmpty ? nil : script.removeFirst()
  }
}
