import Domain
import Fluent
import Vapor

/// The rest of the demo registry: staff, rooms, partners, agreements and the КМЦ composition. All names are invented.
extension DemoData {
    static let staff:
        [(
            surname: String, given: String, patronymic: String, position: String, orgs: [String], subjects: [String],
            category: QualificationCategory, trainer: Bool, login: String?
        )] = [
            (
                "Орлов", "Денис", "Андреевич", "учитель математики", ["МБОУ «Гимназия № 2»"],
                ["математика", "информатика"], .highest, false, "teacher1"
            ),
            (
                "Белова", "Ирина", "Олеговна", "заместитель директора", ["МБОУ «Гимназия № 2»"], ["физика"], .highest,
                false, "centre1"
            ),
            (
                "Гусева", "Нина", "Петровна", "учитель физики", ["МБОУ «Гимназия № 2»", "МБОУ «СОШ № 4»"], ["физика"],
                .first, false, nil
            ),
            ("Ёжиков", "Павел", "Семёнович", "учитель химии", ["МБОУ «Лицей № 5»"], ["химия"], .highest, false, nil),
            (
                "Лаптева", "Дарья", "Игоревна", "учитель биологии", ["МБОУ «Лицей № 5»"], ["биология"], .first, false,
                nil
            ),
            (
                "Мельников", "Артур", "Рустамович", "учитель истории и обществознания", ["МБОУ «СОШ № 3»"],
                ["история", "обществознание", "право"], .first, false, nil
            ),
            (
                "Соболева", "Алиса", "Викторовна", "учитель русского языка и литературы", ["МБОУ «СОШ № 7»"],
                ["русский язык", "литература"], .highest, false, nil
            ),
            (
                "Уварова", "Елизавета", "Дмитриевна", "учитель английского языка",
                ["МБОУ «СОШ № 7»", "МБОУ «СОШ № 1»"], ["английский язык"], .conformity, false, nil
            ),
            (
                "Никитина", "Ольга", "Сергеевна", "заместитель директора", ["МБОУ «СОШ № 1»"], [], .first, false,
                "school1"
            ),
            (
                "Тарасов", "Глеб", "Олегович", "доцент, педагог-тренер олимпиадной подготовки",
                ["Филиал техуниверситета"], ["математика"], .none, true, nil
            ),
            (
                "Захарова", "Вера", "Ильинична", "педагог дополнительного образования", ["МБУ ДО «ДДТ»"],
                ["информатика"], .first, false, nil
            ),
        ]

    static let rooms: [(org: String, name: String, capacity: Int)] = [
        ("МБОУ «Гимназия № 2»", "Кабинет № 21 (математика)", 25),
        ("МБОУ «Гимназия № 2»", "Кабинет № 24 (информатика)", 14),
        ("МБОУ «Гимназия № 2»", "Лаборатория физики", 20), ("МБОУ «Лицей № 5»", "Лаборатория химии", 18),
        ("МБОУ «Лицей № 5»", "Кабинет биологии", 25), ("МБОУ «СОШ № 3»", "Кабинет № 12", 30),
        ("МБОУ «СОШ № 7»", "Кабинет № 31", 28), ("МБОУ «СОШ № 7»", "Медиацентр", 16),
        ("МБОУ «СОШ № 1»", "Кабинет № 5", 26),
    ]

