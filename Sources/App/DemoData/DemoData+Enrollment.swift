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
        var schoolIndex = 0
        for school in schools {
            for i in 0..<10 {
                let student = Student()
                student.$municipality.id = municipalityID
                student.$school.id = orgIDs[school]!
                let girl = (schoolIndex + i) % 2 == 1
                let surname = surnames[(schoolIndex * 7 + i * 3) % surnames.count]
                student.surname = girl ? surname + "а" : surname
                student.givenName = (girl ? girls : boys)[(schoolIndex * 3 + i) % 10]
                student.patronymic =
                    i % 3 == 2 ? nil : [girl ? "Андреевна" : "Андреевич", girl ? "Сергеевна" : "Сергеевич"][i % 2]
                student.birthDate = year.startsOn.addingTimeInterval(-Double(16 + i % 2) * 365.25 * 86_400)
                student.grade = 10 + i % 2
                student.letter = ["А", "Б"][i % 2]
                student.searchKey = TextKey.search(student.surname, student.givenName, student.patronymic)
                student.sortKey = TextKey.sort(student.fullName)
                student.status = RecordStatus.active.rawValue
                student.version = 1
                student.sex = girl ? Sex.female.rawValue : Sex.male.rawValue
                student.specialNeeds = false
                student.consentOn = year.startsOn
                student.consentBy = "родитель (законный представитель)"
                student.identityKey = StudentIdentity.key(
                    surname: student.surname, givenName: student.givenName, patronymic: student.patronymic,
                    birthDate: student.birthDate,
                    timeZone: zone)
                try await student.create(on: db)
                studentsBySchool[school, default: []].append(student)
            }
            schoolIndex += 1
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
        for student in (studentsBySchool["МБОУ «СОШ № 1»"] ?? []).prefix(3) {
            guardians.append(
                (
                    student,
                    "\(student.surname.hasSuffix("а") ? student.surname : student.surname + "а") Наталья Викторовна",
                    "мать", nil
                ))
        }
        for (i, (child, name, relation, user)) in guardians.enumerated() {
            let guardian = Guardian()
            guardian.$municipality.id = municipalityID
            guardian.$student.id = try child.requireID()
            guardian.fullName = name
            guardian.relation = relation
            guardian.phone = String(format: "+7 900 000-%02d-%02d", 10 + i, 20 + i)
            guardian.$user.id = user
            guardian.status = RecordStatus.active.rawValue
            guardian.version = 1
            guardian.createdAt = Date()
            try await guardian.create(on: db)
        }

        var groups: [StudyGroup] = []
        var programIDs: [UUID] = []
        for course in programs {
            let program = NetworkProgram()
            program.$organization.id = orgIDs[course.center]!
            program.title = course.title
            program.kind = course.kind
            program.$subject.id = subjectIDs[course.subject]
            program.hours = GroupRules.defaultHours
            program.approval = "agreed"
            program.$academicYear.id = year.id
            program.gradeFrom = 10
            program.gradeTo = 11
            program.form = StudyForm.fullTime.rawValue
            program.target =
                course.kind == "olympiad" ? "подготовка к муниципальному и региональному этапам олимпиады" : nil
            program.modules = "Вводный модуль — 16\nОсновной курс — 40\nИтоговый проект — 8"
            program.summary = "Сетевой курс ресурсного центра для старшеклассников школ муниципалитета."
            program.results = "Участие в олимпиадах и конкурсах, готовый проект или исследование."
            program.searchKey = TextKey.search(course.title, course.center)
            program.sortKey = TextKey.sort(course.title)
            program.status = RecordStatus.active.rawValue
            program.version = 1
            try await program.create(on: db)
            programIDs.append(try program.requireID())
            let teacher = try await course.teacher.asyncFlatMap {
                try await StaffMember.query(on: db).filter(\.$surname == $0).first()
            }
            for (name, capacity) in course.groups {
                let group = StudyGroup()
                group.$program.id = try program.requireID()
                group.$organization.id = orgIDs[course.center]!
                group.$academicYear.id = try year.requireID()
                group.name = name
                group.capacity = capacity
                group.enrolledCount = 0
                group.waitlistSeq = 0
                group.plannedHours = GroupRules.defaultHours
                group.$teacher.id = teacher?.id
                group.startsOn = year.startsOn
                group.endsOn = year.endsOn
                group.isOpen = true
                group.status = RecordStatus.active.rawValue
                group.version = 1
                try await group.create(on: db)
                groups.append(group)
            }
        }
        // Some seats taken, free places left everywhere; student1 in the gymnasium's first group.
        let seniors = [student1] + schools.flatMap { (studentsBySchool[$0] ?? []).prefix(4) }
        for (i, student) in seniors.enumerated() {
            let group = i == 0 ? groups[0] : groups[i % groups.count]
            guard group.enrolledCount < group.capacity - 3 else { continue }
            let enrollment = Enrollment()
            enrollment.$student.id = try student.requireID()
            enrollment.$group.id = try group.requireID()
            enrollment.status = EnrollmentStatus.enrolled.rawValue
            // In the group since the start of the year, so the journal lists them for every lesson.
            enrollment.createdAt = year.startsOn
            enrollment.updatedAt = enrollment.createdAt
            try await enrollment.create(on: db)
            group.enrolledCount += 1
            try await group.save(on: db)
        }
        // Official headcounts of two schools (the others fall back to the registry on the coverage page).
        for (school, perGrade) in [
            ("МБОУ «СОШ № 1»", [1: 52, 2: 50, 3: 48, 4: 51, 5: 55, 6: 53, 7: 49, 8: 47, 9: 45, 10: 30, 11: 28]),
            ("МБОУ «СОШ № 3»", [1: 40, 2: 41, 3: 38, 4: 39, 5: 42, 6: 40, 7: 37, 8: 36, 9: 35, 10: 24, 11: 22]),
        ] {
            guard let id = orgIDs[school] else { continue }
            for (grade, count) in perGrade {
                let headcount = SchoolHeadcount()
                headcount.$school.id = id
                headcount.$academicYear.id = try year.requireID()
                headcount.grade = grade
                headcount.count = count
                headcount.updatedAt = Date()
                try await headcount.create(on: db)
            }
        }
        try await loadTimetable(
            on: db, municipalityID: municipalityID, orgIDs: orgIDs, year: year, groups: groups, zone: zone)
        try await loadLastYear(
            on: db, municipalityID: municipalityID, orgIDs: orgIDs, subjectIDs: subjectIDs, current: year,
            students: [student1] + schools.flatMap { (studentsBySchool[$0] ?? []).filter { $0.grade == 11 } },
            zone: zone)
        try await loadEarlierYears(
            on: db, municipalityID: municipalityID, orgIDs: orgIDs, subjectIDs: subjectIDs, current: year, zone: zone)
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
            let campaign = EnrollmentCampaign()
            campaign.$municipality.id = municipalityID
            campaign.$academicYear.id = try year.requireID()
            campaign.title = title
            campaign.opensAt = opens
            campaign.closesAt = closes
            campaign.mode = mode.rawValue
            campaign.maxCourses = 1
            campaign.confirmDays = 7
            campaign.searchKey = TextKey.search(title)
            campaign.sortKey = TextKey.sort(title)
            campaign.status = RecordStatus.active.rawValue
            campaign.version = 1
            try await campaign.create(on: db)
            for programID in programs {
                let link = CampaignProgram()
                link.$campaign.id = campaign.id!
                link.$program.id = programID
                try await link.create(on: db)
            }
            return campaign
        }
        let open = try await campaign(
            "Запись на сетевые курсы второго полугодия", mode: .firstCome, opens: now.addingTimeInterval(-7 * 86_400),
            closes: now.addingTimeInterval(21 * 86_400), programs: programIDs)
        let ranked = try await campaign(
            "Профильная смена «Олимпиадный резерв»", mode: .ranked, opens: now.addingTimeInterval(-14 * 86_400),
            closes: now.addingTimeInterval(-3600), programs: Array(programIDs.prefix(2)))
        // Tenth-graders apply; the first one of each school is still waiting for the school.
        let tenth = students.filter { $0.grade == 10 }
        let tenthGroups = groups.filter { $0.name.hasSuffix("-10") }
        for (i, student) in tenth.prefix(6).enumerated() {
            try await Self.apply(
                open, student, choices: [tenthGroups[i % tenthGroups.count], tenthGroups[(i + 1) % tenthGroups.count]],
                confirmed: i % 2 == 1, guardian: true, submitted: now, on: db)
        }
        let rankedGroups = groups.filter { g in Array(programIDs.prefix(2)).contains(g.$program.id) }
        for (i, student) in students.dropFirst(6).prefix(8).enumerated() {
            try await Self.apply(
                ranked, student, choices: i % 2 == 0 ? rankedGroups : rankedGroups.reversed(), confirmed: true,
                guardian: true, submitted: now, on: db)
        }
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
