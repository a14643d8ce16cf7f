import Domain
import Fluent
import Vapor
import Views

/// An achievements file matched with the registry (issue 21, item 2): each row's student in the school, its contest,
/// year and edition, its subject; then all of it written in one transaction, or nothing.
enum AchievementImportService {
    /// A row ready to be written; `edition` nil means the edition is new (`newEdition` says which).
    struct Ready {
        var row: AchievementImport.Row
        var student: Student
        var contest: Contest
        var year: AcademicYear
        var edition: UUID?
        var subject: OlympiadSubject?
        var gradeCompeted: Int
    }

    struct Checked {
        var ready: [Ready] = []
        var errors: [AchievementImport.RowError] = []
        /// Editions the file names that are not in the registry yet (added with the file): their titles.
        var newEditions: [String] = []
    }

    /// Matches the file's rows with the registry: nothing is written.
    static func check(
        _ plan: AchievementImport.Plan, school: UUID, municipalityID: UUID, zone: TimeZone, on db: any Database
    )
        async throws -> Checked
    {
        var checked = Checked()
        checked.errors = plan.errors
        let students = try await Student.query(on: db).filter(\.$school.$id == school)
            .filter(\.$status == RecordStatus.active.rawValue).all()
        let byIdentity = Dictionary(students.map { ($0.identityKey, $0) }) { first, _ in first }
        let contests = try await Contest.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).all()
        let contestByKey = Dictionary(contests.map { ($0.searchKey, $0) }) { first, _ in first }
        let years = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let current = years.first(where: \.isCurrent)
        let editions = try await ContestEdition.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let subjects = try await OlympiadSubject.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).all()
        let existing = try await Achievement.query(on: db).filter(\.$school.$id == school).all()
        var taken = Set(existing.map { "\($0.$student.id)|\($0.$edition.id)|\($0.subjectKey)" })
        var inFile: [String: Int] = [:]
        var newEditions = Set<String>()
        for row in plan.rows {
            func fail(_ column: String, _ message: String) {
                checked.errors.append(.init(line: row.line, column: column, message: message))
            }
            let identity = StudentIdentity.key(
                surname: row.surname, givenName: row.givenName, patronymic: row.patronymic, birthDate: row.birthDate,
                timeZone: zone)
            guard let student = byIdentity[identity] else {
                fail(AchievementImport.title("surname"), TalentWords.Import.studentNotFound)
                continue
            }
            guard let contest = contestByKey[TextKey.search(row.contest)] else {
                fail(AchievementImport.title("contest"), TalentWords.Import.contestNotFound(row.contest))
                continue
            }
            guard let year = row.year.map({ title in years.first { $0.title == title } }) ?? current else {
                fail(AchievementImport.title("year"), TalentWords.Import.yearNotFound(row.year ?? ""))
                continue
            }
            var subject: OlympiadSubject?
            if contest.contestKind.needsOlympiadSubject {
                subject = row.subject.flatMap { name in subjects.first { $0.searchKey == TextKey.search(name) } }
                if subject == nil {
                    fail(AchievementImport.title("subject"), TalentWords.Import.subjectNotFound(row.subject ?? ""))
                    continue
                }
            }
            let grade = row.gradeCompeted ?? student.grade
            guard AchievementRules.competedGradeIsValid(studied: student.grade, competed: grade) else {
                fail(AchievementImport.title("gradeCompeted"), TalentWords.Check.gradeCompeted)
                continue
            }
            let edition = editions.first {
                $0.$contest.id == contest.id && $0.$academicYear.id == year.id && $0.level == row.level.rawValue
            }
            let editionKey = edition?.id?.uuidString ?? "new \(contest.id!) \(year.id!) \(row.level.rawValue)"
            let subjectKey = AchievementRules.subjectKey(
                subjectID: subject?.id, nomination: subject == nil ? row.subject : nil)
            let key = "\(student.id!)|\(editionKey)|\(subjectKey)"
            if let first = inFile[key] {
                fail("", TalentWords.Import.repeated(first))
                continue
            }
            inFile[key] = row.line
            guard taken.insert(key).inserted else {
                fail("", TalentWords.Check.duplicateAchievement)
                continue
            }
            if edition == nil {
                newEditions.insert(
                    TalentWords.editionTitle(
                        contest: contest.title, kind: contest.contestKind, level: row.level, year: year.title))
            }
            checked.ready.append(
                Ready(
                    row: row, student: student, contest: contest, year: year, edition: edition?.id, subject: subject,
                    gradeCompeted: grade))
        }
        checked.errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        checked.newEditions = newEditions.sorted()
        return checked
    }
}
