extension ResponseStore {
  /// For each of `modules`, the participants whose stored completion passed (the server
  /// decided `passed` from the quiz's pass mark): what `kenshu certificates` counts in
  /// `<pass module>` rules. A participant with several completions counts once; a completion
  /// that did not pass counts for nothing.
  public func passedParticipants(modules: [String]) async throws -> [String: Set<String>] {
    var passed: [String: Set<String>] = [:]
    for module in Set(modules).sorted() {
      let people = try await completions(moduleID: module).filter(\.passed).map(\.participant)
      if !people.isEmpty { passed[module] = Set(people) }
    }
    return passed
  }
}
