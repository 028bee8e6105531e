/// Bounds on what one submission may hold, beyond what the survey itself declares.
public struct SubmissionLimits: Sendable, Hashable {
  /// Longest free text accepted when the item sets no `maxLength` (characters).
  public var textLength: Int
  /// Longest participant id or "other" text (characters).
  public var participantLength: Int
  /// Largest request body in bytes (HTTP 413 beyond it).
  public var bodyBytes: Int

  public init(textLength: Int = 4000, participantLength: Int = 64, bodyBytes: Int = 64 * 1024) {
    self.textLength = textLength
    self.participantLength = participantLength
    self.bodyBytes = bodyBytes
  }

  public static let standard = SubmissionLimits()
}
