import Domain
import Foundation

/// A generated pupil, as the later parts need them.
struct GeneratedPupil {
    var id: UUID
    var person: GeneratedPerson
    var grade: Int
    var school: Int
    var birth: Date
    var identityKey: String
    var fullName: String { person.fullName }
}

/// The pupils of every school (grades 9–11, registry numbers claimed as the registry form and the import claim them),
/// a pupil account and a parent account per school, and guardians of some other pupils.
extension NetworkBuild {
    func people(_ town: inout GeneratedTown) async throws {
        var rng = random(town.index, 2)
        let perSchool = scale.studentsPerSchool
        let count = perSchool * town.schools.count
        // Pupils in turn from each school, so that a group filled from the front mixes schools.
        var pupils: [GeneratedPupil] = []
        pupils.reserveCapacity(count)
        // No two children of a municipality with the same name and birth date: the registry's identity key is unique.
        var identities = Set<String>()
        for n in 0..<perSchool {
            for school in town.schools.indices {
                let grade = n == 0 ? 10 : 9 + rng.below(3)
                var person: GeneratedPerson
                var birth: Date
                var identity: String
                repeat {
                    person = GeneratedPerson.make(&rng, adult: false, patronymicChance: 92)
                    birth = CivilDay(year: plan.startYear - grade - 6, month: 1, day: 1)!.adding(days: rng.below(365))
                        .date(timeZone: zone)
                    identity = StudentIdentity.key(
                        surname: person.surname, givenName: person.given, patronymic: person.patronymic,
                        birthDate: birth, timeZone: zone)
                } while !identities.insert(identity).inserted
                pupils.append(
                    GeneratedPupil(
                        id: rng.uuid(), person: person, grade: grade, school: school, birth: birth,
                        identityKey: identity))
            }
        }
        let firstNumber = try await rows.claimRegistryNumbers(count, municipalityID: town.id)
        let consentOn = yearStart.adding(days: -10).date(timeZone: zone)
        for (i, pupil) in pupils.enumerated() {
            let person = pupil.person
            var accountID: UUID?
            let number = loginNumbers["student", default: 0] + 1
            let school = town.schools[pupil.school]
            if i < town.schools.count {
                // The first pupil of each school has an account, and so has their mother.
                accountID = try await user(
                    nextLogin("student"), person, role: .student, town: town, organization: school.id,
                    title: "обучающийся (\(school.shortName))", rng: &rng)
            }
            try await rows.add(
                "students",
                [
                    .uuid(pupil.id), .uuid(town.id), .uuid(town.schools[pupil.school].id), .text(person.surname),
                    .text(person.given), .text(person.patronymic), .date(pupil.birth), .int(pupil.grade),
                    .text(["А", "Б", "В"][rng.below(3)]),
                    .text(person.female ? Sex.female.rawValue : Sex.male.rawValue),
                    .bool(rng.chance(2)), .date(consentOn), .text("родитель (законный представитель)"),
                    .text(pupil.identityKey), .text(TextKey.search(person.surname, person.given, person.patronymic)),
                    .text(
                        TextKey.sort([person.surname, person.given, person.patronymic ?? ""].joined(separator: " "))),
                    .text(RecordStatus.active.rawValue), .int(1), .text(nil), .int(firstNumber + i),
                    accountID.map { .uuid($0) } ?? .text(nil),
                ])
            if accountID != nil {
                var mother = GeneratedPerson.make(&rng, adult: true, female: true)
                mother.surname = GeneratedPerson.feminine(person.surname, female: person.female)
                let parentID = try await user(
                    nextLogin("parent"), mother, role: .guardian, town: town, organization: school.id,
                    title: "родитель обучающегося student\(number)", rng: &rng)
                try await guardian(pupil, name: mother.fullName, user: parentID, town: town, rng: &rng)
            } else if rng.chance(10) {
                var mother = GeneratedPerson.make(&rng, adult: true, female: true)
                mother.surname = GeneratedPerson.feminine(person.surname, female: person.female)
                try await guardian(pupil, name: mother.fullName, user: nil, town: town, rng: &rng)
            }
        }
        summary.students += count
        town.pupils = pupils
    }

    private func guardian(
        _ pupil: GeneratedPupil, name: String, user: UUID?, town: GeneratedTown, rng: inout SplitMix64
    ) async throws {
        try await rows.add(
            "guardians",
            [
                .uuid(rng.uuid()), .uuid(town.id), .uuid(pupil.id), .text(name), .text("мать"),
                .text(
                    String(
                        format: "+7 9%02d %03d-%02d-%02d", rng.below(100), rng.below(1000), rng.below(100),
                        rng.below(100))),
                .text(nil), user.map { .uuid($0) } ?? .text(nil), .text(RecordStatus.active.rawValue), .int(1),
                .date(moment(yearStart.adding(days: -10))),
            ])
    }
}

extension GeneratedPerson {
    /// A mother's surname from her child's: «Берестов» → «Берестова», a girl's as it is.
    static func feminine(_ surname: String, female: Bool) -> String {
        if female { return surname }
        if surname.hasSuffix("ой") { return String(surname.dropLast(2)) + "ая" }
        return surname + "а"
    }
}
