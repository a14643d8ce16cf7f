import Domain
import Foundation
import Testing

@Suite struct TextKeyTests {
    @Test func aSearchNeedleHasNoLikeWildcards() {
        #expect(
            TextKey.needle("%%%") == "" && TextKey.needle("\\%") == "" && TextKey.needle("ivan_petrov") == "ivan_petrov"
        )
        #expect(TextKey.needle(" Ёл\\ки%н ") == "елкин")
    }

    @Test func searchIgnoresCaseAndYo() {
        #expect(TextKey.search("Ёлочная  УЛИЦА") == "елочная улица")
        #expect(TextKey.normalize("ЁЖИК") == TextKey.normalize("ежик"))
    }

    /// The key is stored beside every name, so the one-pass version must give what the Foundation one gave.
    @Test func normalizeMatchesTheFoundationDefinition() {
        func reference(_ text: String) -> String {
            text.lowercased().replacingOccurrences(of: "ё", with: "е").split(whereSeparator: { $0.isWhitespace })
                .joined(separator: " ")
        }
        let samples = [
            "", " ", "  \t\n ", "Ёлкина Варвара", "  ЁЛКИНА\tварвара  Сергеевна ", "О'Коннор-Смит", "Е\u{0308}жиков",
            "е\u{0308}ж",
            "Ñúñez ÅSTRÖM", "ΣΟΦΙΑ", "Straße", "İlknur", "Ѐлена Ѓ", "a\u{00A0}b\u{2003}c\u{3000}d", "x\u{0085}y",
            "ДЖОН\r\nСМИТ",
            "Ж.Ю. ЯКОВЛЕВ", "123 ABC", "ёЁеЕ",
        ]
        for sample in samples { #expect(TextKey.normalize(sample) == reference(sample), "\(sample.debugDescription)") }
    }

    @Test func trimmedIsFoundationTrimming() {
        let samples = [
            "", "a", " a ", "\tИванов\n", "\u{00A0}Ёж\u{2003}", "Пётр", "a b", "\n", "x\u{3000}", "\u{1680}y",
            "z\u{0085}",
        ]
        for sample in samples {
            #expect(
                sample.trimmed == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
            #expect(sample.trimmedSpaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
        }
    }

    @Test func sortPutsYoRightAfterYe() {
        let words = ["жук", "ёж", "ель", "дом", "яма", "Ёлка", "Ежевика"]
        let sorted = words.sorted { TextKey.sort($0) < TextKey.sort($1) }
        #expect(sorted == ["дом", "Ежевика", "ель", "ёж", "Ёлка", "жук", "яма"])
    }

    @Test(arguments: [
        (1, "1 группа"), (2, "2 группы"), (4, "4 группы"), (5, "5 групп"), (11, "11 групп"), (12, "12 групп"),
        (14, "14 групп"), (21, "21 группа"), (22, "22 группы"), (111, "111 групп"), (112, "112 групп"), (0, "0 групп"),
    ])
    func pluralForms(count: Int, expected: String) {
        #expect(RussianPlural.count(count, "группа", "группы", "групп") == expected)
    }

    @Test func datesReadAndPrintRussian() throws {
        let msk = try #require(TimeZone(identifier: "Europe/Moscow"))
        let date = try #require(RuDate.parse("01.09.2025", timeZone: msk))
        #expect(RuDate.format(date, timeZone: msk) == "01.09.2025")
        #expect(RuDate.parse("2025-09-01", timeZone: msk) == date)
    }

    @Test(arguments: ["31.02.2025", "1.9.25", "завтра", "", "01.13.2025", "2025-02-30"])
    func datesThatDoNotExistAreNotRead(text: String) throws {
        #expect(RuDate.parse(text, timeZone: try #require(TimeZone(identifier: "Europe/Moscow"))) == nil)
    }
}

