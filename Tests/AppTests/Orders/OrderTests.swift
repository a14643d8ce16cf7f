import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct OrderTests {
        @Test func everyKindOfOrderIsDraftedFromDataAndIsAValidDocument() async throws {
            try await withApp { app in
                var admin = Browser(app)
                _ = try await admin.login("admin")
                let years = try await AcademicYear.query(on: app.db).sort(\.$startsOn).all()
                let last = try #require(years.first)
                let current = try #require(years.last)
                for kind in OrderKind.allCases {
                    let year = [.attestation, .certificates].contains(kind) ? last : current
                    _ = try await admin.get("/orders/new")
                    let made = try await admin.post(
                        "/orders/new", ["kind": kind.rawValue, "year": year.id!.uuidString.lowercased()])
                    #expect(made.status == .seeOther, "\(kind)")
                    let url = try #require(made.headers.first(name: .location))
                    let page = try await admin.get(url + "/document")
                    #expect(page.status == .ok && page.body.string.contains("ПРИКАЗ"))
                    let text = try DocumentRouteTests.docxText(try await admin.get(url + "/docx"))
                    #expect(text.contains(kind.title(year: year.title).prefix(30)), "\(kind)")
                }
                // The data shows through: the organisation order lists the centres and groups, the certificates order
                // the numbers.
                let org = try #require(
                    try await Order.query(on: app.db).filter(\.$kind == "organization").filter(\.$createdBy != "демо")
                        .first())
                #expect(org.document.contains("Математика-10") && org.document.contains("МБОУ «Гимназия № 2»"))
                let certs = try #require(
                    try await Order.query(on: app.db).filter(\.$kind == "certificates").filter(\.$createdBy != "демо")
                        .first())
                let number = try #require(try await Certificate.query(on: app.db).filter(\.$status == "valid").first())
                    .number
                #expect(certs.document.contains(number))
                let schedule = try #require(
                    try await Order.query(on: app.db).filter(\.$kind == "schedule").filter(\.$createdBy != "демо")
                        .first())
                #expect(schedule.document.contains("понедельник") && schedule.document.contains("15:00–16:40"))
            }
        }

        @Test func supportNamesTheChosenTeachersAndASignedOrderNeverChanges() async throws {
            try await withApp { app in
                var admin = Browser(app)
                _ = try await admin.login("admin")
                let current = try #require(
                    try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).first())
                _ = try await admin.get("/orders/new")
                let url = try #require(
                    try await admin.post(
                        "/orders/new", ["kind": "support", "year": current.id!.uuidString.lowercased()]
                    ).headers.first(name: .location))
                let o = try #require(try await Order.query(on: app.db).filter(\.$kind == "support").first())
                let orlov = try #require(try await StaffMember.query(on: app.db).filter(\.$surname == "Орлов").first())
                let edit = try await admin.get(url + "/edit")
                #expect(edit.body.string.contains("Орлов Денис Андреевич — МБОУ «Гимназия № 2»"))
                #expect(edit.body.string.contains("проведено"))
                // A stranger's id is refused next to the field.
                let bad = try await admin.post(
                    url + "/edit", ["recipients": UUID().uuidString, "version": String(o.version)])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Выберите педагогов из списка"))
                #expect(
                    try await admin.post(
                        url + "/edit", ["recipients": orlov.id!.uuidString.lowercased(), "version": String(o.version)]
                    ).status == .seeOther)
                #expect(try #require(try await Order.find(o.id, on: app.db)).document.contains("Орлов Денис Андреевич"))
                // Signing needs a number and a date.
                _ = try await admin.get(url + "/sign")
                let v = try #require(try await Order.find(o.id, on: app.db)).version
                let noNumber = try await admin.post(url + "/sign", ["number": "", "day": "", "version": String(v)])
                #expect(noNumber.status == .unprocessableEntity && noNumber.body.string.contains("укажите его номер"))
                let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!)
                #expect(
                    try await admin.post(
                        url + "/sign", ["number": "245-о", "day": today.formatted, "version": String(v)]
                    ).status == .seeOther)
                let signed = try #require(try await Order.find(o.id, on: app.db))
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
                let after = try #require(try await Order.find(o.id, on: app.db))
                #expect(after.document == signed.document && after.docx == signed.docx && after.number == "245-о")
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "order").filter(\.$entityID == o.id!)
                        .count() >= 3)
            }
        }

        @Test func onlyTheAuthoritySignsAndOthersSeeNothing() async throws {
            try await withApp { app in
                let draft = try #require(try await Order.query(on: app.db).filter(\.$status == "draft").first())
                let url = "/orders/\(draft.id!.uuidString.lowercased())"
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                #expect(try await kmc.get(url).status == .ok)
                #expect(try await kmc.get(url + "/sign").status == .forbidden)
                _ = try await kmc.get(url)
                #expect(
                    try await kmc.post(
                        url + "/sign", ["number": "1", "day": "01.09.2026", "version": String(draft.version)]
                    ).status == .forbidden)
                for user in ["school1", "centre1", "teacher1", "parent1"] {
                    var b = Browser(app)
                    _ = try await b.login(user)
                    #expect(try await b.get("/orders").status == .forbidden, "\(user)")
                    #expect(try await b.get(url + "/docx").status == .forbidden, "\(user)")
                }
                let token = try await apiToken(app, "metod")
                var api = Browser(app)
                let list = try await api.send(.GET, "/api/v1/orders", headers: ["Authorization": "Bearer \(token)"])
                #expect(list.status == .ok && list.body.string.contains(draft.id!.uuidString))
                let school = try await apiToken(app, "school1")
                #expect(
                    try await api.send(
                        .GET, "/api/v1/orders/\(draft.id!.uuidString)", headers: ["Authorization": "Bearer \(school)"]
                    ).status == .forbidden)
                #expect(
                    try await api.send(.GET, "/api/v1/orders?year=zzz", headers: ["Authorization": "Bearer \(token)"])
                        .status == .badRequest)
                // The methodologist reads the orders, but not an appendix naming students (results, certificates).
                var metod = Browser(app)
                _ = try await metod.login("metod")
                var admin = Browser(app)
                _ = try await admin.login("admin")
                let last = try #require(try await AcademicYear.query(on: app.db).sort(\.$startsOn).first())
                for kind in OrderKind.allCases {
                    _ = try await admin.get("/orders/new")
                    let made = try await admin.post(
                        "/orders/new", ["kind": kind.rawValue, "year": last.id!.uuidString.lowercased()])
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
                var admin = Browser(app)
                _ = try await admin.login("admin")
                let list = try await admin.get("/orders").body.string
                #expect(list.contains("href=\"/orders/new\"") && list.contains("action=\"/orders\""))
                #expect(!list.contains("href=\"/groups/new\""))
                let last = try #require(try await AcademicYear.query(on: app.db).sort(\.$startsOn).first())
                _ = try await admin.get("/orders/new")
                let url = try #require(
                    try await admin.post(
                        "/orders/new", ["kind": "certificates", "year": last.id!.uuidString.lowercased()]
                    ).headers.first(name: .location))
                let draft = try #require(
                    try await Order.query(on: app.db).filter(\.$kind == "certificates").filter(\.$createdBy != "демо")
                        .first())
                // A certificate is annulled after the draft was read: the signed order is the draft that was reviewed.
                let cert = try #require(try await Certificate.query(on: app.db).filter(\.$status == "valid").first())
                #expect(draft.document.contains(cert.number))
                try await CertificateService.annul(
                    cert.id!, reason: "проверка", req: Request(application: app, on: app.eventLoopGroup.next()))
                _ = try await admin.get(url + "/sign")
                // The number of the demo's signed order of that year is taken.
                let demo = try #require(try await Order.query(on: app.db).filter(\.$status == "signed").first())
                let taken = try await admin.post(
                    url + "/sign",
                    [
                        "number": demo.number!, "day": CivilDay(number: demo.orderDay!).formatted,
                        "version": String(draft.version),
                    ])
                #expect(
                    taken.status == .unprocessableEntity
                        && taken.body.string.contains("уже подписан приказ № \(demo.number!)"))
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
