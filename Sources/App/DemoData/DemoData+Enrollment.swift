import Domain
import Fluent
import Vapor

/// Demo programmes, groups and students: every school has students; student1 studies in a group of centre1 taught by
/// teacher1, and parent1 is student1's guardian. All names are invented.
extension DemoData {
    /// Male surnames; the female form adds «а» (Алексеев → Алексеева).
    static let surnames = [
        "Алексеев", "Борисов", "Васильев", "Гаврилов", "Дмитриев", "Ефимов", "Жданов", "Зуев", "Ильин", "Карпов",
        "Лукин", "Миронов", "Носков", "Осипов", "Павлов", "Родионов", "Семёнов", "Тихонов", "Фёдоров", "Широков",
    ]
    static let boys = ["Иван", "Пётр", "Олег", "Егор", "Лев", "Тимур", "Глеб", "Роман", "Семён", "Марк"]
    static let girls = ["Анна", "Мария", "Ксения", "Полина", "Софья", "Алина", "Вера", "Ульяна", "Дарья", "Ева"]

    static let programs:
        [(center: String, title: String, kind: String, subject: String, teacher: String?, groups: [(String, Int)])] = [
            (
                "МБОУ «Гимназия № 2»", "Олимпиадная математика", "olympiad", "математика", "Орлов",
                [("Математика-10", 20), ("Математика-11", 18)]
            ),
            (
                "МБОУ «Гимназия № 2»", "Программирование на Python", "profile", "информатика", "Орлов",
                [("Информатика-10", 14)]
            ),
            ("МБОУ «Лицей № 5»", "Химия в задачах", "profile", "химия", "Ёжиков", [("Химия-10", 16)]),
            ("МБОУ «СОШ № 3»", "Основы права", "profile", "право", "Мельников", [("Право-11", 22)]),
            (
                "МБОУ «СОШ № 7»", "Школа юного журналиста", "project", "русский язык", "Соболева",
                [("Журналистика-10", 15)]
            ),
        ]