@Suite struct ValidationTests {
    @Test func organizationInputNamesEveryBadField() {
        let result = OrganizationInput.validate(
            kind: "castle", fullName: "", shortName: String(repeating: "я", count: 121),
            address: nil, phone: "abc", email: "x@", website: "school.ru", headName: nil)
        guard case .failure(let failure) = result else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.fields["kind"] == "Выберите значение из списка.")
        #expect(failure.fields["fullName"] == "Заполните это поле.")
        #expect(failure.fields["shortName"] == "Не длиннее 120 символов.")
        #expect(failure.fields["phone"] != nil)
        #expect(failure.fields["email"] != nil)
        #expect(failure.fields["website"] == "Адрес сайта начинается с http:// или https://.")
    }

    @Test func organizationInputTrimsGoodValues() throws {
        let result = OrganizationInput.validate(
            kind: "school", fullName: "  Школа № 1 ", shortName: "СОШ № 1", address: " ",
            phone: "+7 (900) 000-00-01", email: "a@b.ru", website: nil, headName: nil)
        let valid = try result.get()
        #expect(valid.fullName == "Школа № 1")
        #expect(valid.address == nil)
    }

    @Test func pagingIsClamped() {
        #expect(PageRequest(page: -3, per: 100000).page == 1)
        #expect(PageRequest(page: 2, per: 100000).per == PageRequest.maxPer)
        #expect(PageRequest(page: 3, per: 10).offset == 20)
        #expect(PageRequest(page: 1, per: 10).pageCount(total: 21) == 3)
    }

    @Test(arguments: [("short", false), ("aaaaaaaaaaaa", false), ("длинный-пароль-1", true)])
    func passwordsMustBeLongAndVaried(password: String, accepted: Bool) {
        #expect(PasswordRules.check(password).isEmpty == accepted)
    }
}

@Suite struct SecurityRuleTests {
    @Test func throttleBlocksAfterTenFailuresInFifteenMinutes() {
        let throttle = LoginThrottle()
        let now = Date()
        let nine = (0..<9).map { now.addingTimeInterval(Double(-$0 * 60)) }
        #expect(throttle.blockedUntil(failures: nine, now: now) == nil)
        let ten = nine + [now.addingTimeInterval(-600)]
        let until = throttle.blockedUntil(failures: ten, now: now)
        #expect(until == now.addingTimeInterval(-600 + 900))
        let old = (0..<10).map { now.addingTimeInterval(Double(-16 * 60 - $0)) }
        #expect(throttle.blockedUntil(failures: old, now: now) == nil)
    }

    @Test func sessionsEndWhenIdleOrTooOld() {
        let policy = SessionPolicy(idleTimeout: 3600, absoluteTimeout: 8 * 3600)
        let now = Date()
        #expect(
            policy.isAlive(createdAt: now.addingTimeInterval(-100), lastSeenAt: now.addingTimeInterval(-10), now: now))
        #expect(
            !policy.isAlive(
                createdAt: now.addingTimeInterval(-100), lastSeenAt: now.addingTimeInterval(-3601), now: now))
        #expect(!policy.isAlive(createdAt: now.addingTimeInterval(-9 * 3600), lastSeenAt: now, now: now))
    }
}

@Suite struct AccessPolicyTests {
    let municipalityID = UUID(), otherMuni = UUID()
    let school = UUID(), otherSchool = UUID()

    func actor(_ role: Role, org: UUID? = nil, in municipality: UUID? = nil) -> Actor {
        let municipality = municipality ?? municipalityID
        let scope: GrantScope =
            org.map { .organization($0, municipalityID: municipality) } ?? .municipality(municipality)
        return Actor(userID: UUID(), username: "u", grants: [RoleGrant(role: role, scope: scope)])
    }

    @Test(arguments: [Role.authorityAdmin, .coordinator, .methodologist])
    func municipalityRolesStayInTheirMunicipality(role: Role) {
        let policy = AccessPolicy()
        let own = OrgRef(id: school, municipalityID: municipalityID)
        let foreign = OrgRef(id: otherSchool, municipalityID: otherMuni)
        #expect(policy.allows(actor(role), .read, .organization(own)))
        #expect(!policy.allows(actor(role), .read, .organization(foreign)))
        #expect(!policy.allows(actor(role), .read, .staff(orgs: [foreign], municipalityID: otherMuni)))
    }

