/// The kind of occupational health and safety organisation (AMO) a workplace's size implies.
///
/// The thresholds are the Danish rules (bekendtgørelse om samarbejde om arbejdsmiljø); the report states them
/// beside the size so that the committee can check its own set-up.
enum AMOModel: String, Sendable {
  /// 1–9 employees: no AMO, but an APV is still required and the employees take part.
  case none
  /// 10–34 employees: an AMO at one level.
  case oneLevel = "one-level"
  /// 35 or more: working environment groups and a committee.
  case twoLevels = "two-levels"
  /// The number of employees is not given.
  case unknown

  /// The model for a workplace of `employees` people, or ``unknown`` when not given.
  init(employees: Int?) {
    guard let employees else {
      self = .unknown
      return
    }
    switch employees {
    case ..<10: self = .none
    case 10..<35: self = .oneLevel
    default: self = .twoLevels
    }
  }
}
