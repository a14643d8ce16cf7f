import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.CertificateTests {
    @Test func thePrintedCertificateAgreesWithTheStudentAndNamesTheCentreAsAnOfficialWould() async throws {
        try await withApp { app in
            // setup: a girl, a boy and a child whose sex the registry does not know; the centre has a full name of
            // the kind a sentence cannot take in the nominative
            let setup = try await Self.setUp(app)
            let sexes: [String?] = ["female", "male", nil]
            for (id, sex) in zip(setup.eligible, sexes) {
                let student = try #require(try await Student.find(id, on: app.db))
                student.sex = sex
                try await student.save(on: app.db)
            }
            let center = try #require(try await Organization.find(setup.center, on: app.db))
            center.fullName = "Муниципальное бюджетное общеобразовательное учреждение «Школа-центр № 2»"
            center.shortName = "МБОУ «Школа-центр № 2»"
            try await center.save(on: app.db)
            var head = Browser(app)
            _ = try await head.login("centre1", password: World.password)
            _ = try await head.get(Self.path(setup.group) + "/certificates")
            #expect(try await head.post(Self.path(setup.group) + "/certificates", Self.confirm).status == .seeOther)
            // act
            var printed: [String] = []
            for id in setup.eligible {
                let certificate = try await Self.certificate(app, of: id, in: setup.group)
                printed.append(
                    try await head.get("/certificates/\(certificate.id!.uuidString.lowercased())/print").body.string)
            }
            // check
            #expect(printed[0].contains("прослушала курс"))
            #expect(!printed[0].contains("прослушал(а)"))
            #expect(printed[1].contains("прослушал курс"))
            #expect(printed[2].contains("прослушал(а) курс"))
            #expect(printed.allSatisfy { $0.contains("в ресурсном центре МБОУ «Школа-центр № 2»,") })
            #expect(printed.allSatisfy { !$0.contains("в ресурсном центре Муниципальное") })
            // The group's print job agrees with each student too.
            let group = try await head.get(Self.path(setup.group) + "/certificates/print").body.string
            #expect(group.contains("прослушала курс") && group.contains("прослушал курс"))
        }
    }
}