    @Test func onlyTheCoordinatorChangesOrganizations() {
        let policy = AccessPolicy()
        let own = OrgRef(id: school, municipalityID: municipalityID)
        #expect(policy.allows(actor(.coordinator), .create, .organization(own)))
        #expect(!policy.allows(actor(.methodologist), .update, .organization(own)))
    }

    @Test func schoolRolesTouchOnlyTheirOwnOrganization() {
        let policy = AccessPolicy()
        let own = OrgRef(id: school, municipalityID: municipalityID)
        let other = OrgRef(id: otherSchool, municipalityID: municipalityID)
        let admin = actor(.schoolAdmin, org: school)
        #expect(policy.allows(admin, .update, .organization(own)))
        #expect(!policy.allows(admin, .update, .organization(other)))
        #expect(!policy.allows(admin, .archive, .organization(own)))
        #expect(policy.allows(admin, .read, .staff(orgs: [own], municipalityID: municipalityID)))
        #expect(!policy.allows(admin, .read, .staff(orgs: [other], municipalityID: municipalityID)))
        #expect(!policy.allows(admin, .read, .audit(municipalityID: municipalityID)))
    }

    @Test(arguments: [Role.student, .guardian])
    func studentsAndGuardiansSeeNoRegistry(role: Role) {
        let policy = AccessPolicy()
        let own = OrgRef(id: school, municipalityID: municipalityID)
        #expect(!policy.allows(actor(role, org: school), .read, .organization(own)))
        #expect(!policy.allows(actor(role, org: school), .read, .reference(municipalityID: municipalityID)))
    }

    @Test func expiredAssignmentsGrantNothing() {
        var expired = actor(.coordinator)
        expired.grants[0].validTo = Date().addingTimeInterval(-86_400)
        #expect(
            !AccessPolicy().allows(expired, .read, .organization(OrgRef(id: school, municipalityID: municipalityID))))
        #expect(
            AccessPolicy().allows(expired, .read, .organization(OrgRef(id: school, municipalityID: municipalityID)))
                == false)
    }

    @Test func schoolsManageOnlyTheirOwnTeachersAccounts() {
        let policy = AccessPolicy()
        let admin = actor(.schoolAdmin, org: school)
        #expect(
            policy.allows(
                admin, .create,
                .account(
                    roles: [AccountRole(.teacher, organizationID: school, municipalityID: municipalityID)],
                    municipalityID: municipalityID))
        )
        #expect(
            !policy.allows(
                admin, .create,
                .account(
                    roles: [AccountRole(.teacher, organizationID: otherSchool, municipalityID: municipalityID)],
                    municipalityID: municipalityID)))
        #expect(
            !policy.allows(
                admin, .create,
                .account(
                    roles: [AccountRole(.coordinator, organizationID: nil, municipalityID: municipalityID)],
                    municipalityID: municipalityID)
            ))
        // An account that also has a role elsewhere belongs to the administrator.
        #expect(
            !policy.allows(
                admin, .update,
                .account(
                    roles: [
                        AccountRole(.teacher, organizationID: school, municipalityID: municipalityID),
                        AccountRole(.teacher, organizationID: otherSchool, municipalityID: municipalityID),
                    ], municipalityID: municipalityID)))
        #expect(!policy.allows(admin, .read, .account(roles: [], municipalityID: municipalityID)))
        #expect(
            policy.allows(
                actor(.authorityAdmin), .update,
                .account(
                    roles: [AccountRole(.coordinator, organizationID: nil, municipalityID: municipalityID)],
                    municipalityID: municipalityID)
            ))
        #expect(
            !policy.allows(
                actor(.authorityAdmin), .update,
                .account(
                    roles: [
                        AccountRole(.authorityAdmin, organizationID: nil, municipalityID: otherMuni),
                        AccountRole(.teacher, organizationID: school, municipalityID: municipalityID),
                    ], municipalityID: municipalityID)))
        #expect(
            !policy.allows(
                actor(.coordinator), .read,
                .account(
                    roles: [AccountRole(.teacher, organizationID: school, municipalityID: municipalityID)],
                    municipalityID: municipalityID))
        )
    }

    @Test func onlyAdministratorsReadTheAuditLog() {
        let policy = AccessPolicy()
        #expect(policy.allows(actor(.authorityAdmin), .read, .audit(municipalityID: municipalityID)))
        #expect(!policy.allows(actor(.coordinator), .read, .audit(municipalityID: municipalityID)))
        #expect(!policy.allows(actor(.authorityAdmin, in: otherMuni), .read, .audit(municipalityID: municipalityID)))
    }
}

