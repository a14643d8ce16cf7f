import Domain
import Foundation

/// What one municipality's parts hand to the next.
struct GeneratedTown {
    struct School {
        var id: UUID
        var shortName: String
        var fullName: String
    }
    struct Person {
        var id: UUID
        var name: String
    }
    struct Centre {
        var school: Int
        /// The designation (`resource_centers`) of the year.
        var designation: UUID
        var subjects: [Int]
        var rooms: [UUID]
        var head: Person
        var teachers: [Person] = []
    }
    var index: Int
    var id: UUID
    var yearID: UUID
    var holidays: [HolidayPeriod]
    var subjects: [(id: UUID, name: String)] = []
    var schools: [School] = []
    var centres: [Centre] = []
    var pupils: [GeneratedPupil] = []
    var groups: [GeneratedGroup] = []
    /// The finished groups' attendance of each member (by group index, in `members` order), for the results.
    var attendance: [Int: [StudentAttendance]] = [:]
}

/// The registry of a municipality: the municipality, its organisations (audited as the registry form does), the academic
/// year with its holidays, subjects, resource centres of the year with their subjects and rooms, the staff, and the users
/// of every role but pupils and parents.
extension NetworkBuild {
    /// Groups a room or a teacher can hold in a week without two at once: six weekdays × three afternoon times, two
    /// slots a group when it meets twice a week (`NetworkBuild+Journal`).
    var slotsPerWeek: Int { 18 / scale.lessonsPerWeek }

    func registry(_ index: Int) async throws -> GeneratedTown {
        var rng = random(index, 1)
        let created = moment(yearStart.adding(days: -30))
        let townName = NetworkNames.town(index)
        let municipality = Municipality(id: rng.uuid(), name: "Городской округ \(townName)")
        let municipalityID = try municipality.requireID()
        try await rows.add(
            "municipalities",
            [
                .uuid(municipalityID), .text(municipality.name), .text(municipality.timeZone), .date(created),
                .text(municipality.certificateSeries), .int(municipality.certificateMinAttendance), .int(0),
            ])
        summary.municipalities += 1
        func organization(_ kind: OrganizationKind, _ full: String, _ short: String, _ n: Int) async throws -> UUID {
            let org = Organization()
            org.id = rng.uuid()
            org.$municipality.id = municipalityID
            org.apply(
                OrganizationInput(
                    kind: kind, fullName: full, shortName: short,
                    address: "г. \(townName), \(NetworkNames.streets[n % NetworkNames.streets.count]), \(n + 1)",
                    phone: String(format: "+7 (900) %03d-%02d-%02d", index + 1, n / 100, n % 100),
                    email: "org\(n + 1).m\(index + 1)@setka.example", website: nil, headName: nil))
            org.status = RecordStatus.active.rawValue
            org.version = 1
            let id = try org.requireID()
            try await rows.add(
                "organizations",
                [
                    .uuid(id), .uuid(municipalityID), .text(org.kind), .text(org.fullName), .text(org.shortName),
                    .text(org.address), .text(org.phone), .text(org.email), .text(nil), .text(nil),
                    .text(org.status), .text(org.searchKey), .text(org.sortKey), .int(org.version),
                    .date(created), .date(created),
                ])
            var entry = Audit.entry(
                req: nil, action: .create, entityType: "organization", entityID: id, title: org.shortName,
                municipalityID: municipalityID, organizationID: id, before: nil, after: org.auditFields)
            entry.id = rng.uuid()
            entry.at = created
            try await rows.audit(entry)
            summary.organizations += 1
            return id
        }
        _ = try await organization(
            .authority, "Управление образования администрации городского округа \(townName)", "Управление образования",
            0)
        _ = try await organization(
            .coordinationCenter, "Координационно-методический центр по работе с одарёнными учащимися", "КМЦ", 1)
        _ = try await organization(
            .methodService, "Муниципальное казённое учреждение «Центр развития образования»", "МКУ «ЦРО»", 2)
        let year = AcademicYear(
            municipalityID: municipalityID, title: "\(plan.startYear)/\(plan.startYear + 1)",
            startsOn: yearStart.date(timeZone: zone), endsOn: yearEnd.date(timeZone: zone), isCurrent: true)
        let yearID = rng.uuid()
        try await rows.add(
            "academic_years",
            [
                .uuid(yearID), .uuid(municipalityID), .text(year.title), .date(year.startsOn), .date(year.endsOn),
                .bool(true), .text(RecordStatus.active.rawValue), .int(1),
            ])
        let holidays = DemoData.holidayPeriods(startYear: plan.startYear)
        for period in holidays {
            try await rows.add(
                "holiday_periods",
                [
                    .uuid(rng.uuid()), .uuid(municipalityID), .uuid(yearID), .text(period.title),
                    .text(period.kind.rawValue), .int(period.first.number), .int(period.last.number),
                    .text(RecordStatus.active.rawValue), .int(1),
                ])
        }
        var town = GeneratedTown(index: index, id: municipalityID, yearID: yearID, holidays: holidays)
        for name in DemoData.subjects {
            let subject = Subject(municipalityID: municipalityID, name: name)
            let id = rng.uuid()
            try await rows.add(
                "subjects",
                [
                    .uuid(id), .uuid(municipalityID), .text(name), .text(subject.searchKey), .text(subject.sortKey),
                    .text(subject.status), .int(1),
                ])
            town.subjects.append((id, name))
        }
        try await governance(&town, rng: &rng)
        // Schools: the first (СОШ № 1) is not a centre when there are more schools than centres, as in the demo.
        let firstCentre = scale.schoolsPerMunicipality > scale.centresPerMunicipality ? 1 : 0
        for i in 0..<scale.schoolsPerMunicipality {
            let n = i + 1
            let centre = i - firstCentre
            let isCentre = centre >= 0 && centre < scale.centresPerMunicipality
            let (full, short) =
                isCentre
                ? (centre % 2 == 0
                    ? ("«Гимназия № \(n)»", "МБОУ «Гимназия № \(n)»") : ("«Лицей № \(n)»", "МБОУ «Лицей № \(n)»"))
                : ("«Средняя общеобразовательная школа № \(n)»", "МБОУ «СОШ № \(n)»")
            let fullName = "Муниципальное бюджетное общеобразовательное учреждение " + full
            let id = try await organization(.school, fullName, short, 10 + i)
            town.schools.append(.init(id: id, shortName: short, fullName: fullName))
        }
        for centre in 0..<scale.centresPerMunicipality {
            try await resourceCentre(&town, school: firstCentre + centre, number: centre, rng: &rng)
        }
        for school in town.schools.indices {
            let person = GeneratedPerson.make(&rng, adult: true)
            let login = nextLogin("school")
            let userID = try await user(
                login, person, role: .schoolAdmin, town: town, organization: town.schools[school].id,
                title: "администратор школы (\(town.schools[school].shortName))", rng: &rng)
            _ = try await staff(
                person, position: "заместитель директора", organization: town.schools[school].id, subjects: [],
                user: userID, town: town, rng: &rng)
        }
        return town
    }

