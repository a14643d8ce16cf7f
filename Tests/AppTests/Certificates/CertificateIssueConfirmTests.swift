import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.CertificateTests {
    /// The field of the confirmation's form without which a bulk issue issues nothing.
    static let confirm = ["confirm": "yes"]

    @Test func theIssueConfirmationNamesWhoGetsANumberAndWhoDoesNotAndIssuesOnlyWhenConfirmed() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let group = setup.group
            let names = try await Student.query(on: app.db).filter(\.$id ~~ setup.students).all().reduce(
                into: [UUID: String]()
            ) { $0[try $1.requireID()] = $1.fullName }
            var head = Browser(app)
            _ = try await head.login("centre1", password: World.password)
            // The group's page leads to the confirmation, not straight to the issue.
            let groupPage = try await head.get(Self.path(group) + "/certificates").body.string
            #expect(groupPage.contains("href=\"\(Self.path(group))/certificates/issue\""))
            // act
            let page = try await head.get(Self.path(group) + "/certificates/issue")
            // check
            #expect(page.status == .ok)
            let body = page.body.string
            let parts = body.components(separatedBy: "Не получат: 3")
            try #require(parts.count == 2)
            #expect(parts[0].contains("Получат номер сертификата: 3"))
            for student in setup.eligible {
                #expect(parts[0].contains(try #require(names[student])))
                #expect(!parts[1].contains(try #require(names[student])))
            }
            for student in setup.students.dropFirst(3) { #expect(parts[1].contains(try #require(names[student]))) }
            #expect(parts[1].contains("посещаемость 50 % — меньше 75 %"))
            #expect(parts[1].contains("аттестация не пройдена") && parts[1].contains("нет итогов аттестации"))
            #expect(parts[1].contains("name=\"confirm\" value=\"yes\"") && parts[1].contains("Выдать 3 сертификата"))
            #expect(try await Certificate.query(on: app.db).filter(\.$group.$id == group.id!).count() == 0)
            // A POST without the confirmation issues nothing and shows the confirmation.
            let unconfirmed = try await head.post(Self.path(group) + "/certificates")
            #expect(unconfirmed.status == .seeOther)
            #expect(unconfirmed.headers.first(name: .location) == Self.path(group) + "/certificates/issue")
            #expect(try await Certificate.query(on: app.db).filter(\.$group.$id == group.id!).count() == 0)
            // Confirmed, the three get their numbers; asked again, nobody is left and the holders say why.
            _ = try await head.get(Self.path(group) + "/certificates/issue")
            #expect(try await head.post(Self.path(group) + "/certificates", Self.confirm).status == .seeOther)
            let certs = try await Certificate.query(on: app.db).filter(\.$group.$id == group.id!).all()
            #expect(Set(certs.map { $0.$student.id }) == Set(setup.eligible))
            let again = try await head.get(Self.path(group) + "/certificates/issue").body.string
            #expect(again.contains("Выдавать некому.") && !again.contains("name=\"confirm\""))
            for cert in certs { #expect(again.contains("уже выдан сертификат № \(cert.number)")) }
            // Who may not issue gets no confirmation.
            var teacher = Browser(app)
            _ = try await teacher.login("teacher1", password: World.password)
            #expect(try await teacher.get(Self.path(group) + "/certificates/issue").status == .forbidden)
        }
    }

    @Test func aFinishedPastYearGroupWaitingForCertificatesStaysOnTheIssuersGroups() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            var head = Browser(app)
            _ = try await head.login("centre1", password: World.password)
            // act
            let before = try await head.get("/groups").body.string
            // check
            #expect(before.contains(">Математика-11</a>") && before.contains("завершена, ждёт выдачи сертификатов"))
            // Issued, the group leaves the current year's list (and stays under its own year, unmarked).
            try await setup.world.issueCertificates(setup.group)
            let after = try await head.get("/groups").body.string
            #expect(!after.contains("Математика-11") && !after.contains("ждёт выдачи сертификатов"))
            let pastYear = try #require(try await setup.group.$academicYear.get(on: app.db).id)
            let own = try await head.get("/groups?year=\(pastYear.uuidString.lowercased())").body.string
            #expect(own.contains(">Математика-11</a>") && !own.contains("ждёт выдачи сертификатов"))
        }
    }
}