@Suite struct PersonAccessTests {
    let municipalityID = UUID(), school = UUID(), child = UUID()
    var ref: OrgRef { OrgRef(id: school, municipalityID: municipalityID) }

    func actor(_ role: Role, org: UUID?, students: Set<UUID> = []) -> Actor {
        Actor(
            userID: UUID(), username: "u",
            grants: [
                RoleGrant(
                    role: role,
                    scope: org.map { .organization($0, municipalityID: municipalityID) }
                        ?? .municipality(municipalityID))
            ],
            students: students)
    }

    @Test func aGuardianActsOnlyForTheirOwnChild() {
        let policy = AccessPolicy()
        let parent = actor(.guardian, org: school, students: [child])
        #expect(policy.allows(parent, .read, .person(studentID: child, school: ref)))
        #expect(policy.allows(parent, .update, .person(studentID: child, school: ref)))
        #expect(!policy.allows(parent, .read, .person(studentID: UUID(), school: ref)))
        #expect(!policy.allows(parent, .read, .student(school: ref)))
        // Another municipality's record with the same child id is still refused.
        #expect(
            !policy.allows(parent, .read, .person(studentID: child, school: OrgRef(id: school, municipalityID: UUID())))
        )
    }

    @Test func aStudentReadsThemselvesAndStaffReadThroughTheSchool() {
        let policy = AccessPolicy()
        let me = actor(.student, org: school, students: [child])
        #expect(policy.allows(me, .read, .person(studentID: child, school: ref)))
        #expect(!policy.allows(me, .update, .person(studentID: child, school: ref)))
        #expect(policy.allows(actor(.schoolAdmin, org: school), .read, .person(studentID: child, school: ref)))
        #expect(!policy.allows(actor(.schoolAdmin, org: UUID()), .read, .person(studentID: child, school: ref)))
        #expect(!policy.allows(actor(.schoolAdmin, org: school), .update, .person(studentID: child, school: ref)))
        #expect(policy.allows(actor(.coordinator, org: nil), .read, .person(studentID: child, school: ref)))
    }
}

@Suite struct ContractAccessTests {
    @Test func onlyThePartiesAndTheMunicipalityReadAContract() {
        let municipalityID = UUID()
        let school = OrgRef(id: UUID(), municipalityID: municipalityID)
        let center = OrgRef(id: UUID(), municipalityID: municipalityID)
        func actor(_ role: Role, _ org: UUID?, _ municipality: UUID = municipalityID) -> Actor {
            Actor(
                userID: UUID(), username: "u",
                grants: [
                    RoleGrant(
                        role: role,
                        scope: org.map { .organization($0, municipalityID: municipality) }
                            ?? .municipality(municipality))
                ])
        }
        let policy = AccessPolicy()
        let contract = Resource.contract(school: school, center: center)
        #expect(policy.allows(actor(.schoolAdmin, school.id), .read, contract))
        #expect(policy.allows(actor(.centerHead, center.id), .read, contract))
        #expect(policy.allows(actor(.coordinator, nil), .read, contract))
        #expect(!policy.allows(actor(.schoolAdmin, UUID()), .read, contract))
        #expect(!policy.allows(actor(.teacher, center.id), .read, contract))
        #expect(!policy.allows(actor(.coordinator, nil, UUID()), .read, contract))
        #expect(!policy.allows(actor(.coordinator, nil), .update, contract))
    }
}
