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

        @Test func aFilesFolderThatCannotBeMadeStopsTheStart() throws {
            let blocker = FileManager.default.temporaryDirectory.appendingPathComponent(
                "setka-blocker-\(UUID().uuidString)")
            try Data("x".utf8).write(to: blocker)
            defer { try? FileManager.default.removeItem(at: blocker) }
            do {
                _ = try AppConfig.fromEnvironment(["SETKA_FILES_DIR": blocker.appendingPathComponent("scans").path])
                Issue.record("a folder under a file was accepted")
            } catch let error as ConfigError {
                #expect(error.problems.first?.hasPrefix("SETKA_FILES_DIR: не удалось создать папку") == true)
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setka-ok-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(try AppConfig.fromEnvironment(["SETKA_FILES_DIR": folder.path]).filesDirectory == folder.path)
        }

        @Test func withAFilesFolderTheScanIsAFileNamedBySetka() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "setka-files-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(FileStore.prepare(folder.path) == nil)
            try await withApp(filesDirectory: folder.path) { app in
                let s = try await AchievementTests.setUp(app)
                let record = try await s.world.achievement(of: s.own[0], in: s.stage, subject: s.physics)
                let id = try record.requireID()
                let path = AchievementDocumentPage.path(id)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let first = Data("%PDF-1.4\nпервый\n%%EOF\n".utf8)
                _ = try await school.get(path + "/new")
                #expect(try await school.upload(path, [:], file: ("../../etc/passwd.pdf", first)).status == .seeOther)
                let row = try #require(try await AchievementDocument.query(on: app.db).first())
                #expect(row.storage == AchievementDocument.inFolder && row.content.isEmpty)
                let file = folder.appendingPathComponent(AchievementDocument.folderKind)
                    .appendingPathComponent(try row.requireID().uuidString.lowercased())
                #expect(try Data(contentsOf: file) == first)
                #expect(Data(buffer: try await school.get(path).body) == first)
                // Replaced: the new file is served, the old one is gone.
                let second = Data("%PDF-1.4\nвторой\n%%EOF\n".utf8)
                _ = try await school.get(path + "/new")
                #expect(try await school.upload(path, [:], file: ("скан.pdf", second)).status == .seeOther)
                #expect(!FileManager.default.fileExists(atPath: file.path))
                #expect(Data(buffer: try await school.get(path).body) == second)
                // A file lost from the folder is reported, not served empty.
                let current = try #require(try await AchievementDocument.query(on: app.db).first())
                let kept = folder.appendingPathComponent(AchievementDocument.folderKind)
                    .appendingPathComponent(try current.requireID().uuidString.lowercased())
                try FileManager.default.removeItem(at: kept)
                #expect(try await school.get(path).status == .notFound)
                try second.write(to: kept)
                // Removed: the row and the file.
                _ = try await school.get(path + "/delete")
                #expect(try await school.post(path + "/delete").status == .seeOther)
                #expect(!FileManager.default.fileExists(atPath: kept.path))
                #expect(try await AchievementDocument.query(on: app.db).count() == 0)
            }
        }
    }
}