    static func loadRegistry(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], subjectIDs: [String: UUID],
        year: AcademicYear, zone: TimeZone
    ) async throws {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let now = Date()
        for person in staff {
            let member = StaffMember()
            member.$municipality.id = municipalityID
            member.surname = person.surname
            member.givenName = person.given
            member.patronymic = person.patronymic
            member.position = person.position
            member.category = person.category.rawValue
            member.isOutsideTrainer = person.trainer
            member.email = nil
            member.phone = nil
            if let login = person.login {
                member.$user.id = try await User.query(on: db).filter(\.$username == login).first()?.id
            }
            member.searchKey = TextKey.search(person.surname, person.given, person.patronymic, person.position)
            member.sortKey = TextKey.sort("\(person.surname) \(person.given) \(person.patronymic)")
            member.status = RecordStatus.active.rawValue
            member.version = 1
            try await member.create(on: db)
            for orgName in person.orgs {
                let link = StaffOrganization()
                link.$staff.id = try member.requireID()
                link.$organization.id = orgIDs[orgName]!
                try await link.create(on: db)
            }
            for sub in person.subjects {
                let link = StaffSubject()
                link.$staff.id = try member.requireID()
                link.$subject.id = subjectIDs[sub]!
                try await link.create(on: db)
            }
        }
        for entry in rooms {
            let room = Room()
            room.$organization.id = orgIDs[entry.org]!
            room.name = entry.name
            room.capacity = entry.capacity
            room.note = nil
            room.searchKey = TextKey.search(entry.name)
            room.sortKey = TextKey.sort(entry.name)
            room.status = RecordStatus.active.rawValue
            room.version = 1
            try await room.create(on: db)
        }
        let partners: [(String, PartnerSector, [InteractionForm], [InteractionDirection], String)] = [
            (
                "ГБПОУ «СПК»", .college, [.networkPrograms, .careerGuidance], [.technical, .digital],
                "Фомина Галина Юрьевна, заместитель директора"
            ),
            (
                "Филиал техуниверситета", .university, [.networkPrograms, .mentorship, .projects],
                [.digital, .naturalScience], "Тарасов Глеб Олегович, доцент"
            ),
            (
                "АО «СПЗ»", .industry, [.careerGuidance, .resources], [.technical],
                "Кравец Олег Владимирович, начальник отдела кадров"
            ),
        ]
        for (short, sector, forms, directions, contact) in partners {
            let partner = Partner()
            partner.$municipality.id = municipalityID
            partner.$organization.id = orgIDs[short]!
            partner.sector = sector.rawValue
            partner.forms = CodeList.encode(forms)
            partner.directions = CodeList.encode(directions)
            partner.contactPerson = contact
            partner.note = nil
            partner.status = RecordStatus.active.rawValue
            partner.version = 1
            try await partner.create(on: db)
        }
        // School ↔ centre contracts for the year, a centre ↔ partner agreement, one expiring within 30 days, one draft.
        let yearEnd = year.endsOn
        let agreements: [(AgreementKind, String, String, String?, AgreementState, Date, Date, String)] = [
            (
                .schoolCenter, "МБОУ «СОШ № 1»", "МБОУ «Гимназия № 2»", "СВ-12", .signed, year.startsOn, yearEnd,
                "Обучение учащихся МБОУ «СОШ № 1» по сетевым профильным курсам ресурсного центра"
            ),
            (
                .schoolCenter, "МБОУ «СОШ № 4»", "МБОУ «Лицей № 5»", "СВ-13", .signed, year.startsOn, yearEnd,
                "Обучение учащихся по сетевым курсам химико-биологического профиля"
            ),
            (
                .schoolCenter, "МБОУ «СОШ № 6»", "МБОУ «СОШ № 3»", nil, .draft, year.startsOn, yearEnd,
                "Обучение учащихся по сетевым курсам социально-гуманитарного профиля"
            ),
            (
                .centerPartner, "МБОУ «Гимназия № 2»", "Филиал техуниверситета", "П-3", .signed,
                cal.date(byAdding: .year, value: -1, to: now)!,
                cal.date(byAdding: .day, value: 20, to: now)!,
                "Подготовка к олимпиадам по математике с привлечением преподавателей вуза"
            ),
            (
                .centerPartner, "МБОУ «Лицей № 5»", "ГБПОУ «СПК»", "П-4", .signed, year.startsOn,
                cal.date(byAdding: .year, value: 2, to: yearEnd)!,
                "Использование лабораторий колледжа для практикумов по химии"
            ),
        ]
        for (kind, partyA, partyB, number, state, start, end, subject) in agreements {
            let ag = NetworkAgreement()
            ag.$municipality.id = municipalityID
            ag.kind = kind.rawValue
            ag.$partyA.id = orgIDs[partyA]!
            ag.$partyB.id = orgIDs[partyB]!
            ag.number = number
            ag.signedOn = number == nil ? nil : start
            ag.subject = subject
            ag.covers = nil
            ag.startsOn = start
            ag.endsOn = end
            ag.state = state.rawValue
            ag.searchKey = TextKey.search(number, subject, partyA, partyB)
            ag.status = RecordStatus.active.rawValue
            ag.version = 1
            try await ag.create(on: db)
        }
        let termFrom = year.startsOn
        let termTo = cal.date(byAdding: DateComponents(year: 2, day: -1), to: termFrom)!
        let members: [(String, KmcRole, String?, String)] = [
            ("Котова Алла Игоревна", .head, "КМЦ", "руководитель центра"),
            ("Сергеева Марина Павловна", .deputy, "Управление образования", "начальник отдела общего образования"),
            ("Жукова Елена Витальевна", .secretary, "МКУ «ЦРО»", "методист"),
            ("Белова Ирина Олеговна", .member, "МБОУ «Гимназия № 2»", "заместитель директора"),
            ("Фомина Галина Юрьевна", .member, "ГБПОУ «СПК»", "заместитель директора"),
        ]
        for (name, role, org, position) in members {
            let member = KmcMember()
            member.$municipality.id = municipalityID
            member.fullName = name
            member.kmcRole = role.rawValue
            member.$organization.id = org.flatMap { orgIDs[$0] }
            member.position = position
            member.termFrom = termFrom
            member.termTo = termTo
            member.decreeNumber = "238"
            member.decreeDate = termFrom.addingTimeInterval(-7 * 86_400)
            member.searchKey = TextKey.search(name, position, org)
            member.sortKey = TextKey.sort(name)
            member.status = RecordStatus.active.rawValue
            member.version = 1
            try await member.create(on: db)
        }
    }
}
