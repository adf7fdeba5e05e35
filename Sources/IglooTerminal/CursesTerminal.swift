import CNcursesw
import IglooWizard

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal: draws ``Grid``s with ncursesw and reads keys, and always gives the tty back.
///
/// Lifecycle: ``init(environment:)`` → ``start()`` → any number of ``draw(_:)`` / ``readKey()``
/// → ``stop()``. `stop()` is idempotent; call it on every path (`defer`), and the
/// ``TerminalGuard`` installed by `start()` covers signals and crashes.
///
/// **Locale.** `start()` calls `setlocale(LC_ALL, "")`. If the resulting codeset is not UTF-8
/// (for example `LANG` unset, or `LANG=C`), it switches only `LC_CTYPE` to `C.UTF-8` (then
/// `C.utf8`, `en_US.UTF-8`), so æøå are drawn and typed correctly whatever the user's locale;
/// ``textMode`` is then `.utf8Fallback`. If no UTF-8 locale exists on the machine at all,
/// ``textMode`` is `.ascii`: every non-ASCII character is drawn as an ASCII stand-in of the same
/// width (box lines as `-|+`, bars as `#`, å/ø/æ as a/o/a), input bytes are decoded as UTF-8 by
/// igloo itself, and ``notice`` holds a one-line warning that the CLI prints. The answers typed are
/// stored correctly either way; only their display is approximated.
///
/// **Colour.** Colours when the terminal has them; monochrome attributes (bold, reverse, dim,
/// underline) when it has none or when `NO_COLOR` is set to a non-empty value.
///
/// **Test hook.** With `IGLOO_TEST_CRASH_AFTER_KEYS=N` in the environment, the terminal calls
/// `fatalError` when asked for key N+1, after the first N keys have been handled, to prove that a
/// crash gives the terminal back and leaves the last save intact. `IGLOO_TEST_ASCII=1` forces the
/// ASCII text mode.
public final class CursesTerminal: Terminal {
  /// How text reaches the screen; decided by ``start()`` from the locale (see the type's notes).
  public enum TextMode: Sendable, Equatable {
    /// The user's locale is UTF-8.
    case utf8
    /// The user's locale is not UTF-8; `LC_CTYPE` was switched to a UTF-8 locale for igloo.
    case utf8Fallback
    /// No UTF-8 locale exists: non-ASCII text is drawn as ASCII stand-ins.
    case ascii
  }

  /// Whether styles are shown as colours or as attributes only.
  public enum ColorMode: Sendable, Equatable {
    /// Colour pairs plus attributes.
    case color
    /// Bold, reverse, dim and underline only (no colours, or `NO_COLOR`).
    case monochrome
  }

  /// The text mode chosen by ``start()``.
  public private(set) var textMode: TextMode = .utf8
  /// The colour mode chosen by ``start()``.
  public private(set) var colorMode: ColorMode = .monochrome
  /// A one-line warning for the user about the terminal (the ASCII fallback), or nil.
  public private(set) var notice: String?

  private let environment: [String: String]
  private var screen: OpaquePointer?
  private var window: UnsafeMutablePointer<WINDOW>? { igloo_stdscr() }
  private var attributes: [CellStyle: attr_t] = [:]
  /// The styles whose look shows on a blank cell (reverse, underline, a background colour). A blank
  /// in any other style looks the same as a plain blank, so it may be drawn in whichever such
  /// style is cheapest to send (see `drawnStyles`).
  private var visibleOnBlank: Set<CellStyle> = []
  private var cursorVisible: Bool?
  private var pending: [Key] = []
  private var inputEnded = false
  /// Set by a resize: the next draw repaints every cell, not just the changes.
  private var repaintAll = true
  /// The rows handed to ncurses last time, so that a frame touches only the rows that changed.
  private var drawnRows: [[Cell]] = []
  private var keysDelivered = 0
  private let crashAfterKeys: Int?

  /// Errors in a row after which input is taken to have ended (stdin closed, the tty gone).
  private static let maxConsecutiveErrors = 50
  /// How long one read waits for a key (ms) before igloo checks the window size itself.
  private static let idleTimeout: Int32 = 200

  /// Called while no key comes, about every 200 ms: the wizard saves the text being typed here,
  /// a moment after the last keystroke (``WizardRunner/saveDraftIfDue(now:)``).
  public var onIdle: (() -> Void)?

