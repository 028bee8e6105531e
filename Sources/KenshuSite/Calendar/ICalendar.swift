import KenshuModel

/// An RFC 5545 calendar of a programme's timetable.
///
/// Times are local wall-clock times in Japan, written with `TZID=Asia/Tokyo` and a matching
/// `VTIMEZONE` (JST, UTC+9, no daylight saving), so every calendar application places them
/// correctly wherever the reader is. UIDs are derived from programme, course and session ids,
/// so re-importing an updated calendar updates events instead of duplicating them. DTSTAMP is
/// the edition date (or the course date) so that an unchanged programme gives identical bytes.
public enum ICalendar {
  /// The calendar text, CRLF line ends and lines folded at 75 octets. Sessions without a
  /// course date or a clock time are left out; breaks are included so the day reads complete.
  public static func calendar(for programme: Programme, baseURL: String?) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kenshu//Kenshu course site//JA", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(HTMLText.plain(programme.title)), "X-WR-TIMEZONE:Asia/Tokyo",
      "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE",
    ]
    let uidDomain = "kenshu.invalid"
    for course in programme.courses {
      guard let date = course.date, let day = compactDate(date) else { continue }
      let stamp = programme.edition?.date.flatMap(compactDate) ?? day
      for slot in course.timetable {
        guard let start = slot.start else { continue }
        // A session running past midnight is clamped to 23:59 of its course day.
        let end = slot.end ?? start
        let session = slot.session
        let uid = [programme.id, course.id, session.id].map(uidPart).joined(separator: ".")
        lines += [
          "BEGIN:VEVENT",
          "UID:\(uid)@\(uidDomain)",
          "DTSTAMP:\(stamp)T000000Z",
          "DTSTART;TZID=Asia/Tokyo:\(day)T\(clock(start))",
          "DTEND;TZID=Asia/Tokyo:\(day)T\(clock(min(end, ClockTime(minutes: 1439))))",
          "SUMMARY:" + escape(HTMLText.plain(session.title)),
          "CATEGORIES:" + escape(session.kind.japaneseLabel),
        ]
        if let venue = course.venue ?? programme.venue {
          lines.append("LOCATION:" + escape(HTMLText.plain(venue)))
        }
        let description =
          [HTMLText.plain(course.title), HTMLText.plain(programme.title)]
          + session.objectives.map { "・" + HTMLText.plain($0.text) }
        lines.append("DESCRIPTION:" + escape(description.joined(separator: "\n")))
        if let baseURL {
          lines.append(
            "URL:" + baseURL + SiteRoutes.session(programme.id, course.id, session.id, view: .learner))
        }
        lines.append("END:VEVENT")
      }
    }
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined(separator: "\r\n") + "\r\n"
  }

  /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
  public static func escape(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\r\n", "\n", "\r": out += "\\n"
      default: out.append(ch)
      }
    }
    return out
  }

  /// Folds a content line so that no line exceeds 75 octets, never splitting a UTF-8
  /// character; continuation lines start with one space (RFC 5545 §3.1).
  public static func fold(_ line: String) -> String {
    guard line.utf8.count > 75 else { return line }
    var out = ""
    var width = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if width + size > 75 {
        out += "\r\n "
        width = 1
      }
      out.unicodeScalars.append(scalar)
      width += size
    }
    return out
  }

  static func compactDate(_ iso: String) -> String? {
    guard let (y, m, d) = DisplayFormat.parts(iso), (1...9999).contains(y) else { return nil }
    return pad(y, 4) + pad(m, 2) + pad(d, 2)
  }

  static func clock(_ time: ClockTime) -> String {
    let minutes = ((time.minutes % 1440) + 1440) % 1440
    return pad(minutes / 60, 2) + pad(minutes % 60, 2) + "00"
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  static func uidPart(_ id: String) -> String { SiteRoutes.segment(id) }
}
