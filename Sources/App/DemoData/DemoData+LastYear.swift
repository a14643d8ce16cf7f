import Domain
import Fluent
import Vapor

extension DemoData {
    /// Last academic year, finished: three groups with their lessons, journal, final attestation; two of them with
    /// certificates already issued (numbered СК-<year>-00001…), the third waiting for the centre to issue them.
    static func loadLastYear(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], subjectIDs: [String: UUID],
        current: AcademicYear, students: [Student], zone: TimeZone
    ) async throws {
        let startYear = CivilDay(current.startsOn, timeZone: zone).ymd.year - 1
        let year = AcademicYear(
            municipalityID: municipalityID, title: "\(startYear)/\(startYear + 1)",
            startsOn: CivilDay(year: startYear, month: 9, day: 1)!.date(timeZone: zone),
            endsOn: CivilDay(year: startYear + 1, month: 5, day: 31)!.date(timeZone: zone), isCurrent: false)
        try await year.create(on: db)
        let holidays = try await createHolidays(
            on: db, municipalityID: municipalityID, year: year, startYear: startYear)
        let plans:
            [(
                center: String, title: String, subject: String, teacher: String, group: String, weekday: Weekday,
                certified: Bool
            )] = [
                (
                    "МБОУ «Гимназия № 2»", "Олимпиадная математика", "математика", "Орлов",
                    "Математика (\(startYear)/\(startYear + 1))", .thursday, true
                ),
                (
                    "МБОУ «Лицей № 5»", "Химия в задачах", "химия", "Ёжиков", "Химия (\(startYear)/\(startYear + 1))",
                    .tuesday, true
                ),
                (
                    "МБОУ «Гимназия № 2»", "Программирование на Python", "информатика", "Орлов",
                    "Информатика (\(startYear)/\(startYear + 1))", .friday, false
                ),
            ]
        var sequence = 0
        for (pi, plan) in plans.enumerated() {
            let program = NetworkProgram()
            program.$organization.id = orgIDs[plan.center]!
            program.title = plan.title
            program.kind = "profile"
            program.$subject.id = subjectIDs[plan.subject]
            program.hours = GroupRules.defaultHours
            program.approval = ProgramApproval.agreed.rawValue
            program.$academicYear.id = year.id
            program.gradeFrom = 9
            program.gradeTo = 11
            program.form = StudyForm.fullTime.rawValue
            program.summary = "Сетевой курс прошлого учебного года."
            program.searchKey = TextKey.search(plan.title, plan.center)
            program.sortKey = TextKey.sort(plan.title)
            program.status = RecordStatus.active.rawValue
            program.version = 1
            try await program.create(on: db)
            let teacher = try await StaffMember.query(on: db).filter(\.$surname == plan.teacher).first()
            let room = try await Room.query(on: db).filter(\.$organization.$id == orgIDs[plan.center]!).sort(\.$sortKey)
                .first()
            let members = Array(students.dropFirst(pi * 4).prefix(12))
            let group = StudyGroup()
            group.$program.id = try program.requireID()
            group.$organization.id = orgIDs[plan.center]!
            group.$academicYear.id = try year.requireID()
            group.name = plan.group
            group.capacity = 20
            group.enrolledCount = members.count
            group.waitlistSeq = 0
            group.plannedHours = GroupRules.defaultHours
            group.$teacher.id = teacher?.id
            group.$room.id = room?.id
            group.startsOn = year.startsOn
            group.endsOn = year.endsOn
            group.isOpen = false
            group.status = RecordStatus.active.rawValue
            group.version = 1
            try await group.create(on: db)
            for student in members {
                let enrollment = Enrollment()
                enrollment.$student.id = try student.requireID()
                enrollment.$group.id = try group.requireID()
                enrollment.status = EnrollmentStatus.enrolled.rawValue
                enrollment.source = EnrollmentSource.list.rawValue
                enrollment.createdAt = year.startsOn
                enrollment.updatedAt = year.startsOn
                try await enrollment.create(on: db)
            }
            let days = Recurrence.days(
                WeeklyPattern(
                    weekday: plan.weekday, start: ClockTime(minutes: 15 * 60), hours: 2,
                    from: CivilDay(year.startsOn, timeZone: zone), to: CivilDay(year: startYear + 1, month: 5, day: 20)!
                ),
                holidays: holidays
            ).days
            var attendance: [UUID: StudentAttendance] = [:]
            for (lessonIndex, day) in days.enumerated() {
                let lesson = try await heldLesson(
                    of: group, on: day, number: lessonIndex + 1, teacher: teacher?.id, room: room?.id, zone: zone,
                    db: db)
                for (j, student) in members.enumerated() {
                    // The last of each group came to barely half the lessons.
                    let status: AttendanceStatus =
                        j == members.count - 1
                        ? (lessonIndex % 2 == 0 ? .absent : .present)
                        : ((lessonIndex + j) % 11 == 0 ? .excused : .present)
                    let mark = AttendanceMark()
                    mark.$lesson.id = try lesson.requireID()
                    mark.$student.id = try student.requireID()
                    mark.status = status.rawValue
                    try await mark.create(on: db)
                    attendance[student.id!, default: StudentAttendance()].add(status, hours: 2)
                }
            }
            let resultDay = days.last ?? CivilDay(year: startYear + 1, month: 5, day: 20)!
            for (j, student) in members.enumerated() {
                let fr = FinalResult()
                fr.$group.id = try group.requireID()
                fr.$student.id = try student.requireID()
                fr.form = (pi == 1 ? AttestationForm.test : .project).rawValue
                fr.passed = j % 7 != 6
                fr.grade = fr.passed ? String(5 - j % 3) : "2"
                fr.resultDay = resultDay.number
                fr.recordedBy = "демо"
                fr.recordedAt = resultDay.date(timeZone: zone)
                fr.version = 1
                try await fr.create(on: db)
                guard plan.certified, fr.passed,
                    attendance[student.id!]?.attended(atLeast: CertificateRules.defaultMinimumAttendance) == true
                else { continue }
                sequence += 1
                let certificate = Certificate()
                certificate.$municipality.id = municipalityID
                certificate.year = startYear + 1
                certificate.sequence = sequence
                certificate.number = CertificateNumber.format(
                    series: CertificateNumber.defaultSeries, year: startYear + 1, sequence: sequence)
                certificate.verificationCode = VerificationCode.make()
                certificate.$student.id = try student.requireID()
                certificate.$group.id = try group.requireID()
                certificate.studentName = student.fullName
                certificate.initials = CertificateRules.initials(
                    surname: student.surname, givenName: student.givenName, patronymic: student.patronymic)
                certificate.programTitle = plan.title
                certificate.hours = days.count * 2
                certificate.centerName =
                    (try await Organization.find(orgIDs[plan.center]!, on: db))?.fullName ?? plan.center
                certificate.firstDay = days.first?.number ?? resultDay.number
                certificate.lastDay = resultDay.number
                certificate.issuedAt = resultDay.adding(days: 5).date(timeZone: zone).addingTimeInterval(12 * 3600)
                certificate.issuedBy = "демо"
                certificate.status = Certificate.Status.valid.rawValue
                try await certificate.create(on: db)
            }
        }
        let counter = CertificateCounter()
        counter.$municipality.id = municipalityID
        counter.year = startYear + 1
        counter.lastSequence = sequence
        try await counter.create(on: db)
    }
}

extension DemoData {
    /// A past lesson of two hours at 15:00 with its journal entry (the topic «Занятие N», marked that day).
    static func heldLesson(
        of group: StudyGroup, on day: CivilDay, number: Int, teacher: UUID?, room: UUID?, zone: TimeZone,
        db: any Database
    ) async throws -> Lesson {
        let lesson = Lesson()
        lesson.$group.id = try group.requireID()
        lesson.day = day.number
        lesson.startMinute = 900
        lesson.endMinute = 1000
        lesson.hours = 2
        lesson.$room.id = room
        lesson.$teacher.id = teacher
        lesson.status = LessonStatus.scheduled.rawValue
        lesson.version = 1
        lesson.updatedAt = Date()
        try await lesson.create(on: db)
        let record = LessonRecord()
        record.$lesson.id = try lesson.requireID()
        record.topic = "Занятие \(number)"
        record.hours = 2
        record.markedAt = day.date(timeZone: zone)
        record.markedBy = "демо"
        record.version = 1
        try await record.create(on: db)
        return lesson
    }
}
