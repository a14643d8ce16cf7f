import Domain
import Fluent
import Vapor

/// The demo municipality: a made-up town with every kind of organisation and a user for every role.
/// Every name, phone and address here is invented.
enum DemoData {
    static let password = "setka-demo"
    static let municipalityName = "Городской округ Светлоозёрск"

    static let logins: [(String, String)] = [
        ("admin", "администратор органа управления образованием"),
        ("kmc", "координатор КМЦ"),
        ("metod", "методист"),
        ("centre1", "руководитель ресурсного центра (МБОУ «Гимназия № 2»)"),
        ("teacher1", "педагог"),
        ("school1", "администратор школы (МБОУ «СОШ № 1»)"),
        ("student1", "обучающийся"),
        ("parent1", "родитель обучающегося student1"),
    ]

    static var loginsText: String {
        "Демо-пользователи (пароль для всех: \(password)):\n"
            + logins.map { "  \($0.0) — \($0.1)" }.joined(separator: "\n")
    }

    struct Org {
        var kind: OrganizationKind
        var full: String
        var short: String
        var address: String
        var n: Int
    }

    static let organizations: [Org] = [
        Org(
            kind: .authority, full: "Управление образования администрации городского округа Светлоозёрск",
            short: "Управление образования", address: "пл. Советская, 1", n: 1),
        Org(
            kind: .coordinationCenter, full: "Координационно-методический центр по работе с одарёнными учащимися",
            short: "КМЦ", address: "пл. Советская, 1", n: 2),
        Org(
            kind: .methodService, full: "Муниципальное казённое учреждение «Центр развития образования»",
            short: "МКУ «ЦРО»", address: "ул. Школьная, 12", n: 3),
        Org(
            kind: .school,
            full: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
            short: "МБОУ «СОШ № 1»", address: "ул. Ленина, 10", n: 11),
        Org(
            kind: .school, full: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»",
            short: "МБОУ «Гимназия № 2»", address: "ул. Лесная, 4", n: 12),
        Org(
            kind: .school,
            full: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3»",
            short: "МБОУ «СОШ № 3»", address: "ул. Озёрная, 21", n: 13),
        Org(
            kind: .school,
            full: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»",
            short: "МБОУ «СОШ № 4»", address: "ул. Строителей, 8", n: 14),
        Org(
            kind: .school, full: "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 5»",
            short: "МБОУ «Лицей № 5»", address: "пр. Мира, 33", n: 15),
        Org(
            kind: .school,
            full: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»",
            short: "МБОУ «СОШ № 6»", address: "ул. Энергетиков, 2", n: 16),
        Org(
            kind: .school,
            full:
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7 с "
                + "углублённым изучением отдельных предметов»",
            short: "МБОУ «СОШ № 7»", address: "ул. Садовая, 17", n: 17),
        Org(
            kind: .school,
            full: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 8»",
            short: "МБОУ «СОШ № 8»", address: "ул. Набережная, 40", n: 18),
        Org(
            kind: .school,
            full: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 9»",
            short: "МБОУ «СОШ № 9»", address: "ул. Юбилейная, 5", n: 19),
        Org(
            kind: .school,
            full:
                "Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа с. "
                + "Берёзовка»",
            short: "МБОУ «ООШ с. Берёзовка»", address: "с. Берёзовка, ул. Центральная, 1", n: 20),
        Org(
            kind: .school,
            full: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 11»",
            short: "МБОУ «СОШ № 11»", address: "ул. Молодёжная, 9", n: 21),
        Org(
            kind: .school,
            full:
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа пос. "
                + "Сосновый Лог»",
            short: "МБОУ «СОШ пос. Сосновый Лог»", address: "пос. Сосновый Лог, ул. Заводская, 3", n: 22),
        Org(
            kind: .additionalEducation,
            full: "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»",
            short: "МБУ ДО «ДДТ»", address: "ул. Пионерская, 6", n: 31),
        Org(
            kind: .college,
            full:
                "Государственное бюджетное профессиональное образовательное учреждение «Светлоозёрский политехнический "
                + "колледж»",
            short: "ГБПОУ «СПК»", address: "ул. Индустриальная, 14", n: 41),
        Org(
            kind: .university, full: "Светлоозёрский филиал технического университета", short: "Филиал техуниверситета",
            address: "пр. Мира, 51", n: 51),
        Org(
            kind: .enterprise, full: "Акционерное общество «Светлоозёрский приборостроительный завод»",
            short: "АО «СПЗ»", address: "ул. Заводская, 1", n: 52),
        Org(
            kind: .other, full: "Автономная некоммерческая организация «Научно-образовательный центр „Озеро“»",
            short: "АНО НОЦ «Озеро»", address: "ул. Лесная, 30", n: 53),
    ]

    /// Resource centres of the current year: short name → (subjects, directions, profiles).
    static let centers: [(String, [String], [Direction], [StudyProfile])] = [
        ("МБОУ «Гимназия № 2»", ["математика", "физика", "информатика"], [.giftedChildren, .educationQuality], [.it]),
        ("МБОУ «Лицей № 5»", ["химия", "биология"], [.giftedChildren], [.chemBio, .medical]),
        (
            "МБОУ «СОШ № 3»", ["обществознание", "история", "право"], [.schoolCommunity],
            [.socialHumanities, .socioEconomic]
        ),
        (
            "МБОУ «СОШ № 7»", ["русский язык", "литература", "английский язык"], [.metaSubject],
            [.journalism, .pedagogical]
        ),
    ]

