import AsyncHTTPClient
import Domain
import Fluent
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// Regression tests for defects a review found: each would crash the server, leak a record or widen someone's rights.
extension AppTests {
    @Suite struct HardeningTests {
        /// Two schools and two centres of one municipality.
        struct Net {
            let world: World
            let center: UUID, otherCenter: UUID, school: UUID, otherSchool: UUID
        }

        /// The network every test starts from: «Школа-центр № 2» (centre1, its head), «Школа-центр № 5», «Школа № 1»
        /// (school1, its administrator), «Школа № 4», and over the municipality kmc (coordinator), admin (authority
        /// administrator) and metod (methodologist).
        static func setUp(_ app: Application) async throws -> Net {
            let world = try await World.make(app)
            let cast = try await world.cast([.admin, .kmc, .metod, .centre1, .school1])
            return Net(
                world: world, center: cast.center, otherCenter: try await world.center("Школа-центр № 5"),
                school: cast.school, otherSchool: try await world.school("Школа № 4"))
        }

        @Test func aBrowserAcceptingAnythingGetsPagesAndOnlyJSONFirstGetsJSON() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                let any = try await browser.send(.GET, "/no-such-page", headers: ["Accept": "*/*"])
                #expect(
                    any.status == .notFound && any.headers.contentType == .html
                        && any.body.string.contains("Страница не найдена."))
                let signIn = try await browser.send(.GET, "/groups", headers: ["Accept": "text/html,*/*;q=0.8"])
                #expect(
                    signIn.status == .seeOther && signIn.headers.first(name: .location)?.hasPrefix("/login") == true)
                let json = try await browser.send(.GET, "/no-such-page", headers: ["Accept": "application/json"])
                #expect(json.status == .notFound && json.body.string.contains("\"not_found\""))
                #expect(
                    try await browser.send(.GET, "/api/v1/no-such", headers: ["Accept": "*/*"]).body.string.contains(
                        "\"not_found\""))
            }
        }

        /// A form larger than the server's first read (a results sheet of a whole group, a long description) keeps its
        /// CSRF token: the body is read whole before the token is looked for.
        @Test func aLargeFormOverRealHTTPIsNotTakenForAStaleOne() async throws {
            try await withLiveApp { app, port in
                _ = try await Self.setUp(app)
                let client = LiveBrowser.client()
                var head = LiveBrowser(port: port, client: client)
                _ = try await head.send(.GET, "/login")
                let login = try await head.send(
                    .POST, "/login", form: ["username": "centre1", "password": World.password])
                #expect(login.status == 303)
                _ = try await head.send(.GET, "/programs/new")
                let long = String(repeating: "Описание программы сетевого курса. ", count: 900)  // ≈ 60 KB as a form
                let response = try await head.send(.POST, "/programs/new", form: ["title": "", "description": long])
                #expect(
                    response.status == 422 && !response.body.contains("Форма устарела")
                        && response.body.contains("Описание программы сетевого курса."))
                let stale = try await head.send(
                    .POST, "/programs/new", form: ["_csrf": "stale", "title": "", "description": long])
                #expect(stale.status == 403 && stale.body.contains("Форма устарела"))
                try await client.shutdown()
            }
        }

        /// A filter the API cannot read is named in a 400, not ignored (which answered the whole list).
        @Test func badQueryParametersOfTheAPIAreNamed() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                let token = try await apiToken(app, "kmc", password: World.password)
                var browser = Browser(app)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                for (path, field) in [
                    ("/api/v1/students?school=zzz", "school"), ("/api/v1/students?grade=abc", "grade"),
                    ("/api/v1/lessons?from=2026-13-45", "from"), ("/api/v1/groups?page=99999999999999999999", "page"),
                    ("/api/v1/enrollments?group=1", "group"), ("/api/v1/applications?student=%25", "student"),
                    ("/api/v1/applications?state=zzz", "state"), ("/api/v1/enrollments?status=zzz", "status"),
                    ("/api/v1/students?consent=maybe", "consent"), ("/api/v1/agreements?state=bogus", "state"),
                    ("/api/v1/organizations?kind=zzz", "kind"), ("/api/v1/programs?approval=yes", "approval"),
                    ("/api/v1/staff?trainer=maybe", "trainer"), ("/api/v1/orders?kind=x", "kind"),
                ] {
                    let response = try await browser.send(.GET, path, headers: auth)
                    let body = try response.content.decode(APITests.ErrorBody.self)
                    #expect(
                        response.status == .badRequest && body.error == "bad_request"
                            && body.reason.contains("«\(field)»"),
                        "\(path)")
                }
                #expect(
                    try await browser.send(.GET, "/api/v1/students?school=&grade=10&page=2&per=5", headers: auth).status
                        == .ok)
                #expect(
                    try await browser.send(.GET, "/api/v1/lessons?from=2026-09-01&to=2026-09-30", headers: auth).status
                        == .ok
                )
                for path in [
                    "/api/v1/applications?state=submitted", "/api/v1/organizations?kind=school&status=all",
                    "/api/v1/agreements?state=signed",
                    "/api/v1/programs?approval=agreed&kind=profile", "/api/v1/staff?trainer=no",
                    "/api/v1/enrollments?status=waitlisted",
                ] {
                    #expect(try await browser.send(.GET, path, headers: auth).status == .ok, "\(path)")
                }
                let untyped = try await browser.send(
                    .POST, "/api/v1/applications", headers: auth, raw: "{\"campaignId\": \"x\"}")
                #expect(untyped.status == .unsupportedMediaType && untyped.body.string.contains("Content-Type"))
            }
        }

        @Test func hugePageAndVersionNumbersAreHarmless() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let room = try await net.world.room(at: net.school, "Кабинет № 5")
                var browser = Browser(app)
                #expect(try await browser.login("school1", password: World.password).status == .seeOther)
                #expect(try await browser.get("/rooms?page=9223372036854775807").status == .ok)
                #expect(
                    try await browser.get("/organizations?page=9223372036854775807&per=9223372036854775807").status
                        == .ok)
                let own = net.school
                _ = try await browser.get("/organizations/\(own)/edit")
                var form = OrganizationsController.values(
                    of: try #require(try await Organization.find(own, on: app.db)))
                form["version"] = "9223372036854775807"
                #expect(try await browser.post("/organizations/\(own)/edit", form).status == .conflict)
                _ = try await browser.get("/rooms/\(room.id!)/edit")
                let res = try await browser.post(
                    "/rooms/\(room.id!)/edit",
                    [
                        "organization": own.uuidString, "name": room.name, "capacity": "10",
                        "version": "9223372036854775807",
                    ])
                #expect(res.status == .conflict)
                #expect(try await Room.find(room.id, on: app.db)?.capacity == 25)
                // Another school's room is refused whatever the version.
                let foreign = try await net.world.room(at: net.otherSchool, "Кабинет № 7")
                #expect(try await browser.get("/rooms/\(foreign.id!)/edit").status == .forbidden)
                let refused = try await browser.post(
                    "/rooms/\(foreign.id!)/edit",
                    ["organization": own.uuidString, "name": "Кабинет № 7", "capacity": "10", "version": "1"])
                #expect(refused.status == .forbidden)
                let after = try #require(try await Room.find(foreign.id, on: app.db))
                #expect(after.capacity == 25 && after.$organization.id == net.otherSchool)
            }
        }

        @Test func anAdministratorCannotTakeOverAnAccountWithRolesElsewhere() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let other = Municipality(name: "Соседний район")
                try await other.create(on: app.db)
                let home = try #require(try await Municipality.find(net.world.municipalityID, on: app.db))
                let twoPlaces = User(username: "two.places", fullName: "Двоеместная Ирина", passwordHash: "x")
                try await twoPlaces.create(on: app.db)
                try await RoleAssignment(
                    userID: twoPlaces.id!, role: "authority_admin", municipalityID: other.id!, organizationID: nil
                ).create(on: app.db)
                try await RoleAssignment(
                    userID: twoPlaces.id!, role: "methodologist", municipalityID: home.id!, organizationID: nil
                ).create(on: app.db)
                var admin = Browser(app)
                #expect(try await admin.login("admin", password: World.password).status == .seeOther)
                #expect(try await admin.get("/users/\(twoPlaces.id!)").status == .forbidden)
                #expect(try await admin.post("/users/\(twoPlaces.id!)/reset").status == .forbidden)
                #expect(try await admin.post("/users/\(twoPlaces.id!)/block").status == .forbidden)
                let users = try await admin.get("/users").body.string
                #expect(!users.contains("Двоеместная"))
                #expect(users.contains("Тестов metod"))
                #expect(try await User.find(twoPlaces.id, on: app.db)?.passwordHash == "x")
            }
        }

        @Test func aResetRevokesTokensAndACodeCannotBuyOne() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                let token = try await apiToken(app, "metod", password: World.password)
                let metod = try #require(try await User.query(on: app.db).filter(\.$username == "metod").first())
                var admin = Browser(app)
                #expect(try await admin.login("admin", password: World.password).status == .seeOther)
                _ = try await admin.get("/users/\(metod.id!)/reset")
                let code = try UsersTests.code(in: try await admin.post("/users/\(metod.id!)/reset").body.string)
                var api = Browser(app)
                #expect(
                    try await api.send(.GET, "/api/v1/rooms", headers: ["Authorization": "Bearer \(token)"]).status
                        == .unauthorized)
                struct Body: Content {
                    var username: String
                    var password: String
                }
                let res = try await api.send(.POST, "/api/v1/auth/token", json: Body(username: "metod", password: code))
                #expect(res.status == .forbidden)
            }
        }

        /// A partner's card lists only the agreements of the viewer's own centre; the КМЦ sees every one.
        @Test func cardsShowOnlyWhatTheViewerMaySee() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let college = try await net.world.organization(.college, "Колледж № 1")
                let partner = try await net.world.partner(of: college)
                let ends = Date().addingTimeInterval(400 * 86_400)
                try await net.world.agreement(
                    .centerPartner, net.otherCenter, college, number: "П-4", ends: ends)
                try await net.world.agreement(.centerPartner, net.center, college, number: "П-7", ends: ends)
                var browser = Browser(app)
                #expect(try await browser.login("centre1", password: World.password).status == .seeOther)
                let card = try await browser.get("/partners/\(partner.id!)")
                #expect(card.status == .ok)
                #expect(!card.body.string.contains("П-4"))
                #expect(card.body.string.contains("П-7"))
                var kmc = Browser(app)
                #expect(try await kmc.login("kmc", password: World.password).status == .seeOther)
                let all = try await kmc.get("/partners/\(partner.id!)").body.string
                #expect(all.contains("П-4") && all.contains("П-7"))
            }
        }

        @Test func aCenterHeadCannotArchiveSomeoneWhoAlsoWorksElsewhere() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let guseva = try await net.world.staff("Гусева", at: [net.center, net.otherSchool])
                var browser = Browser(app)
                #expect(try await browser.login("centre1", password: World.password).status == .seeOther)
                #expect(try await browser.get("/staff/\(guseva.id!)/archive").status == .forbidden)
                #expect(try await browser.post("/staff/\(guseva.id!)/archive").status == .forbidden)
                #expect(try await StaffMember.find(guseva.id, on: app.db)?.status == "active")
                #expect(try await browser.get("/staff/\(guseva.id!)/edit").status == .ok)
            }
        }

        @Test func loginRedirectsOnlyToLocalPaths() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                for next in ["/%09/evil.example/x", "//evil.example", "/\\evil.example", "https://evil.example"] {
                    var browser = Browser(app)
                    _ = try await browser.get("/login?next=\(next)")
                    let res = try await browser.post(
                        "/login",
                        [
                            "username": "kmc", "password": World.password,
                            "next": next.removingPercentEncoding ?? next,
                        ])
                    #expect(res.headers.first(name: .location) == "/", "\(next)")
                }
            }
        }

        @Test func onlyCoordinatorsChangeAnOrganizationsKind() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let own = net.school
                var browser = Browser(app)
                #expect(try await browser.login("school1", password: World.password).status == .seeOther)
                _ = try await browser.get("/organizations/\(own)/edit")
                var form = OrganizationsController.values(
                    of: try #require(try await Organization.find(own, on: app.db)))
                form["version"] = "1"
                form["kind"] = "college"
                let res = try await browser.post("/organizations/\(own)/edit", form)
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Тип организации меняет координатор КМЦ"))
                #expect(try await Organization.find(own, on: app.db)?.kind == "school")
                // Another school's card is not the school administrator's to edit at all.
                var other = OrganizationsController.values(
                    of: try #require(try await Organization.find(net.otherSchool, on: app.db)))
                other["version"] = "1"
                other["shortName"] = "Чужая школа"
                #expect(try await browser.get("/organizations/\(net.otherSchool)/edit").status == .forbidden)
                #expect(try await browser.post("/organizations/\(net.otherSchool)/edit", other).status == .forbidden)
                #expect(try await Organization.find(net.otherSchool, on: app.db)?.shortName == "Школа № 4")
            }
        }

        @Test func aRepeatedPlaceOfWorkIsNoServerError() async throws {
            try await withApp { app in
                let org = try await Self.setUp(app).otherSchool
                var browser = Browser(app)
                #expect(try await browser.login("kmc", password: World.password).status == .seeOther)
                _ = try await browser.get("/staff/new")
                let form =
                    "_csrf=\(browser.csrf)&surname=Повторов&givenName=Пётр&position=учитель&category=none&"
                    + "organizations=\(org)&organizations=\(org)"
                let res = try await browser.send(
                    .POST, "/staff/new", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    raw: form.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
                #expect(res.status == .seeOther)
                let staff = try #require(
                    try await StaffMember.query(on: app.db).filter(\.$surname == "Повторов").first())
                let places = try await StaffOrganization.query(on: app.db).filter(\.$staff.$id == staff.requireID())
                    .all().map(\.$organization.id)
                #expect(places == [org])
            }
        }

        @Test func parallelGuessesCannotOutrunTheThrottle() async throws {
            try await withLiveApp { app, port in
                _ = try await Self.setUp(app)
                app.setkaConfig.loginThrottle.maxDelay = 0.5
                let client = burstClient()
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<30 {
                        group.addTask {
                            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/auth/token")
                            request.method = .POST
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(
                                ByteBuffer(string: "{\"username\":\"admin\",\"password\":\"wrong-guess\"}"))
                            return Int(try await client.execute(request, timeout: .seconds(120)).status.code)
                        }
                    }
                    var all: [Int] = []
                    for try await s in group { all.append(s) }
                    return all
                }
                try await client.shutdown()
                #expect(statuses.filter { $0 == 401 }.count <= 10, "\(statuses)")
                #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 })
            }
        }
    }
}
