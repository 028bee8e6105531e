/// Every count a publication shows (cells, row and column totals, the grand total) and every sum
/// that links them, as a reader who sees all of it together can use them.
///
/// Counts of people are whole and non-negative and the published totals are sums of cells, so
/// the published equations are the flow-conservation equations of a *circulation*: each count
/// is an edge carrying its value between two nodes (for a cross-tab: source → row → column →
/// sink → source), and at every node what flows in equals what flows out. The set of tables a
/// reader cannot tell apart from the true one is the set of integer circulations that agree on
/// every shown edge, respect each edge's lower bound and satisfy the side constraints. Network
/// matrices are totally unimodular, so without side constraints the feasible values of any one
/// edge form an integer interval whose ends max-flow computes exactly (`SuppressionAudit`).
///
/// Side constraints carry what is not a sum: "people with role r in profession p ≤ people in
/// profession p" (a person with several roles) or "respondents choosing option c ≤ group size"
/// (multiple choice). The audit only ever accepts a witness table that satisfies them, so they
/// can make it stricter, never looser.
public struct DisclosureSystem: Sendable, Hashable {
  /// How a quantity may be published.
  public enum Publication: Sendable, Hashable {
    /// A cell that may be shown or suppressed.
    case suppressible
    /// Always shown (e.g. a total that other files of the same output publish anyway).
    case shown
    /// Never published and known to nobody: the hidden surplus of a multi-valued key
    /// (a person with two roles counted twice).
    case unpublished
  }

  /// One count: an edge of the circulation.
  public struct Quantity: Sendable, Hashable {
    public var value: Int
    /// What a reader may assume from the labels alone: 1 for a category that is listed only
    /// because somebody is in it, else 0.
    public var lowerBound: Int
    public var from: Int
    public var to: Int
    public var publication: Publication

    public init(value: Int, lowerBound: Int = 0, from: Int, to: Int, publication: Publication) {
      self.value = value
      self.lowerBound = lowerBound
      self.from = from
      self.to = to
      self.publication = publication
    }
  }

  /// `Σ coefficient × quantity ≤ bound`, true of the real table and known to the reader.
  public struct SideConstraint: Sendable, Hashable {
    public var terms: [Term]
    public var bound: Int

    public init(terms: [Term], bound: Int) {
      self.terms = terms
      self.bound = bound
    }
  }

  /// One term of a side constraint.
  public struct Term: Sendable, Hashable {
    public var quantity: Int
    public var coefficient: Int

    public init(_ quantity: Int, _ coefficient: Int) {
      self.quantity = quantity
      self.coefficient = coefficient
    }
  }

  public private(set) var nodeCount: Int
  public private(set) var quantities: [Quantity]
  public var sideConstraints: [SideConstraint]

  public init(nodeCount: Int) {
    self.nodeCount = nodeCount
    quantities = []
    sideConstraints = []
  }

  /// Adds a node and returns its index.
  public mutating func addNode() -> Int {
    nodeCount += 1
    return nodeCount - 1
  }

  /// Adds a quantity and returns its index.
  @discardableResult
  public mutating func add(_ quantity: Quantity) -> Int {
    precondition(quantity.from < nodeCount && quantity.to < nodeCount && quantity.from != quantity.to)
    quantities.append(quantity)
    return quantities.count - 1
  }

  /// Changes how quantity `index` may be published (e.g. a total another table already shows).
  public mutating func setPublication(_ publication: Publication, of index: Int) {
    quantities[index].publication = publication
  }

  /// Whether `values` satisfy every equation, lower bound and side constraint (a table the
  /// reader cannot rule out, once it also agrees with every shown value).
  public func admits(_ values: [Int]) -> Bool {
    guard values.count == quantities.count else { return false }
    var balance = [Int](repeating: 0, count: nodeCount)
    for (index, quantity) in quantities.enumerated() {
      if values[index] < quantity.lowerBound { return false }
      balance[quantity.from] -= values[index]
      balance[quantity.to] += values[index]
    }
    guard balance.allSatisfy({ $0 == 0 }) else { return false }
    return sideConstraints.allSatisfy { constraint in
      constraint.terms.reduce(0) { $0 + $1.coefficient * values[$1.quantity] } <= constraint.bound
    }
  }

  /// Whether the true values themselves are consistent (a bug check for the builders).
  public var isConsistent: Bool { admits(quantities.map(\.value)) }
}
