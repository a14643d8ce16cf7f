import Domain
import Fluent
import Vapor
import Views

/// The checks and writes of saving an achievement: one result of a student per edition and subject or nomination, a
/// student of a school the user keeps, a subject for the ВсОШ, the grade competed for never below the grade studied.
extension AchievementsSection {
    func apply(_ form: FormValues, to record: Achievement, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        var student: Student?
        if let id = form["student"].flatMap(UUID.init(uuidString:)) { student = try await Student.find(id, on: req.db) }
        if let found = student {
            let school = OrgRef(id: found.$school.id, municipalityID: found.$municipality.id)
            if found.$municipality.id != municipalityID
                || !req.can(isNew ? .create : .update, .achievement(school: school, shared: found.hasConsent))
            {
                student = nil
                errors.add("student", TalentWords.Check.notYourStudent)
            }
        } else {
            errors.add("student", TalentWords.Check.chooseStudent)
        }
        var edition: ContestEdition?
        if let id = form["edition"].flatMap(UUID.init(uuidString:)) {
            edition = try await ContestEdition.query(on: req.db).filter(\.$id == id).with(\.$contest)
                .with(\.$academicYear).first()
        }
        if edition?.$municipality.id != municipalityID {
            edition = nil
            errors.add("edition", TalentWords.Check.chooseEdition)
        }
        var subject: OlympiadSubject?
        if let raw = form["subject"], !raw.isEmpty {
            if let id = UUID(uuidString: raw) { subject = try await OlympiadSubject.find(id, on: req.db) }
            if subject?.$municipality.id != municipalityID {
                subject = nil
                errors.add("subject", TalentWords.Check.chooseSubject)
            }
        } else if edition?.contest.contestKind.needsOlympiadSubject == true {
            errors.add("subject", TalentWords.Check.subjectRequired)
        }
        let nomination = errors.optional("nomination", form["nomination"], max: 200)
        let result = errors.choice("result", form["result"], as: AchievementResult.self)
        var score: Double?
        if let raw = form["score"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            score = Double(raw.replacingOccurrences(of: ",", with: "."))
            if score == nil || !(0...1000).contains(score!) || score!.isNaN {
                score = nil
                errors.add("score", TalentWords.Check.scoreRange)
            }
        }
        let place = errors.integer("place", form["place"], range: 1...1000, required: false)
        // Blank grades are the student's grade now (and the grade studied, for the grade competed for).
        let studiedTyped = errors.integer("gradeStudied", form["gradeStudied"], range: 1...11, required: false)
        let competedTyped = errors.integer("gradeCompeted", form["gradeCompeted"], range: 1...11, required: false)
        let blankStudied = (form["gradeStudied"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let blankCompeted = (form["gradeCompeted"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let studied = studiedTyped ?? (blankStudied ? student?.grade : nil)
        let competed = competedTyped ?? (blankCompeted ? studied : nil)
        if let studied, let competed, !AchievementRules.competedGradeIsValid(studied: studied, competed: competed) {
            errors.add("gradeCompeted", TalentWords.Check.gradeCompeted)
        }
        let achievedOn = errors.date("achievedOn", form["achievedOn"], timeZone: zone, required: false)
        if let achievedOn, achievedOn > Date() { errors.add("achievedOn", TalentWords.Check.achievedInFuture) }
        let preparedBy = errors.optional("preparedBy", form["preparedBy"], max: 300)
        var preparers: [StaffMember] = []
        if let student {
            // What the form offered: the staff of the schools the user keeps and of the student's school.
            if !isNew, record.$preparers.value == nil { try await record.$preparers.load(on: req.db) }
            let schools = try await RegistrySupport.writableOrganizations(
                req, municipalityID: municipalityID, kinds: [.school]
            ) { .achievement(school: $0, shared: false) }.compactMap { UUID(uuidString: $0.value) }
            let allowed = try await AchievementPreparers.options(
                schools: Array(Set(schools + [student.$school.id])), municipalityID: municipalityID, on: req.db)
            preparers = AchievementPreparers.chosen(
                form.all("preparers"), allowed: allowed, kept: isNew ? [] : record.preparers, errors: &errors)
        }
        let document = errors.optional("documentNumber", form["documentNumber"], max: 100)
        let subjectKey = AchievementRules.subjectKey(subjectID: subject?.id, nomination: nomination)
        if let student, let edition,
            let twin = try await Achievement.query(on: req.db).filter(\.$student.$id == student.requireID())
                .filter(\.$edition.$id == edition.requireID()).filter(\.$subjectKey == subjectKey).first(),
            twin.id != record.id
        {
            errors.add(subject != nil ? "subject" : "edition", TalentWords.Check.duplicateAchievement)
        }
        guard errors.isEmpty, let student, let edition, let result, let studied, let competed else { return nil }
        record.$municipality.id = municipalityID
        record.$school.id = student.$school.id
        record.$school.value = try await Organization.find(student.$school.id, on: req.db)
        record.$student.id = try student.requireID()
        record.$student.value = student
        record.$edition.id = try edition.requireID()
        record.$edition.value = edition
        record.$subject.id = subject?.id
        record.$subject.value = .some(subject)
        record.nomination = nomination
        record.subjectKey = subjectKey
        record.result = result.rawValue
        record.score = score
        record.place = place
        record.gradeStudied = studied
        record.gradeCompeted = competed
        record.achievedOn = achievedOn
        record.preparedBy = preparedBy
        record.documentNumber = document
        record.searchKey = TextKey.search(
            student.surname, student.givenName, student.patronymic, edition.contest.title, subject?.name, nomination)
        record.sortKey = student.sortKey
        record.$preparers.value = preparers
        let staffIDs = preparers.compactMap(\.id)
        return { db in try await AchievementPreparers.replace(try record.requireID(), with: staffIDs, on: db) }
    }
}
