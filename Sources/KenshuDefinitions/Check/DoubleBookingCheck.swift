import KenshuModel

/// Nobody can teach or facilitate two sessions at once: the same person named (as instructor or
/// facilitator) in two sessions whose times overlap on the same date, in any course or
/// programme. Sessions of a course without a date are compared only with each other.
struct DoubleBookingCheck {
  let project: Project

  private struct Booking {
    var start: ClockTime
    var end: ClockTime
    var session: Session
    var role: PersonRole
  }

  func run() -> [Diagnostic] {
    // Person (with the roster that defines them) and day → their bookings.
    var bookings: [[String]: [Booking]] = [:]
    for programme in project.programmes {
      let roster = programme.roster ?? ""
      for course in programme.courses {
        let day = course.date ?? "\u{0}\(programme.id)/\(course.id)"
        for slot in course.timetable {
          guard let start = slot.start, let end = slot.end, end > start else { continue }
          var named: Set<String> = []
          for (role, ids) in [
            (PersonRole.instructor, slot.session.instructors), (.facilitator, slot.session.facilitators),
          ] {
            for id in ids where named.insert(id).inserted {
              bookings[[roster, id, day], default: []].append(
                Booking(start: start, end: end, session: slot.session, role: role))
            }
          }
        }
      }
    }
    var diagnostics: [Diagnostic] = []
    for key in bookings.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let list = bookings[key]!.enumerated().sorted {
        ($0.element.start, $0.offset) < ($1.element.start, $1.offset)
      }.map(\.element)
      guard list.count > 1 else { continue }
      // The booking that ends last so far: any later start before its end overlaps it.
      var latest = list[0]
      for booking in list.dropFirst() {
        if booking.start < latest.end {
          let day: String? = key[2].hasPrefix("\u{0}") ? nil : key[2]
          diagnostics.append(
            .error(
              Catalogue.doubleBooked,
              (
                booking.role.rawValue, key[1], booking.session.id, "\(booking.start)", "\(booking.end)",
                latest.session.id, "\(latest.start)", "\(latest.end)", day
              ),
              at: booking.session.location ?? SourceLocation(file: "?")))
        }
        if booking.end > latest.end { latest = booking }
      }
    }
    return diagnostics
  }
}