    static func loadEnrollment(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], subjectIDs: [String: UUID],
        year: AcademicYear, zone: TimeZone
    ) async throws {
        // Students: ten seniors in each school, student1 among those of МБОУ «СОШ № 1».
        let schools = organizations.filter { $0.kind == .school }.map(\.short)
        var studentsBySchool: [String: [Student]] = [:]
        var n = 0
        for school in schools {
            for i in 0..<10 {
                let s = Student()
                s.$municipality.id = municipalityID
                s.$school.id = orgIDs[school]!
                let girl = (n + i) % 2 == 1
                let surname = surnames[(n * 7 + i * 3) % surnames.count]
                s.surname = girl ? surname + "а" : surname
                s.givenName = (girl ? girls : boys)[(n * 3 + i) % 10]
                s.patronymic =
                    i % 3 == 2 ? nil : [girl ? "Андреевна" : "Андреевич", girl ? "Сергеевна" : "Сергеевич"][i % 2]
                s.birthDate = year.startsOn.addingTimeInterval(-Double(16 + i % 2) * 365.25 * 86_400)
                s.grade = 10 + i % 2
                s.letter = ["А", "Б"][i % 2]
                s.searchKey = TextKey.search(s.surname, s.givenName, s.patronymic)
                s.sortKey = TextKey.sort(s.fullName)
                s.status = RecordStatus.active.rawValue
                s.version = 1
                s.sex = girl ? Sex.female.rawValue : Sex.male.rawValue
                s.specialNeeds = false
                s.consentOn = year.startsOn
                s.consentBy = "родитель (законный представитель)"
                s.identityKey = StudentIdentity.key(
                    surname: s.surname, givenName: s.givenName, patronymic: s.patronymic, birthDate: s.birthDate,
                    timeZone: zone)
                try await s.create(on: db)
                studentsBySchool[school, default: []].append(s)
            }
            n += 1
        }
        let studentUser = try await User.query(on: db).filter(\.$username == "student1").first()
        let student1 = Student()
        student1.$municipality.id = municipalityID
        student1.$school.id = orgIDs["МБОУ «СОШ № 1»"]!
        student1.surname = "Ёлкин"
        student1.givenName = "Артём"
        student1.patronymic = "Ильич"
        student1.birthDate = year.startsOn.addingTimeInterval(-16.5 * 365.25 * 86_400)
        student1.grade = 10
        student1.letter = "А"
        student1.$user.id = studentUser?.id
        student1.searchKey = TextKey.search("Ёлкин", "Артём", "Ильич")
        student1.sortKey = TextKey.sort("Ёлкин Артём Ильич")
        student1.status = RecordStatus.active.rawValue
        student1.version = 1
        student1.sex = Sex.male.rawValue
        student1.specialNeeds = false
        student1.consentOn = year.startsOn
        student1.consentBy = "Ёлкина Вера Николаевна (мать)"
        student1.identityKey = StudentIdentity.key(
            surname: "Ёлкин", givenName: "Артём", patronymic: "Ильич", birthDate: student1.birthDate, timeZone: zone)
        try await student1.create(on: db)
        // Guardians: parent1 is student1's mother with an account; a few other children of СОШ № 1 have guardians
        // who have not yet received an invitation code.
        let parentUser = try await User.query(on: db).filter(\.$username == "parent1").first()
        var guardians: [(Student, String, String, UUID?)] = [
            (student1, "Ёлкина Вера Николаевна", "мать", parentUser?.id)
        ]
        for s in (studentsBySchool["МБОУ «СОШ № 1»"] ?? []).prefix(3) {
            guardians.append(
                (s, "\(s.surname.hasSuffix("а") ? s.surname : s.surname + "а") Наталья Викторовна", "мать", nil))
        }
        for (i, (child, name, relation, user)) in guardians.enumerated() {
            let g = Guardian()
            g.$municipality.id = municipalityID
            g.$student.id = try child.requireID()
            g.fullName = name
            g.relation = relation
            g.phone = String(format: "+7 900 000-%02d-%02d", 10 + i, 20 + i)
            g.$user.id = user
            g.status = RecordStatus.active.rawValue
            g.version = 1
            g.createdAt = Date()
            try await g.create(on: db)
        }

        var groups: [StudyGroup] = []
        var programIDs: [UUID] = []
        for p in programs {
            let program = NetworkProgram()
            program.$organization.id = orgIDs[p.center]!
            program.title = p.title
            program.kind = p.kind
            program.$subject.id = subjectIDs[p.subject]
            program.hours = GroupRules.defaultHours
            program.approval = "agreed"
            program.$academicYear.id = year.id
            program.gradeFrom = 10
            program.gradeTo = 11
            program.form = StudyForm.fullTime.rawValue
            program.target = p.kind == "olympiad" ? "подготовка к муниципальному и региональному этапам олимпиады" : nil
            program.modules = "Вводный модуль — 16\nОсновной курс — 40\nИтоговый проект — 8"
            program.summary = "Сетевой курс ресурсного центра для старшеклассников школ муниципалитета."
            program.results = "Участие в олимпиадах и конкурсах, готовый проект или исследование."
            program.searchKey = TextKey.search(p.title, p.center)
            program.sortKey = TextKey.sort(p.title)
            program.status = RecordStatus.active.rawValue
            program.version = 1
            try await program.create(on: db)
            programIDs.append(try program.requireID())
            let teacher = try await p.teacher.asyncFlatMap {
                try await StaffMember.query(on: db).filter(\.$surname == $0).first()
            }
            for (name, capacity) in p.groups {
                let g = StudyGroup()
                g.$program.id = try program.requireID()
                g.$organization.id = orgIDs[p.center]!
                g.$academicYear.id = try year.requireID()
                g.name = name
                g.capacity = capacity
                g.enrolledCount = 0
                g.waitlistSeq = 0
                g.plannedHours = GroupRules.defaultHours
                g.$teacher.id = teacher?.id
                g.startsOn = year.startsOn
                g.endsOn = year.endsOn
                g.isOpen = true
                g.status = RecordStatus.active.rawValue
                g.version = 1
                try await g.create(on: db)
                groups.append(g)
            }
        }
        // Some seats taken, free places left everywhere; student1 in the gymnasium's first group.
        let seniors = [student1] + schools.flatMap { (studentsBySchool[$0] ?? []).prefix(4) }
        for (i, s) in seniors.enumerated() {
            let g = i == 0 ? groups[0] : groups[i % groups.count]
            guard g.enrolledCount < g.capacity - 3 else { continue }
            let e = Enrollment()
            e.$student.id = try s.requireID()
            e.$group.id = try g.requireID()
            e.status = EnrollmentStatus.enrolled.rawValue
            // In the group since the start of the year, so the journal lists them for every lesson.
            e.createdAt = year.startsOn
            e.updatedAt = e.createdAt
            try await e.create(on: db)
            g.enrolledCount += 1
            try await g.save(on: db)
        }
        // Official headcounts of two schools (the others fall back to the registry on the coverage page).
        for (school, perGrade) in [
            ("МБОУ «СОШ № 1»", [1: 52, 2: 50, 3: 48, 4: 51, 5: 55, 6: 53, 7: 49, 8: 47, 9: 45, 10: 30, 11: 28]),
            ("МБОУ «СОШ № 3»", [1: 40, 2: 41, 3: 38, 4: 39, 5: 42, 6: 40, 7: 37, 8: 36, 9: 35, 10: 24, 11: 22]),
        ] {
            guard let id = orgIDs[school] else { continue }
            for (grade, count) in perGrade {
                let h = SchoolHeadcount()
                h.$school.id = id
                h.$academicYear.id = try year.requireID()
                h.grade = grade
                h.count = count
                h.updatedAt = Date()
                try await h.create(on: db)
            }
        }
        try await loadTimetable(
            on: db, municipalityID: municipalityID, orgIDs: orgIDs, year: year, groups: groups, zone: zone)
        try await loadLastYear(
            on: db, municipalityID: municipalityID, orgIDs: orgIDs, subjectIDs: subjectIDs, current: year,
            students: [student1] + schools.flatMap { (studentsBySchool[$0] ?? []).filter { $0.grade == 11 } },
            zone: zone)
        try await loadCampaigns(
            on: db, municipalityID: municipalityID, year: year, programIDs: programIDs, groups: groups,
            students: schools.flatMap { (studentsBySchool[$0] ?? []).dropFirst(4) }, schoolNames: orgIDs)
    }

    /// An open first-come campaign with some applications (one waiting for СОШ № 1's confirmation), and a ranked one
    /// whose window has just closed, with confirmed applications, waiting for the coordinator's «Распределить».
    static func loadCampaigns(
        on db: any Database, municipalityID: UUID, year: AcademicYear, programIDs: [UUID], groups: [StudyGroup],
        students: [Student], schoolNames: [String: UUID]
    ) async throws {
        let now = Date()
        func campaign(_ title: String, mode: CampaignMode, opens: Date, closes: Date, programs: [UUID]) async throws
            -> EnrollmentCampaign
        {
            let c = EnrollmentCampaign()
            c.$municipality.id = municipalityID
            c.$academicYear.id = try year.requireID()
            c.title = title
            c.opensAt = opens
            c.closesAt = closes
            c.mode = mode.rawValue
            c.maxCourses = 1
            c.confirmDays = 7
            c.searchKey = TextKey.search(title)
            c.sortKey = TextKey.sort(title)
            c.status = RecordStatus.active.rawValue
            c.version = 1
            try await c.create(on: db)
            for p in programs {
                let l = CampaignProgram()
                l.$campaign.id = c.id!
                l.$program.id = p
                try await l.create(on: db)
            }
            return c
        }
        let open = try await campaign(
            "Запись на сетевые курсы второго полугодия", mode: .firstCome, opens: now.addingTimeInterval(-7 * 86_400),
            closes: now.addingTimeInterval(21 * 86_400), programs: programIDs)
        let ranked = try await campaign(
            "Профильная смена «Олимпиадный резерв»", mode: .ranked, opens: now.addingTimeInterval(-14 * 86_400),
            closes: now.addingTimeInterval(-3600), programs: Array(programIDs.prefix(2)))
        func apply(_ c: EnrollmentCampaign, _ s: Student, choices: [StudyGroup], confirmed: Bool, guardian: Bool)
            async throws
        {
            let a = CourseApplication()
            a.$municipality.id = municipalityID
            a.$campaign.id = c.id!
            a.$student.id = try s.requireID()
            a.$school.id = s.$school.id
            a.state = (confirmed ? ApplicationState.confirmed : .submitted).rawValue
            a.submittedByName = s.fullName
            a.submittedAt = now.addingTimeInterval(-86_400)
            a.guardianAgreedBy = guardian ? "родитель (законный представитель)" : nil
            a.guardianAgreedAt = guardian ? a.submittedAt : nil
            a.schoolDecision = confirmed ? "confirmed" : "pending"
            a.schoolDecidedAt = confirmed ? now : nil
            a.holdExpiresAt =
                c.campaignMode == .firstCome && !confirmed
                ? a.submittedAt.addingTimeInterval(Double(c.confirmDays) * 86_400) : nil
            a.version = 1
            try await a.create(on: db)
            var placed = false
            for (i, g) in choices.enumerated() {
                let ch = ApplicationChoice()
                ch.$application.id = a.id!
                ch.rank = i + 1
                ch.$group.id = try g.requireID()
                ch.outcome = "pending"
                if c.campaignMode == .firstCome {
                    if placed {
                        ch.outcome = "unused"
                    } else {
                        switch try await EnrollmentService.enroll(
                            studentID: s.id!, groupID: g.id!, source: .application, on: db, req: nil)
                        {
                        case .enrolled:
                            ch.outcome = "enrolled"
                            placed = true
                        case .waitlisted: ch.outcome = "waitlisted"
                        }
                    }
                }
                try await ch.create(on: db)
            }
        }
        // Tenth-graders apply; the first one of each school is still waiting for the school.
        let tenth = students.filter { $0.grade == 10 }
        let tenthGroups = groups.filter { $0.name.hasSuffix("-10") }
        for (i, s) in tenth.prefix(6).enumerated() {
            try await apply(
                open, s, choices: [tenthGroups[i % tenthGroups.count], tenthGroups[(i + 1) % tenthGroups.count]],
                confirmed: i % 2 == 1, guardian: true)
        }
        let rankedGroups = groups.filter { g in Array(programIDs.prefix(2)).contains(g.$program.id) }
        for (i, s) in students.dropFirst(6).prefix(8).enumerated() {
            try await apply(
                ranked, s, choices: i % 2 == 0 ? rankedGroups : rankedGroups.reversed(), confirmed: true, guardian: true
            )
        }
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
