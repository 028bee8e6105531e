import Foundation
import KenshuGroups
import KenshuModel

/// Synthetic people for benchmarks and tests: a profession mix like the FY2022 instructor
/// cohort (31% doctors, 23% nurses, 24% municipal staff, the rest spread over other
/// professions), small organisations of 1–4 people, and prefectures/municipalities.
/// Names are placeholders; no real person is described.
public enum SyntheticCohort {
  public static func people(count: Int, seed: UInt64) -> [Person] {
    var generator = SeededGenerator(seed: seed)
    let others: [Profession] = [
      .pharmacist, .physicalTherapist, .occupationalTherapist, .dietitian, .careManager,
      .medicalSocialWorker, .careWorker, .publicHealthNurse, .dentist,
    ]
    var people: [Person] = []
    var organisation = 0
    var remainingInOrganisation = 0
    for index in 0..<count {
      let draw = generator.nextInt(below: 100)
      let profession: Profession =
        draw < 31 ? .doctor : draw < 54 ? .nurse : draw < 78 ? .municipalStaff : others[draw % others.count]
      if remainingInOrganisation == 0 {
        organisation += 1
        remainingInOrganisation = 1 + generator.nextInt(below: 4)
      }
      remainingInOrganisation -= 1
      let prefecture = 1 + generator.nextInt(below: 47)
      people.append(
        Person(
          id: String(format: "p%04d", index + 1), name: "受講者\(index + 1)", profession: profession,
          organisation: "機関\(organisation)", prefecture: "県\(prefecture)",
          municipality: "市\(prefecture)-\(generator.nextInt(below: 5))"))
    }
    return people
  }

  /// The FY2022 instructor-training cohort's mix: 361 trainees — 112 doctors, 83 nurses,
  /// 86 municipal staff and 80 others — from all 47 prefectures, in organisations of 1–4.
  public static func nationalCohort(seed: UInt64) -> [Person] {
    var people = people(count: 361, seed: seed)
    let others: [Profession] = [
      .pharmacist, .physicalTherapist, .occupationalTherapist, .speechTherapist, .dietitian, .careManager,
      .medicalSocialWorker, .publicHealthNurse,
    ]
    for index in people.indices {
      people[index].profession =
        index < 112
        ? .doctor : index < 195 ? .nurse : index < 281 ? .municipalStaff : others[index % others.count]
    }
    return people
  }
}
