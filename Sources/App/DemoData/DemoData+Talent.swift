import Domain
import Fluent
import Foundation

/// The talent registry's demo (issue 21): the All-Russian olympiad's school and municipal stages of this year and
/// last year's municipal stage, a regional olympiad, a municipal research contest and a festival, with results of
/// students who consented (among them `student1`) — all names made up.
extension DemoData {
    static func loadTalent(on db: any Database, municipalityID: UUID) async throws {
        let years = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$startsOn, .descending).all()
        guard let current = years.first(where: \.isCurrent) else { return }
        let last = years.first { $0.startsOn < current.startsOn }
        func contest(
            _ title: String, _ kind: ContestKind, _ level: ContestLevel, _ direction: ContestDirection,
            _ organizer: String
        ) async throws -> Contest {
            let contest = Contest()
            contest.$municipality.id = municipalityID
            contest.title = title
            contest.kind = kind.rawValue
            contest.level = level.rawValue
            contest.direction = direction.rawValue
            contest.organizer = organizer
            contest.searchKey = TextKey.search(title)
            contest.sortKey = TextKey.sort(title)
            contest.status = RecordStatus.active.rawValue
            contest.version = 1
            try await contest.create(on: db)
            return contest
        }
        let olympiad = try await contest(
            "Всероссийская олимпиада школьников", .allRussianOlympiad, .school, .intellectual,
            "Минпросвещения России; этапы — органы управления образованием")
        let regional = try await contest(
            "Олимпиада «Северное сияние»", .listedOlympiad, .regional, .intellectual,
            "Северный педагогический университет")
        let research = try await contest(
            "Конкурс исследовательских работ «Первые шаги в науке»", .contest, .municipal, .intellectual,
            "Комитет образования Светлоозёрска")
        let festival = try await contest(
            "Фестиваль детского творчества «Озёрные звёзды»", .festival, .municipal, .creative, "ЦДТ «Радуга»")
        // Days from the year's start: the olympiad's school stage in October, its municipal stage in November.
        let today = Date()
        func day(_ year: AcademicYear, _ offset: Int) -> Date {
            min(year.startsOn.addingTimeInterval(Double(offset) * 86_400), today)
        }
        func edition(_ contest: Contest, _ year: AcademicYear, _ level: ContestLevel, from: Int, to: Int) async throws
            -> ContestEdition
        {
            let edition = ContestEdition()
            edition.$municipality.id = municipalityID
            edition.$contest.id = try contest.requireID()
            edition.$contest.value = contest
            edition.$academicYear.id = try year.requireID()
            edition.$academicYear.value = year
            edition.level = level.rawValue
            edition.startsOn = day(year, from)
            edition.endsOn = day(year, to)
            edition.searchKey = TextKey.search(
                contest.title, year.title, ContestEditionsSection.stage(edition, kind: contest.contestKind))
            edition.sortKey = TextKey.sort("\(contest.title) \(year.title) \(level.rank)")
            edition.status = RecordStatus.active.rawValue
            edition.version = 1
            try await edition.create(on: db)
            return edition
        }
        let schoolStage = try await edition(olympiad, current, .school, from: 20, to: 50)
        let municipalStage = try await edition(olympiad, current, .municipal, from: 70, to: 95)
        let regionalNow = try await edition(regional, current, .regional, from: 60, to: 60)
        let researchNow = try await edition(research, current, .municipal, from: 80, to: 80)
        var past: [ContestEdition] = []
        if let last {
            past.append(try await edition(olympiad, last, .municipal, from: 70, to: 95))
            past.append(try await edition(festival, last, .municipal, from: 200, to: 202))
        }
        let subjects = try await OlympiadSubject.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        func subject(_ name: String) -> OlympiadSubject? { subjects.first { $0.name == name } }
        // Preparers as the schools name them: a teacher of the student's school when the registry has one, the
        // outside trainer for the olympiads.
        let staffLinks = try await StaffOrganization.query(on: db).all()
        let trainers = try await StaffMember.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$isOutsideTrainer == true).all(\.$id)
        func preparers(of student: Student, olympiad: Bool) -> [UUID] {
            let teacher = staffLinks.first { $0.$organization.id == student.$school.id }.map(\.$staff.id)
            return [teacher].compactMap { $0 } + (olympiad ? trainers.prefix(1) : [])
        }
        let students = try await Student.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$consentOn != nil).filter(\.$consentWithdrawnAt == nil).filter(\.$grade >= 8)
            .sort(\.$sortKey).all()
        let own = try await Student.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$user.$id != nil).all()
        let chosen = Array((own + students.filter { s in !own.contains { $0.id == s.id } }).prefix(14))
        let plan: [(ContestEdition, String?, String?, AchievementResult, Double?, Int?)] = [
            (schoolStage, "математика", nil, .winner, 92, 1),
            (municipalStage, "математика", nil, .prizeWinner, 71.5, 3),
            (schoolStage, "физика", nil, .prizeWinner, 64, 2), (municipalStage, "информатика", nil, .winner, 88, 1),
            (regionalNow, nil, "математика", .participant, 41, nil),
            (researchNow, nil, "секция «Экология родного края»", .winner, nil, 1),
            (schoolStage, "химия", nil, .participant, 35, nil), (schoolStage, "биология", nil, .winner, 81, 1),
        ]
        for (i, student) in chosen.enumerated() {
            var entries = [plan[i % plan.count]]
            if i == 0 { entries += [plan[1], plan[5]] }
            if let pastEdition = past.first, i % 3 == 0 {
                entries.append((pastEdition, "математика", nil, .prizeWinner, 58, 4))
            }
            if past.count > 1, i % 4 == 1 { entries.append((past[1], nil, "вокал", .winner, nil, 1)) }
            var seen = Set<String>()
            for (edition, subjectName, nomination, result, score, place) in entries {
                let subject = subjectName.flatMap(subject)
                let key = AchievementRules.subjectKey(subjectID: subject?.id, nomination: nomination)
                guard seen.insert("\(edition.id!)-\(key)").inserted else { continue }
                let record = Achievement()
                record.$municipality.id = municipalityID
                record.$school.id = student.$school.id
                record.$student.id = try student.requireID()
                record.$edition.id = try edition.requireID()
                record.$subject.id = subject?.id
                record.nomination = nomination
                record.subjectKey = key
                record.result = result.rawValue
                record.score = score
                record.place = place
                // Last year's results were won a grade lower.
                let grade = max(1, student.grade - (edition.$academicYear.id == current.id ? 0 : 1))
                record.gradeStudied = grade
                record.gradeCompeted = min(11, grade + (i % 5 == 2 ? 1 : 0))
                record.achievedOn = edition.endsOn
                let named = preparers(of: student, olympiad: edition.$contest.id == olympiad.id)
                record.preparedBy = named.isEmpty ? "Классный руководитель" : nil
                record.documentNumber = result == .participant ? nil : "Д-\(100 + i)"
                record.searchKey = TextKey.search(
                    student.surname, student.givenName, student.patronymic, edition.contest.title, subject?.name,
                    nomination)
                record.sortKey = student.sortKey
                record.status = RecordStatus.active.rawValue
                record.version = 1
                try await record.create(on: db)
                try await AchievementPreparers.replace(try record.requireID(), with: named, on: db)
            }
        }
    }
}
