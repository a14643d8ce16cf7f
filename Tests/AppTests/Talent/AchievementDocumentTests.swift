import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 2: an achievement's scan — checked by content and size, served as an attachment under Setka's
    /// name, replaced and removed by the school, audited, unreachable for other schools.
    @Suite struct AchievementDocumentTests {
        @Test func theSchoolUploadsAScanThatOthersCannotReach() async throws {
            try await withApp { app in
                let s = try await AchievementTests.setUp(app)
                let record = try await s.world.achievement(of: s.own[0], in: s.stage, subject: s.physics)
                let id = try record.requireID()
                let path = AchievementDocumentPage.path(id)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/achievements/\(id)").body.string.contains(path + "/new"))
                // A file that is not a scan, whatever its name says, and an empty one: refused, nothing kept.
                _ = try await school.get(path + "/new")
                let fake = try await school.upload(path, [:], file: ("диплом.pdf", Data("<html>".utf8)))
                #expect(fake.status == .unprocessableEntity)
                #expect(fake.body.string.contains("не похоже ни на один из них"))
                let big = Data("%PDF-".utf8) + Data(count: DocumentScan.maxBytes)
                _ = try await school.get(path + "/new")
                #expect(try await school.upload(path, [:], file: ("big.pdf", big)).status == .unprocessableEntity)
                #expect(try await AchievementDocument.query(on: app.db).count() == 0)
                // A PNG under a name with a Windows path: kept, shown by its cleaned name, served as an attachment.
                let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
                _ = try await school.get(path + "/new")
                let saved = try await school.upload(path, [:], file: ("C:\\Сканы\\скан1.png", png))
                #expect(saved.status == .seeOther)
                let card = try await school.get("/achievements/\(id)").body.string
                #expect(card.contains("скан1.png, 1 КБ"))
                let file = try await school.get(path)
                #expect(file.status == .ok)
                #expect(file.headers.contentType?.description == "image/png")
                #expect(
                    file.headers.first(name: .contentDisposition)
                        == "attachment; filename=\"dostizhenie-\(id.uuidString.prefix(8).lowercased()).png\"")
                #expect(file.body.readableBytes == png.count)
                // Another school sees nothing of it; the КМЦ reads it (the student consented) but cannot remove it.
                var other = Browser(app)
                _ = try await other.login("school3", password: World.password)
                #expect(try await other.get(path).status == .forbidden)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get(path).status == .ok)
                #expect(try await kmc.get(path + "/delete").status == .forbidden)
                // Removal is confirmed first, then audited with the upload.
                #expect(try await school.get(path + "/delete").body.string.contains("Удалить скан «скан1.png»?"))
                #expect(try await school.post(path + "/delete").status == .seeOther)
                #expect(try await AchievementDocument.query(on: app.db).count() == 0)
                #expect(try await school.get(path).status == .notFound)
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityID == id)
                    .filter(\.$action == "update").count()
                #expect(audited == 2)
            }
        }
    }
}