  /// Creates a terminal driver; nothing touches the tty until ``start()``.
  /// - Parameter environment: the process environment (injected so tests can vary it).
  public init(environment: [String: String]) {
    self.environment = environment
    crashAfterKeys = environment["IGLOO_TEST_CRASH_AFTER_KEYS"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
  }

  deinit { stop() }

  /// Checks that a full-screen wizard can run here, without touching the terminal: both standard
  /// input and output are terminals, and `TERM` is set and not `dumb`.
  /// - Throws: ``TerminalError`` with a one-line explanation.
  public static func checkInteractive(environment: [String: String]) throws {
    guard isatty(0) == 1 else { throw TerminalError.stdinNotATerminal }
    guard isatty(1) == 1 else { throw TerminalError.stdoutNotATerminal }
    guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
    guard term != "dumb" else { throw TerminalError.termDumb }
  }

  /// Takes over the terminal: checks it, sets the locale, installs the ``TerminalGuard``, and
  /// starts curses in raw mode with the keypad on and a short Esc delay.
  /// - Throws: ``TerminalError`` before anything is drawn when the terminal cannot be used.
  public func start() throws {
    guard screen == nil else { return }
    try Self.checkInteractive(environment: environment)
    chooseLocale()

    TerminalGuard.install()
    // newterm rather than initscr: with an unknown TERM it returns NULL instead of exiting.
    guard let newScreen = newterm(nil, igloo_stdout(), igloo_stdin()) else {
      TerminalGuard.uninstall()
      throw TerminalError.unknownTerminal(environment["TERM"] ?? "")
    }
    screen = newScreen
    TerminalGuard.setCursesActive(true)

    raw()
    noecho()
    nonl()
    keypad(window, true)
    defineExtraKeys()
    set_escdelay(25)
    wtimeout(window, Self.idleTimeout)
    setUpStyles()
    cursorVisible = nil
  }

  /// Gives the terminal back (endwin, delscreen) and removes the signal handlers. Idempotent,
  /// and safe to call when ``start()`` failed or never ran.
  public func stop() {
    guard let current = screen else { return }
    screen = nil
    curs_set(1)
    endwin()
    // Only now: a signal arriving before endwin still finds curses active and ends it itself.
    TerminalGuard.setCursesActive(false)
    delscreen(current)
    TerminalGuard.releaseStderr()
    TerminalGuard.uninstall()
  }

  /// The current size in cells (80×24 before ``start()``).
  public var size: Size {
    guard screen != nil, let window else { return Size(width: 80, height: 24) }
    // A pane beyond 1000×1000 is drawn as 1000×1000: a grid of 10000×10000 cells took gigabytes
    // and tens of seconds a frame, and no one reads that much at once.
    return Size(width: min(Self.largestSide, Int(getmaxx(window))), height: min(Self.largestSide, Int(getmaxy(window))))
  }

  /// The largest width or height igloo draws.
  public static let largestSide = 1000

  /// Shows `grid`: one `mvaddstr` per run of equally styled cells, then the cursor at
  /// `grid.cursor` (or hidden when it is nil).
  public func draw(_ grid: Grid) {
    guard screen != nil, let window else { return }
    let height = min(grid.size.height, Int(getmaxy(window)))
    let width = min(grid.size.width, Int(getmaxx(window)))
    if repaintAll {
      // After a resize the terminal may have cut, wrapped or cleared what it showed, so
      // ncurses' picture of the screen is no longer true: repaint everything once.
      clearok(window, true)
      repaintAll = false
      drawnRows = []
    }
    // A cursor move changes two or three rows: the others are neither rebuilt as strings nor
    // handed to ncurses again. A new size (or a repaint) draws every row.
    let rows = Array(grid.rows.prefix(max(0, height))).map { Array($0.prefix(max(0, width))) }
    if drawnRows.count != rows.count || drawnRows.first?.count != rows.first?.count {
      werase(window)
      drawnRows = []
    }
    for row in 0..<rows.count where drawnRows.isEmpty || drawnRows[row] != rows[row] {
      wmove(window, Int32(row), 0)
      wclrtoeol(window)
      drawRow(grid.rows[row], row: row, width: width, window: window)
    }
    drawnRows = rows
    if let cursor = grid.cursor, cursor.row >= 0, cursor.row < height, cursor.column >= 0, cursor.column < width {
      wmove(window, Int32(cursor.row), Int32(cursor.column))
      leaveok(window, false)
      setCursor(visible: true)
    } else {
      // A hidden cursor may stay wherever the last change left it: without this, every frame
      // ends with a move of the invisible cursor back to the window's position.
      leaveok(window, true)
      setCursor(visible: false)
    }
    igloo_set_attributes(window, igloo_a_normal())
    wrefresh(window)
  }

  /// The next key; `.resize` once after a burst of resizes; nil when input has ended.
  public func readKey() -> Key? {
    if let limit = crashAfterKeys, keysDelivered >= limit {
      fatalError("IGLOO_TEST_CRASH_AFTER_KEYS=\(limit) reached (test-only crash)")
    }
    guard let key = nextKey() else { return nil }
    if key != .resize { keysDelivered += 1 }
    return key
  }

  // MARK: - Locale

  private func chooseLocale() {
    _ = setlocale(LC_ALL, "")
    // Curses needs only the character type; numbers stay in the C format, so that nothing in
    // the process that formats or parses them through C (JSON, YAML) ever sees a decimal comma.
    _ = setlocale(LC_NUMERIC, "C")
    if environment["IGLOO_TEST_ASCII"] == "1" {
      _ = setlocale(LC_ALL, "C")
      useASCII()
      return
    }
    if Self.codesetIsUTF8() {
      textMode = .utf8
      return
    }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil && Self.codesetIsUTF8() {
      textMode = .utf8Fallback
      return
    }
    useASCII()
  }

  private func useASCII() {
    textMode = .ascii
    notice =
      "igloo: no UTF-8 locale is available, so æ, ø, å and line drawing are shown as ASCII "
      + "stand-ins (your text is still saved correctly); install or enable a UTF-8 locale to fix this"
  }

  private static func codesetIsUTF8() -> Bool {
    guard let raw = igloo_codeset() else { return false }
    let name = String(cString: raw).lowercased()
    return name == "utf-8" || name == "utf8"
  }

  // MARK: - Styles

  private func setUpStyles() {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let bold = igloo_a_bold(), reverse = igloo_a_reverse(), dim = igloo_a_dim(), underline = igloo_a_underline()
    if !noColor, has_colors(), start_color() != ERR {
      colorMode = .color
      let background: Int16 = use_default_colors() != ERR ? -1 : Int16(COLOR_BLACK)
      let many = igloo_colors() >= 256
      let pairs: [(CellStyle, Int16, Int16, attr_t)] = [
        (.title, Int16(COLOR_CYAN), background, bold),
        (.risk, Int16(COLOR_RED), background, bold),
        (.opportunity, Int16(COLOR_GREEN), background, 0),
        (.moderate, Int16(COLOR_YELLOW), background, 0),
        (.good, Int16(COLOR_GREEN), background, bold),
        (.error, Int16(COLOR_WHITE), Int16(COLOR_RED), bold),
        (.field, Int16(COLOR_WHITE), Int16(COLOR_BLUE), 0),
        // Grey where the palette has it: dim alone is invisible on some projectors' terminals.
        (.dim, many ? 245 : -1, background, many ? 0 : dim),
      ]
      attributes = [.normal: 0, .selected: reverse | bold]
      visibleOnBlank = []
      for (index, entry) in pairs.enumerated() {
        let pair = Int16(index + 1)
        if entry.1 < 0 {
          attributes[entry.0] = entry.3
        } else {
          init_pair(pair, entry.1, entry.2)
          attributes[entry.0] = igloo_color_pair(pair) | entry.3
          // A background colour shows on a blank; without default colours that is every pair.
          if entry.2 >= 0 { visibleOnBlank.insert(entry.0) }
        }
      }
    } else {
      colorMode = .monochrome
      attributes = [
        .normal: 0, .title: bold, .selected: reverse, .dim: dim, .risk: bold | underline,
        .opportunity: underline, .moderate: 0, .good: 0, .error: bold | reverse | underline,
        .field: underline,
      ]
      visibleOnBlank = []
    }
    // Reverse video and underline show on a blank; bold, dim and a foreground colour do not.
    for (style, attribute) in attributes where attribute & (reverse | underline) != 0 { visibleOnBlank.insert(style) }
  }

  // MARK: - Drawing

  /// The style each cell of a row is drawn in: its own, except for blanks whose style does not
  /// show on a blank (bold, dim, a foreground colour only).
  ///
  /// Such a blank looks the same in any such style, so it continues the style of the cell on its
  /// left when that style does not show on blanks either; first in a row, or after a cell whose
  /// style shows, it keeps its own. Then ncurses changes no attribute for the spaces inside a
  /// title, after a key or at the end of a line (a row never has more attribute changes than the
  /// grid's own styles), and it can erase such blanks (EL, ECH) where it would otherwise write
  /// them: it erases only blanks that are plain, bold, dim or coloured in the foreground, and
  /// the status column's blanks were bold cyan. A blank whose style shows (the selection bar's
  /// reverse video, a field's background) keeps it. The choice depends only on the row, never
  /// on earlier frames: keeping a blank's style from the frame before was measured to cost more,
  /// because the spaces between new words then kept switching attributes.
  /// - Parameters:
  ///   - cells: the row, as the grid has it.
  ///   - width: how many of its cells are drawn.
  ///   - visibleOnBlank: the styles that show on a blank with the terminal's colours.
  static func drawnStyles(_ cells: [Cell], width: Int, visibleOnBlank: Set<CellStyle>) -> [CellStyle] {
    var styles = [CellStyle](repeating: .normal, count: width)
    for column in 0..<width {
      let cell = cells[column]
      styles[column] = cell.style
      guard cell.text == " ", !visibleOnBlank.contains(cell.style), column > 0 else { continue }
      let previous = styles[column - 1]
      if !visibleOnBlank.contains(previous) { styles[column] = previous }
    }
    return styles
  }

  private func drawRow(_ cells: [Cell], row: Int, width: Int, window: UnsafeMutablePointer<WINDOW>) {
    let styles = Self.drawnStyles(cells, width: width, visibleOnBlank: visibleOnBlank)
    var column = 0
    while column < width {
      let start = column
      let style = styles[column]
      var text = ""
      var cellsUsed = 0
      while column < width {
        let cell = cells[column]
        if cell.text.isEmpty {
          // The second half of a wide grapheme: drawn by its first half, unless it is orphaned at
          // the start of a run (then a blank keeps the columns aligned).
          if column == start { text += " " }
          column += 1
          cellsUsed += 1
          continue
        }
        if styles[column] != style { break }
        let cellWidth = (column + 1 < width && cells[column + 1].text.isEmpty) ? 2 : 1
        if column + cellWidth > width { column = width; break }  // a wide grapheme cut at the edge
        text += textMode == .ascii ? ASCIIFallback.replacement(for: cell.text, width: cellWidth) : cell.text
        column += cellWidth
        cellsUsed += cellWidth
        // If ncurses measures a wide or combined grapheme differently from Grid, end the run
        // here so that the misalignment cannot spread to the rest of the line.
        if cellWidth == 2 || cell.text.unicodeScalars.count > 1 { break }
      }
      if cellsUsed == 0 { column += 1; continue }
      igloo_set_attributes(window, attributes[style] ?? 0)
      _ = mvwaddstr(window, Int32(row), Int32(start), text)
    }
  }

  /// Teaches ncurses the Home/End sequences that terminfo often leaves out: tmux and screen send
  /// `ESC [1~` / `ESC [4~` whatever TERM says, rxvt `ESC [7~` / `ESC [8~`, and xterm in its
  /// two cursor modes `ESC OH` / `ESC [H`. Without this they arrive as Esc followed by text.
  private func defineExtraKeys() {
    for sequence in ["\u{1b}[1~", "\u{1b}[7~", "\u{1b}OH", "\u{1b}[H"] { define_key(sequence, KEY_HOME) }
    for sequence in ["\u{1b}[4~", "\u{1b}[8~", "\u{1b}OF", "\u{1b}[F"] { define_key(sequence, KEY_END) }
  }

  private func setCursor(visible: Bool) {
    guard cursorVisible != visible else { return }
    cursorVisible = visible
    curs_set(visible ? 1 : 0)
  }

  // MARK: - Input

  private enum Raw {
    case character(UInt32)
    case code(Int32)
    case error
  }

  /// Whether another key is already waiting (a paste arrives as thousands of them): the wizard
  /// then handles it before drawing, so a 100 KB paste is not drawn 100,000 times.
  public var keyIsWaiting: Bool {
    if !pending.isEmpty { return true }
    guard let window, !inputEnded else { return false }
    wtimeout(window, 0)
    defer { wtimeout(window, Self.idleTimeout) }
    switch readRaw() {
    case .error: return false
    case .character(let code):
      if case .key(let key) = KeyDecoding.character(code) { pending.append(key) }
    case .code(let code):
      switch KeyDecoding.keyCode(code) {
      case .key(let key): pending.append(key)
      case .resize:
        drainResizes()
        repaintAll = true
        pending.append(.resize)
      case .ignore: break
      }
    }
    return !pending.isEmpty
  }

  private func nextKey() -> Key? {
    if !pending.isEmpty { return pending.removeFirst() }
    guard screen != nil, !inputEnded else { return nil }
    var errors = 0
    while true {
      let started = ContinuousClock.now
      switch readRaw() {
      case .error:
        if resizedUnnoticed() {
          drainResizes()
          repaintAll = true
          return .resize
        }
        // A read that waited its full time simply saw no key. One that failed at once means
        // stdin is closed or broken: after a run of those, input has ended.
        if ContinuousClock.now - started >= .milliseconds(Int(Self.idleTimeout) / 2) {
          errors = 0
          onIdle?()
          continue
        }
        errors += 1
        if errors >= Self.maxConsecutiveErrors {
          inputEnded = true
          return nil
        }
        // Never spin: a closed stdin answers at once, so pause a little between attempts.
        usleep(2_000)
      case .character(let code):
        errors = 0
        if case .key(let key) = KeyDecoding.character(code) { return key }
      case .code(let code):
        errors = 0
        switch KeyDecoding.keyCode(code) {
        case .key(let key): return key
        case .resize:
          drainResizes()
          repaintAll = true
          return .resize
        case .ignore: break
        }
      }
    }
  }

  /// Catches a resize that ncurses missed, and adopts the new size.
  ///
  /// ncurses notices SIGWINCH only when it interrupts a read, or inside a refresh. A signal that
  /// arrives just after a refresh has looked leaves the new size unseen until the next key: the
  /// screen would stay drawn for the old size (this happened at the end of resize bursts). So
  /// reads wait at most ``idleTimeout`` and the real size is compared here after each one.
  private func resizedUnnoticed() -> Bool {
    guard let window else { return false }
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard igloo_terminal_size(&rows, &columns) == 0, rows > 0, columns > 0 else { return false }
    guard rows != getmaxy(window) || columns != getmaxx(window) else { return false }
    resizeterm(rows, columns)
    return true
  }

  /// Swallows the rest of a burst of resizes, so the wizard lays out once; a real key that
  /// arrives in the window is kept for the next read.
  private func drainResizes() {
    guard let window else { return }
    wtimeout(window, 30)
    defer { wtimeout(window, Self.idleTimeout) }
    while true {
      switch readRaw() {
      case .error: return
      case .code(let code):
        switch KeyDecoding.keyCode(code) {
        case .resize: continue
        case .key(let key):
          pending.append(key)
          return
        case .ignore: continue
        }
      case .character(let code):
        if case .key(let key) = KeyDecoding.character(code) {
          pending.append(key)
          return
        }
      }
    }
  }

  private func readRaw() -> Raw {
    guard let window else { return .error }
    if textMode == .ascii { return readRawBytes(window) }
    var value: wint_t = 0
    switch wget_wch(window, &value) {
    case OK: return .character(UInt32(value))
    case KEY_CODE_YES: return .code(Int32(value))
    default: return .error
    }
  }

  /// Reads in the C locale, where `wget_wch` stops after a non-ASCII byte: bytes come from
  /// `wgetch` and UTF-8 sequences are put together here.
  private func readRawBytes(_ window: UnsafeMutablePointer<WINDOW>) -> Raw {
    let first = wgetch(window)
    if first == ERR { return .error }
    if first >= KEY_CODE_YES { return .code(first) }
    guard first >= 0x80 else { return .character(UInt32(first)) }
    let lead = UInt8(truncatingIfNeeded: first)
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    var bytes = [lead]
    if length > 1 {
      wtimeout(window, 20)
      defer { wtimeout(window, Self.idleTimeout) }
      for _ in 1..<length {
        let next = wgetch(window)
        guard next != ERR, next >= 0x80, next < 0xC0 else { break }
        bytes.append(UInt8(next))
      }
    }
    if bytes.count == length, let decoded = String(validating: bytes, as: UTF8.self),
      let scalar = decoded.unicodeScalars.first
    {
      return .character(scalar.value)
    }
    return .character(UInt32(lead))  // Latin-1, as a last resort
  }
}
