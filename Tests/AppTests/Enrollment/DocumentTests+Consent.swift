import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.DocumentRouteTests {
    @Test func theGuardiansAgreementSaysWhoTheyAreOnceAndAgreesWithTheChild() async throws {
        try await withApp { app in
            // setup: a girl of «МБОУ «Школа № 1»» with her mother in the registry, who agreed to the ИУП
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .centre1, .school1])
            let school = try #require(try await Organization.find(cast.school, on: app.db))
            school.fullName = "Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»"
            school.shortName = "МБОУ «Школа № 1»"
            try await school.save(on: app.db)
            let program = try await world.program(at: cast.center, "Программирование на Python")
            let group = try await world.group(of: program, "Информатика-10")
            let girlID = try #require(try await world.students(at: cast.school, count: 1).first)
            let girl = try #require(try await Student.find(girlID, on: app.db))
            girl.sex = Sex.female.rawValue
            try await girl.save(on: app.db)
            try await world.guardian(of: girlID, "Ученикова Вера Николаевна")
            let campaign = try await world.campaign(programs: [program])
            let application = try await world.application(in: campaign, for: girlID, choices: [group])
            var kmc = Browser(app)
            _ = try await kmc.login("kmc", password: World.password)
            // act
            let page = try await kmc.get(ApplicationsController.url(application.id!) + "/agreement").body.string
            // check
            #expect(
                page.contains(
                    "Я, Ученикова Вера Николаевна, являясь родителем (законным представителем) несовершеннолетней "
                        + "обучающейся — \(girl.fullName), "))
            #expect(
                page.contains("ученицы \(girl.grade)\(girl.letter ?? "") класса МБОУ «Школа № 1», даю согласие на её"))
            #expect(!page.contains("Я, родитель"))
            #expect(!page.contains("Муниципальное бюджетное"))
        }
    }
}