    /// The municipality's own users: the authority's administrator, the КМЦ's coordinator and a methodologist.
    private func governance(_ town: inout GeneratedTown, rng: inout SplitMix64) async throws {
        let suffix = town.index == 0 ? "" : String(town.index + 1)
        for (login, role, title) in [
            ("admin", Role.authorityAdmin, "администратор органа управления образованием"),
            ("kmc", .coordinator, "координатор КМЦ"), ("metod", .methodologist, "методист"),
        ] {
            _ = try await user(
                login + suffix, GeneratedPerson.make(&rng, adult: true), role: role, town: town, organization: nil,
                title: title, rng: &rng)
        }
    }

    /// A school made a resource centre of the year: three subjects, rooms enough for its groups, a head and a teacher
    /// per programme (each teaches that programme's groups).
    private func resourceCentre(_ town: inout GeneratedTown, school: Int, number: Int, rng: inout SplitMix64)
        async throws
    {
        let orgID = town.schools[school].id
        let subjects = (0..<3).map { (number * 3 + $0 + town.index) % town.subjects.count }
        let centreID = rng.uuid()
        let directions: [Direction] = number % 2 == 0 ? [.giftedChildren, .educationQuality] : [.giftedChildren]
        let profiles: [StudyProfile] = number % 2 == 0 ? [.it] : [.chemBio, .socialHumanities]
        try await rows.add(
            "resource_centers",
            [
                .uuid(centreID), .uuid(orgID), .uuid(town.yearID), .text(Direction.encode(directions)),
                .text(profiles.map(\.rawValue).joined(separator: ";")), .text("\(240 + number)"),
                .date(moment(yearStart.adding(days: -4))), .text(RecordStatus.active.rawValue), .int(1),
            ])
        for subject in subjects {
            try await rows.add(
                "resource_center_subjects", [.uuid(rng.uuid()), .uuid(centreID), .uuid(town.subjects[subject].id)])
        }
        var rooms: [UUID] = []
        let roomCount = (scale.groupsPerCentre + slotsPerWeek - 1) / slotsPerWeek
        for r in 0..<roomCount {
            let name =
                r < subjects.count
                ? "Кабинет № \(21 + r) (\(town.subjects[subjects[r]].name))" : "Кабинет № \(21 + r)"
            let id = rng.uuid()
            try await rows.add(
                "rooms",
                [
                    .uuid(id), .uuid(orgID), .text(name), .int(scale.groupCapacity + 5), .text(nil),
                    .text(TextKey.search(name)), .text(TextKey.sort(name)), .text(RecordStatus.active.rawValue),
                    .int(1),
                ])
            rooms.append(id)
        }
        let headPerson = GeneratedPerson.make(&rng, adult: true)
        let headUser = try await user(
            nextLogin("centre"), headPerson, role: .centerHead, town: town, organization: orgID,
            title: "руководитель ресурсного центра (\(town.schools[school].shortName))", rng: &rng)
        let headID = try await staff(
            headPerson, position: "заместитель директора", organization: orgID, subjects: [subjects[0]],
            user: headUser, town: town, rng: &rng)
        var centre = GeneratedTown.Centre(
            school: school, designation: centreID, subjects: subjects, rooms: rooms,
            head: .init(id: headID, name: headPerson.fullName))
        let programmes = (scale.groupsPerCentre + scale.groupsPerProgramme - 1) / scale.groupsPerProgramme
        for p in 0..<programmes {
            let person = GeneratedPerson.make(&rng, adult: true)
            let subject = subjects[p % subjects.count]
            let userID = try await user(
                nextLogin("teacher"), person, role: .teacher, town: town, organization: orgID, title: "педагог",
                rng: &rng)
            let id = try await staff(
                person, position: "учитель (\(town.subjects[subject].name))", organization: orgID,
                subjects: [subject], user: userID, town: town, rng: &rng)
            centre.teachers.append(.init(id: id, name: person.fullName))
        }
        town.centres.append(centre)
    }
}
