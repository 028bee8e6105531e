import Foundation

/// Submissions per client address per minute, in fixed one-minute windows. A window is cheap
/// (one counter per address) and predictable for organisers ("120 a minute"); bursts at a
/// window edge can reach twice the limit, which is harmless here. A venue behind one router
/// is one address, hence a default that lets a whole session submit at once.
public actor RateLimiter {
  public let perMinute: Int
  private var windows: [String: (start: Date, count: Int)] = [:]

  /// `perMinute` 0 turns limiting off.
  public init(perMinute: Int) { self.perMinute = perMinute }

  /// Nil when the request may proceed (and is counted); otherwise seconds until the client
  /// may try again.
  public func admit(_ client: String, now: Date = Date()) -> Int? {
    guard perMinute > 0 else { return nil }
    if windows.count > 50_000 { forgetExpired(now: now) }
    var window = windows[client] ?? (now, 0)
    if now.timeIntervalSince(window.start) >= 60 { window = (now, 0) }
    guard window.count < perMinute else {
      return max(1, Int((60 - now.timeIntervalSince(window.start)).rounded(.up)))
    }
    window.count += 1
    windows[client] = window
    return nil
  }

  /// Drops finished windows, so that many one-off clients do not grow memory without bound.
  private func forgetExpired(now: Date) {
    windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 }
  }
}