    static let subjects = [
        "математика", "информатика", "физика", "химия", "биология", "русский язык", "литература",
        "история", "обществознание", "право", "экономика", "английский язык", "география",
    ]

    static let users: [(login: String, name: String, role: Role, org: String?)] = [
        ("admin", "Сергеева Марина Павловна", .authorityAdmin, nil),
        ("kmc", "Котова Алла Игоревна", .coordinator, nil),
        ("metod", "Жукова Елена Витальевна", .methodologist, nil),
        ("centre1", "Белова Ирина Олеговна", .centerHead, "МБОУ «Гимназия № 2»"),
        ("teacher1", "Орлов Денис Андреевич", .teacher, "МБОУ «Гимназия № 2»"),
        ("school1", "Никитина Ольга Сергеевна", .schoolAdmin, "МБОУ «СОШ № 1»"),
        ("student1", "Ёлкин Артём Ильич", .student, "МБОУ «СОШ № 1»"),
        ("parent1", "Ёлкина Вера Николаевна", .guardian, "МБОУ «СОШ № 1»"),
    ]

    /// Loads the demo into an empty database; returns false when there is data already.
    static func load(_ app: Application) async throws -> Bool {
        guard try await Municipality.query(on: app.db).count() == 0, try await User.query(on: app.db).count() == 0
        else { return false }
        // bcrypt at cost 12 takes about 0.25 s: hash the shared demo password once.
        let hash = try await Passwords.hash(password, app: app)
        try await app.db.transaction { db in
            let municipality = Municipality(name: municipalityName)
            try await municipality.create(on: db)
            let municipalityID = try municipality.requireID()
            var orgIDs: [String: UUID] = [:]
            for organization in organizations {
                let org = try await OrganizationStore.create(
                    OrganizationInput(
                        kind: organization.kind, fullName: organization.full, shortName: organization.short,
                        address: "г. Светлоозёрск, " + organization.address,
                        phone: String(format: "+7 (900) 000-00-%02d", organization.n),
                        email: "org\(organization.n)@svetloozersk.example",
                        website: nil, headName: nil),
                    municipalityID: municipalityID, on: db, req: nil)
                orgIDs[organization.short] = org.id
            }
            let year = try await AcademicYears.ensureCurrent(
                municipalityID: municipalityID, zone: municipality.zone, on: db)
            var subjectIDs: [String: UUID] = [:]
            for name in subjects {
                let subject = Subject(municipalityID: municipalityID, name: name)
                try await subject.create(on: db)
                subjectIDs[name] = subject.id
            }
            for (short, subs, directions, profiles) in centers {
                let rc = ResourceCenter()
                rc.$organization.id = orgIDs[short]!
                rc.$academicYear.id = try year.requireID()
                rc.directions = Direction.encode(directions)
                rc.profiles = profiles.map(\.rawValue).joined(separator: ";")
                rc.decreeNumber = "245"
                rc.decreeDate = year.startsOn.addingTimeInterval(-4 * 86_400)
                rc.status = RecordStatus.active.rawValue
                rc.version = 1
                try await rc.create(on: db)
                for subject in subs {
                    let link = ResourceCenterSubject()
                    link.$center.id = try rc.requireID()
                    link.$subject.id = subjectIDs[subject]!
                    try await link.create(on: db)
                }
            }
            for account in users {
                let user = User(username: account.login, fullName: account.name, passwordHash: hash)
                try await user.create(on: db)
                try await RoleAssignment(
                    userID: user.requireID(), role: account.role.rawValue, municipalityID: municipalityID,
                    organizationID: account.org.flatMap { orgIDs[$0] }
                ).create(on: db)
            }
            try await loadRegistry(
                on: db, municipalityID: municipalityID, orgIDs: orgIDs, subjectIDs: subjectIDs, year: year,
                zone: municipality.zone)
            try await loadEnrollment(
                on: db, municipalityID: municipalityID, orgIDs: orgIDs, subjectIDs: subjectIDs, year: year,
                zone: municipality.zone)
            try await loadOrders(on: db, municipalityID: municipalityID)
            try await loadTalent(on: db, municipalityID: municipalityID)
            try await loadOlympiadStages(on: db, municipalityID: municipalityID)
            try await loadPlans(on: db, municipalityID: municipalityID, orgIDs: orgIDs, zone: municipality.zone)
            try await loadReports(on: db, municipalityID: municipalityID, orgIDs: orgIDs, zone: municipality.zone)
            try await loadMeetings(on: db, municipalityID: municipalityID, zone: municipality.zone)
            try await loadActivityPrograms(
                on: db, municipalityID: municipalityID, orgIDs: orgIDs, year: year, zone: municipality.zone)
            try await loadAssignments(
                on: db, municipalityID: municipalityID, orgIDs: orgIDs, year: year, zone: municipality.zone)
            try await loadAnalyticNotes(on: db, municipalityID: municipalityID, year: year, zone: municipality.zone)
            try await loadEvents(on: db, municipalityID: municipalityID, orgIDs: orgIDs, zone: municipality.zone)
            try await loadDevelopment(on: db, municipalityID: municipalityID, zone: municipality.zone)
            try await loadAwards(on: db, municipalityID: municipalityID, year: year)
            try await loadBudget(on: db, municipalityID: municipalityID, zone: municipality.zone)
            try await CertificateService.refreshAllDue(on: db)
        }
        return true
    }
}
