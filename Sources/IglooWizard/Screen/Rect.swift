/// A rectangle of cells on a grid: the area a screen or panel may draw in.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
  /// The left column.
  public var x: Int
  /// The top row.
  public var y: Int
  /// Columns; never negative.
  public var width: Int
  /// Rows; never negative.
  public var height: Int

  /// Creates a rectangle, clamping a negative extent to zero so that arithmetic on tiny
  /// screens can never produce an area that a loop would walk backwards through.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// The whole of a grid of `size`.
  public init(_ size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

  /// The column just past the right edge.
  public var maxX: Int { x + width }
  /// The row just past the bottom edge.
  public var maxY: Int { y + height }
  /// Whether it holds no cells.
  public var isEmpty: Bool { width == 0 || height == 0 }

  /// The rectangle shrunk by `dx` columns on each side and `dy` rows at top and bottom.
  public func inset(dx: Int, dy: Int) -> Rect {
    Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
  }

  /// The top `rows` rows (or fewer).
  public func top(_ rows: Int) -> Rect { Rect(x: x, y: y, width: width, height: min(height, rows)) }

  /// Everything below the top `rows` rows.
  public func dropTop(_ rows: Int) -> Rect {
    let r = min(max(0, rows), height)
    return Rect(x: x, y: y + r, width: width, height: height - r)
  }

  /// The left `columns` columns (or fewer).
  public func left(_ columns: Int) -> Rect { Rect(x: x, y: y, width: min(width, columns), height: height) }

  /// Everything right of the left `columns` columns.
  public func dropLeft(_ columns: Int) -> Rect {
    let c = min(max(0, columns), width)
    return Rect(x: x + c, y: y, width: width - c, height: height)
  }

  /// The part of this rectangle that lies inside `other`.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x), top = max(y, other.y)
    return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
  }

  /// `x,y WxH`, for test messages.
  public var description: String { "\(x),\(y) \(width)x\(height)" }
}
