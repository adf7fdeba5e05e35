import IglooContent

extension Session {
  /// A new session for a workshop group, filled in from `trainingCase`: workplace, sector, size and scope.
  public init(trainingCase: TrainingCase, pack: ContentPack, date: String) {
    self.init(
      content: ContentRef(pack),
      about: About(workplace: trainingCase.workplace, sector: trainingCase.sector, employees: trainingCase.employees, date: date))
    scope = trainingCase.scope.compactMap { item in
      Stage(rawValue: item.stage).map { ScopeItem(useCase: item.useCase, stage: $0) }
    }
  }
}
