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
        let y = CivilDay(current.startsOn, timeZone: zone).ymd.year - 1
        let year = AcademicYear(
            municipalityID: municipalityID, title: "\(y)/\(y + 1)",
            startsOn: CivilDay(year: y, month: 9, day: 1)!.date(timeZone: zone),
            endsOn: CivilDay(year: y + 1, month: 5, day: 31)!.date(timeZone: zone), isCurrent: false)
        try await year.create(on: db)
        let holidays = try await createHolidays(on: db, municipalityID: municipalityID, year: year, startYear: y)
        let plans:
            [(
                center: String, title: String, subject: String, teacher: String, group: String, weekday: Weekday,
                certified: Bool
            )] = [
                (
                    "МБОУ «Гимназия № 2»", "Олимпиадная математика", "математика", "Орлов",
                    "Математика (\(y)/\(y + 1))", .thursday, true
                ),
                ("МБОУ «Лицей № 5»", "Химия в задачах", "химия", "Ёжиков", "Химия (\(y)/\(y + 1))", .tuesday, true),
                (
                    "МБОУ «Гимназия № 2»", "Программирование на Python", "информатика", "Орлов",
                    "Информатика (\(y)/\(y + 1))", .friday, false
                ),
            ]
        var sequence = 0
        for (pi, p) in plans.enumerated() {
            let program = NetworkProgram()
            program.$organization.id = orgIDs[p.center]!
            program.title = p.title
            program.kind = "profile"
            program.$subject.id = subjectIDs[p.subject]
            program.hours = GroupRules.defaultHours
            program.approval = ProgramApproval.agreed.rawValue
            program.$academicYear.id = year.id
            program.gradeFrom = 9
            program.gradeTo = 11
            program.form = StudyForm.fullTime.rawValue
            program.summary = "Сетевой курс прошлого учебного года."
            program.searchKey = TextKey.search(p.title, p.center)
            program.sortKey = TextKey.sort(p.title)
            program.status = RecordStatus.active.rawValue
            program.version = 1
            try await program.create(on: db)
            let teacher = try await StaffMember.query(on: db).filter(\.$surname == p.teacher).first()
            let room = try await Room.query(on: db).filter(\.$organization.$id == orgIDs[p.center]!).sort(\.$sortKey)
                .first()
            let members = Array(students.dropFirst(pi * 4).prefix(12))
            let g = StudyGroup()
            g.$program.id = try program.requireID()
            g.$organization.id = orgIDs[p.center]!
            g.$academicYear.id = try year.requireID()
            g.name = p.group
            g.capacity = 20
            g.enrolledCount = members.count
            g.waitlistSeq = 0
            g.plannedHours = GroupRules.defaultHours
            g.$teacher.id = teacher?.id
            g.$room.id = room?.id
            g.startsOn = year.startsOn
            g.endsOn = year.endsOn
            g.isOpen = false
            g.status = RecordStatus.active.rawValue
            g.version = 1
            try await g.create(on: db)
            for s in members {
                let e = Enrollment()
                e.$student.id = try s.requireID()
                e.$group.id = try g.requireID()
                e.status = EnrollmentStatus.enrolled.rawValue
                e.source = EnrollmentSource.list.rawValue
                e.createdAt = year.startsOn
                e.updatedAt = year.startsOn
                try await e.create(on: db)
            }
            let days = Recurrence.days(
                WeeklyPattern(
                    weekday: p.weekday, start: ClockTime(minutes: 15 * 60), hours: 2,
                    from: CivilDay(year.startsOn, timeZone: zone), to: CivilDay(year: y + 1, month: 5, day: 20)!),
                holidays: holidays
            ).days
            var attendance: [UUID: StudentAttendance] = [:]
            for (n, day) in days.enumerated() {
                let l = Lesson()
                l.$group.id = try g.requireID()
                l.day = day.number
                l.startMinute = 900
                l.endMinute = 1000
                l.hours = 2
                l.$room.id = room?.id
                l.$teacher.id = teacher?.id
                l.status = LessonStatus.scheduled.rawValue
                l.version = 1
                l.updatedAt = Date()
                try await l.create(on: db)
                let r = LessonRecord()
                r.$lesson.id = try l.requireID()
                r.topic = "Занятие \(n + 1)"
                r.hours = 2
                r.markedAt = day.date(timeZone: zone)
                r.markedBy = "демо"
                r.version = 1
                try await r.create(on: db)
                for (k, s) in members.enumerated() {
                    // The last of each group came to barely half the lessons.
                    let status: AttendanceStatus =
                        k == members.count - 1
                        ? (n % 2 == 0 ? .absent : .present) : ((n + k) % 11 == 0 ? .excused : .present)
                    let m = AttendanceMark()
                    m.$lesson.id = try l.requireID()
                    m.$student.id = try s.requireID()
                    m.status = status.rawValue
                    try await m.create(on: db)
                    attendance[s.id!, default: StudentAttendance()].add(status, hours: 2)
                }
            }
            let resultDay = days.last ?? CivilDay(year: y + 1, month: 5, day: 20)!
            for (k, s) in members.enumerated() {
                let fr = FinalResult()
                fr.$group.id = try g.requireID()
                fr.$student.id = try s.requireID()
                fr.form = (pi == 1 ? AttestationForm.test : .project).rawValue
                fr.passed = k % 7 != 6
                fr.grade = fr.passed ? String(5 - k % 3) : "2"
                fr.resultDay = resultDay.number
                fr.recordedBy = "демо"
                fr.recordedAt = resultDay.date(timeZone: zone)
                fr.version = 1
                try await fr.create(on: db)
                guard p.certified, fr.passed,
                    attendance[s.id!]?.attended(atLeast: CertificateRules.defaultMinimumAttendance) == true
                else { continue }
                sequence += 1
                let c = Certificate()
                c.$municipality.id = municipalityID
                c.year = y + 1
                c.sequence = sequence
                c.number = CertificateNumber.format(
                    series: CertificateNumber.defaultSeries, year: y + 1, sequence: sequence)
                c.verificationCode = VerificationCode.make()
                c.$student.id = try s.requireID()
                c.$group.id = try g.requireID()
                c.studentName = s.fullName
                c.initials = CertificateRules.initials(
                    surname: s.surname, givenName: s.givenName, patronymic: s.patronymic)
                c.programTitle = p.title
                c.hours = days.count * 2
                c.centerName = (try await Organization.find(orgIDs[p.center]!, on: db))?.fullName ?? p.center
                c.firstDay = days.first?.number ?? resultDay.number
                c.lastDay = resultDay.number
                c.issuedAt = resultDay.adding(days: 5).date(timeZone: zone).addingTimeInterval(12 * 3600)
                c.issuedBy = "демо"
                c.status = Certificate.Status.valid.rawValue
                try await c.create(on: db)
            }
        }
        let counter = CertificateCounter()
        counter.$municipality.id = municipalityID
        counter.year = y + 1
        counter.lastSequence = sequence
        try await counter.create(on: db)
    }
}
