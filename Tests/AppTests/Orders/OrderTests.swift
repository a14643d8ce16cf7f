import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct OrderTests {
        /// A world with this year's group «Математика-10» of «Школа-центр № 2» (Mondays 15:00–16:40, taught by
        /// «Педагогов Тест Тестович») and last year's finished «Математика-11», whose three students passed and got
        /// their certificates.
        struct Setup {
            var world: World
            var current: AcademicYear
            var last: AcademicYear
            var teacher: StaffMember
            var certificates: [Certificate]
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.admin, .kmc, .metod, .centre1, .teacher1, .school1, .parent1])
            let (center, school) = (cast.center, cast.school)
            let teacher = try await world.staff("Педагогов", at: [center], user: try cast.id(of: .teacher1))
            let current = world.year
            let students = try await world.students(at: school, count: 3)
            let group = try await world.group(at: center, "Математика-10", year: current, teacher: teacher)
            try await world.enroll(students, in: group, fromStart: true)
            try await world.weekly(group, on: .monday)
            let last = try await world.pastYear()
            let always: [AttendanceStatus] = [.present, .present]
            let finished = try await world.finishedGroup(
                at: center, "Математика-11", year: last, teacher: teacher,
                attendance: Dictionary(uniqueKeysWithValues: students.map { ($0, always) }),
                passed: Dictionary(uniqueKeysWithValues: students.map { ($0, true) }))
            let certificates = try await world.issueCertificates(finished)
            try #require(certificates.count == students.count)
            // A proposed stipend of this year: the order on support of gifted students names it.
            try await world.supportMeasure(of: students[0], kind: .stipend)
            return Setup(world: world, current: current, last: last, teacher: teacher, certificates: certificates)
        }

        /// The order a «/orders/{id}» address names.
        static func order(_ app: Application, _ url: String) async throws -> Order {
            let id = try #require(url.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
            return try #require(try await Order.find(id, on: app.db))
        }

        /// What the document of each kind shows of the world's data (besides, for certificates, the numbers): the
        /// organisation order the centres and groups, the schedule the weekly lessons, the attestation and
        /// certificates orders the students and their course.
        static let shows: [OrderKind: [String]] = [
            .organization: ["Математика-10", "Школа-центр № 2"], .schedule: ["понедельник", "15:00–16:40"],
            .attestation: ["Учеников0 Тест", "Математика-11"], .certificates: ["Учеников0 Тест"], .support: [],
            .gratitude: [], .interaction: [], .talentSupport: ["Учеников0 Тест", "стипендия"],
        ]

        @Test(arguments: OrderKind.allCases)
        func everyKindOfOrderIsDraftedFromDataAndIsAValidDocument(kind: OrderKind) async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                let year = [.attestation, .certificates].contains(kind) ? setup.last : setup.current
                _ = try await admin.get("/orders/new")
                let res = try await admin.post(
                    "/orders/new", ["kind": kind.rawValue, "year": year.id!.uuidString.lowercased()])
                #expect(res.status == .seeOther)
                let url = try #require(res.headers.first(name: .location))
                let page = try await admin.get(url + "/document")
                #expect(page.status == .ok && page.body.string.contains("ПРИКАЗ"))
                let text = try DocumentRouteTests.docxText(try await admin.get(url + "/docx"))
                #expect(text.contains(kind.title(year: year.title).prefix(30)))
                #expect(try await Order.query(on: app.db).count() == 1)
                // The data shows through.
                let order = try await Self.order(app, url)
                let numbers = kind == .certificates ? setup.certificates.map(\.number) : []
                let missing = (try #require(Self.shows[kind]) + numbers).filter { !order.document.contains($0) }
                #expect(missing.isEmpty, "\(missing)")
            }
        }

        @Test func supportNamesTheChosenTeachersAndASignedOrderNeverChanges() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/orders/new")
                let url = try #require(
                    try await admin.post(
                        "/orders/new", ["kind": "support", "year": setup.current.id!.uuidString.lowercased()]
                    ).headers.first(name: .location))
                let order = try await Self.order(app, url)
                let edit = try await admin.get(url + "/edit")
                #expect(edit.body.string.contains("Педагогов Тест Тестович — Школа-центр № 2"))
                #expect(edit.body.string.contains("проведено"))
                // A stranger's id is refused next to the field.
                let bad = try await admin.post(
                    url + "/edit", ["recipients": UUID().uuidString, "version": String(order.version)])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Выберите педагогов из списка"))
                #expect(
                    try await admin.post(
                        url + "/edit",
                        ["recipients": setup.teacher.id!.uuidString.lowercased(), "version": String(order.version)]
                    ).status == .seeOther)
                #expect(
                    try #require(try await Order.find(order.id, on: app.db)).document.contains(
                        "Педагогов Тест Тестович"))
                // Signing needs a number and a date.
                _ = try await admin.get(url + "/sign")
                let version = try #require(try await Order.find(order.id, on: app.db)).version
                let noNumber = try await admin.post(
                    url + "/sign", ["number": "", "day": "", "version": String(version)])
                #expect(noNumber.status == .unprocessableEntity && noNumber.body.string.contains("укажите его номер"))
                let today = CivilDay(Date(), timeZone: setup.world.zone)
                #expect(
                    try await admin.post(
                        url + "/sign", ["number": "245-о", "day": today.formatted, "version": String(version)]
                    ).status == .seeOther)
                let signed = try #require(try await Order.find(order.id, on: app.db))
                #expect(signed.isSigned && signed.number == "245-о" && signed.document.contains("245-о"))
                // After signing: no edit, refresh, re-sign or delete; the document stays as it was.
                #expect(try await admin.get(url + "/edit").status == .conflict)
                #expect(
                    try await admin.post(url + "/edit", ["number": "1", "version": String(signed.version)]).status
                        == .conflict)
                #expect(try await admin.post(url + "/refresh").status == .conflict)
                #expect(
                    try await admin.post(
                        url + "/sign", ["number": "2", "day": today.formatted, "version": String(signed.version)]
                    ).status == .conflict)
                #expect(try await admin.post(url + "/delete", ["version": String(signed.version)]).status == .conflict)
                let after = try #require(try await Order.find(order.id, on: app.db))
                #expect(after.document == signed.document && after.docx == signed.docx && after.number == "245-о")
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "order").filter(
                        \.$entityID == order.id!
                    )
                    .count() >= 3)
            }
        }

        @Test func onlyTheAuthoritySignsAndOthersSeeNothing() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/orders/new")
                let url = try #require(
                    try await admin.post(
                        "/orders/new", ["kind": "organization", "year": setup.current.id!.uuidString.lowercased()]
                    ).headers.first(name: .location))
                let draft = try await Self.order(app, url)
                #expect(draft.status == "draft")
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get(url).status == .ok)
                #expect(try await kmc.get(url + "/sign").status == .forbidden)
                _ = try await kmc.get(url)
                #expect(
                    try await kmc.post(
                        url + "/sign", ["number": "1", "day": "01.09.2026", "version": String(draft.version)]
                    ).status == .forbidden)
                #expect(try #require(try await Order.find(draft.id, on: app.db)).status == "draft")
                for user in ["school1", "centre1", "teacher1", "parent1"] {
                    var browser = Browser(app)
                    _ = try await browser.login(user, password: World.password)
                    #expect(try await browser.get("/orders").status == .forbidden, "\(user)")
                    #expect(try await browser.get(url + "/docx").status == .forbidden, "\(user)")
                }
                let token = try await apiToken(app, "metod", password: World.password)
                var api = Browser(app)
                let list = try await api.send(.GET, "/api/v1/orders", headers: ["Authorization": "Bearer \(token)"])
                #expect(list.status == .ok && list.body.string.contains(draft.id!.uuidString))
                let school = try await apiToken(app, "school1", password: World.password)
                #expect(
                    try await api.send(
                        .GET, "/api/v1/orders/\(draft.id!.uuidString)", headers: ["Authorization": "Bearer \(school)"]
                    ).status == .forbidden)
                #expect(
                    try await api.send(.GET, "/api/v1/orders?year=zzz", headers: ["Authorization": "Bearer \(token)"])
                        .status == .badRequest)
                // The methodologist reads the orders, but not an appendix naming students (results, certificates).
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                for kind in OrderKind.allCases {
                    _ = try await admin.get("/orders/new")
                    let made = try await admin.post(
                        "/orders/new", ["kind": kind.rawValue, "year": setup.last.id!.uuidString.lowercased()])
                    let url = try #require(made.headers.first(name: .location))
                    #expect(try await metod.get(url).status == .ok)
                    let expected: HTTPStatus = kind.namesStudents ? .forbidden : .ok
                    let document = try await metod.get(url + "/document").status
                    let docx = try await metod.get(url + "/docx").status
                    #expect(document == expected && docx == expected, "\(kind)")
                    #expect(try await admin.get(url + "/document").status == .ok)
                }
            }
        }

        @Test func theListLinksStayInOrdersAndSigningFreezesTheReviewedDraft() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                // Last year's signed order on certificates, numbered 112 on the year's last day.
                let earlier = try await setup.world.signedOrder(
                    .certificates, year: setup.last, number: "112",
                    on: CivilDay(setup.last.endsOn, timeZone: setup.world.zone))
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                let list = try await admin.get("/orders").body.string
                #expect(list.contains("href=\"/orders/new\"") && list.contains("action=\"/orders\""))
                #expect(!list.contains("href=\"/groups/new\""))
                _ = try await admin.get("/orders/new")
                let url = try #require(
                    try await admin.post(
                        "/orders/new", ["kind": "certificates", "year": setup.last.id!.uuidString.lowercased()]
                    ).headers.first(name: .location))
                let draft = try await Self.order(app, url)
                // A certificate is annulled after the draft was read: the signed order is the draft that was reviewed.
                let cert = try #require(setup.certificates.first)
                #expect(draft.document.contains(cert.number))
                try await CertificateService.annul(
                    cert.id!, reason: "проверка", req: Request(application: app, on: app.eventLoopGroup.next()))
                _ = try await admin.get(url + "/sign")
                // The number of the signed order of that year is taken.
                let taken = try await admin.post(
                    url + "/sign",
                    [
                        "number": "112", "day": CivilDay(number: try #require(earlier.orderDay)).formatted,
                        "version": String(draft.version),
                    ])
                #expect(
                    taken.status == .unprocessableEntity
                        && taken.body.string.contains("уже подписан приказ № 112"))
                #expect(
                    try await admin.post(
                        url + "/sign", ["number": "7", "day": "01.06.2026", "version": "9223372036854775807"]
                    ).status == .conflict)
                #expect(
                    try await admin.post(
                        url + "/sign", ["number": "7", "day": "01.06.2026", "version": String(draft.version)]
                    ).status == .seeOther)
                let signed = try #require(try await Order.find(draft.id, on: app.db))
                #expect(
                    signed.isSigned && signed.document.contains(cert.number)
                        && signed.document.contains("от 01.06.2026"))
            }
        }
    }
}
