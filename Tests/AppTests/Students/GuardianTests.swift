import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct GuardianTests {
        static func code(in html: String) throws -> String {
            let range = try #require(html.range(of: "<p class=\"code\">"))
            return String(html[range.upperBound...].prefix { $0 != "<" })
        }

        static func form(_ student: Student) -> [String: String] {
            let zone = TimeZone(identifier: "Europe/Moscow")!
            return [
                "school": student.$school.id.uuidString.lowercased(), "surname": student.surname,
                "givenName": student.givenName,
                "patronymic": student.patronymic ?? "",
                "birthDate": RuDate.format(student.birthDate, timeZone: zone), "sex": student.sex ?? "",
                "grade": String(student.grade),
                "letter": student.letter ?? "",
            ]
        }

        /// The ids of a world of one school: the child «Ёлкин Артём Ильич» whose mother signs in as parent1, and a
        /// classmate «Светлов Кирилл Павлович» without guardians.
        struct Ids {
            var world: World
            var school: UUID
            var center: UUID
            var elkin: Student
            var guardian: Guardian
            var classmate: Student
        }

        /// A world of its own: «Школа № 1» (school1 its administrator) with Ёлкин, his mother «Ёлкина Вера
        /// Николаевна» (parent1) and a classmate; a centre «Школа-центр № 2» (centre1 its head) and kmc.
        static func setUp(_ app: Application) async throws -> Ids {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .centre1, .school1])
            let (school, center) = (cast.school, cast.center)
            let elkin = try await world.student(
                at: school, "Ёлкин", "Артём", "Ильич", consentBy: "Ёлкина Вера Николаевна (мать)")
            let guardian = try await world.guardian(
                of: try elkin.requireID(), "Ёлкина Вера Николаевна", account: "parent1")
            let classmate = try await world.student(at: school, "Светлов", "Кирилл", "Павлович", born: "02.02.2010")
            return Ids(
                world: world, school: school, center: center, elkin: elkin, guardian: guardian, classmate: classmate)
        }

        @Test func theSchoolInvitesAGuardianWhoSignsUpAndSeesTheChild() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let child = ids.classmate
                var admin = Browser(app)
                _ = try await admin.login("school1", password: World.password)
                let card = "/students/\(child.id!.uuidString.lowercased())"
                _ = try await admin.get(card + "/guardians/new")
                let bad = try await admin.post(card + "/guardians/new", ["fullName": "", "phone": "abc"])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Заполните это поле."))
                #expect(
                    try await admin.post(
                        card + "/guardians/new",
                        ["fullName": "Светлова Ирина Павловна", "relation": "мать", "phone": "+7 900 123-45-67"]
                    ).status == .seeOther)
                let guardian = try #require(
                    try await Guardian.query(on: app.db).filter(\.$fullName == "Светлова Ирина Павловна").first())
                let page = try await admin.get(card)
                #expect(page.body.string.contains("Светлова Ирина Павловна"))
                let printed = try await admin.post(
                    card + "/guardians/\(guardian.id!.uuidString.lowercased())/invite", [:])
                #expect(printed.status == .ok)
                // The printed sheet gives the whole address to type, not a path.
                #expect(printed.body.string.contains("://") && printed.body.string.contains("/invite, введите код"))
                let code = try Self.code(in: printed.body.string)
                #expect(code.count == 14)

                // The guardian, not signed in, redeems the code and creates an account.
                var parent = Browser(app)
                _ = try await parent.get("/invite")
                let wrong = try await parent.post(
                    "/invite",
                    [
                        "code": "AAAA-BBBB-CCCC", "username": "svetlova", "password": "очень-длинный-пароль",
                        "confirm": "очень-длинный-пароль",
                    ])
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Код не подходит"))
                let ok = try await parent.post(
                    "/invite",
                    [
                        "code": code.lowercased(), "username": "svetlova", "password": "очень-длинный-пароль",
                        "confirm": "очень-длинный-пароль",
                    ])
                #expect(ok.status == .seeOther && ok.headers.first(name: .location) == "/children")
                let kids = try await parent.get("/children")
                #expect(kids.status == .ok && kids.body.string.contains(child.fullName))
                #expect(kids.body.string.contains("Мои дети"))
                // The code is spent.
                var other = Browser(app)
                _ = try await other.get("/invite")
                #expect(
                    try await other.post(
                        "/invite",
                        [
                            "code": code, "username": "someone", "password": "очень-длинный-пароль",
                            "confirm": "очень-длинный-пароль",
                        ]
                    ).status == .unprocessableEntity)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == child.id).filter(\.$action == "link")
                        .count() == 1)
                // A guardian sees no other child and no registry.
                let stranger = ids.elkin
                #expect(
                    try await parent.get("/children/\(stranger.id!.uuidString.lowercased())/consent").status
                        == .notFound)
                #expect(try await parent.get("/students/\(child.id!.uuidString.lowercased())").status == .forbidden)
                #expect(try await parent.get("/students").status == .forbidden)
                // Removed by the school, the guardian loses access at once.
                _ = try await admin.get(card)
                #expect(
                    try await admin.post(card + "/guardians/\(guardian.id!.uuidString.lowercased())/remove", [:]).status
                        == .seeOther)
                #expect(!(try await parent.get("/children").body.string.contains(child.fullName)))
            }
        }

        @Test func parent1WithdrawsConsentAndTheSchoolAndKmcSeeItAtOnce() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let elkin = ids.elkin
                // Ёлкин studies «Олимпиадная математика» at the centre; «Информатика-10» is open to him too.
                let math = try await ids.world.group(of: try await ids.world.program(at: ids.center))
                _ = try await EnrollmentService.enroll(studentID: elkin.id!, groupID: math.id!, app: app, req: nil)
                let group = try await ids.world.group(
                    of: try await ids.world.program(at: ids.center, "Информатика"), "Информатика-10")
                var parent = Browser(app)
                _ = try await parent.login("parent1", password: World.password)
                let kids = try await parent.get("/children")
                #expect(kids.body.string.contains("Ёлкин Артём Ильич"))
                #expect(kids.body.string.contains("Олимпиадная математика"))
                let url = "/children/\(elkin.id!.uuidString.lowercased())/consent"
                #expect(
                    try await parent.get(url).body.string.contains("Отозвать согласие на обработку персональных данных")
                )
                #expect(try await parent.post(url, [:]).status == .seeOther)
                let after = try #require(try await Student.find(elkin.id, on: app.db))
                #expect(after.consentWithdrawnAt != nil && after.consentWithdrawnBy == "Ёлкина Вера Николаевна")
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == elkin.id).filter(
                        \.$action == "consent_withdraw"
                    ).count() == 1)

                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(
                    try await school.get("/students/\(elkin.id!.uuidString.lowercased())").body.string.contains(
                        "Согласие на обработку персональных данных отозвано"))
                let withdrawn = try await school.get("/students?consent=no").body.string
                #expect(withdrawn.contains("Ёлкин Артём Ильич") && !withdrawn.contains("Светлов"))
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get("/students?consent=no&q=Ёлкин").body.string.contains("отозвано"))
                // No new enrolment while the consent is withdrawn.
                await #expect(throws: AppError.self) {
                    _ = try await EnrollmentService.enroll(studentID: elkin.id!, groupID: group.id!, app: app, req: nil)
                }
                // The school records a new consent: the withdrawal is cleared.
                let edit = try await school.get("/students/\(elkin.id!.uuidString.lowercased())/edit")
                #expect(edit.status == .ok)
                var form = Self.form(after)
                form["consentOn"] = RuDate.format(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!)
                form["consentBy"] = "Ёлкина Вера Николаевна, мать"
                form["version"] = String(after.version)
                #expect(
                    try await school.post("/students/\(elkin.id!.uuidString.lowercased())/edit", form).status
                        == .seeOther)
                #expect(try #require(try await Student.find(elkin.id, on: app.db)).consentWithdrawnAt == nil)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == elkin.id!).filter(
                        \.$group.$id == group.id!
                    ).count() == 0)
            }
        }

        @Test func anotherSchoolCannotManageTheseGuardians() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let elkin = ids.elkin
                let guardian = ids.guardian
                var center = Browser(app)
                _ = try await center.login("centre1", password: World.password)
                let base = "/students/\(elkin.id!.uuidString.lowercased())/guardians"
                #expect(try await center.get(base + "/new").status == .notFound)
                _ = try await center.get("/profile")
                #expect(
                    try await center.post(base + "/\(guardian.id!.uuidString.lowercased())/invite", [:]).status
                        == .notFound)
                #expect(try await center.get("/children").status == .forbidden)
                #expect(try await Guardian.find(guardian.id, on: app.db)?.inviteHash == nil)
            }
        }
    }
}
