/// The synthesized `Encodable` conformances of this module call `encodeIfPresent`, which leaves
/// nil fields out. `summary.json` is a documented, stable format: undefined figures must be
/// present as `null` so readers can rely on every field. These more specific overloads are
/// picked by the synthesized code in this module and write the null.
extension KeyedEncodingContainer {
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encode(value, forKey: key) }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encode(value, forKey: key) }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encode(value, forKey: key) }
  mutating func encodeIfPresent(_ value: [Double]?, forKey key: Key) throws { try encode(value, forKey: key) }
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encode(value, forKey: key) }
  mutating func encodeIfPresent(_ value: EvaluationReport.Unmatched?, forKey key: Key) throws {
    try encode(value, forKey: key)
  }
}
