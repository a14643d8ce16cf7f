import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import App

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension AppTests {
    @Suite struct DocumentRouteTests {
        /// The text of `word/document.xml` of a DOCX answer, after checking every part parses as XML.
        /// Converts a DOCX to PDF with LibreOffice when it is installed (CI installs it and requires it).
        static func convertsWithLibreOffice(_ data: Data, name: String) throws {
            guard
                let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first(where: {
                    FileManager.default.isExecutableFile(atPath: $0)
                })
            else {
                #expect(
                    ProcessInfo.processInfo.environment["SETKA_REQUIRE_SOFFICE"] != "1",
                    "LibreOffice is required in CI but not installed")
                return
            }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("setka-doc-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try data.write(to: dir.appendingPathComponent(name + ".docx"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments = [
                "--headless", "-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path,
                "--convert-to", "pdf",
                "--outdir", dir.path, dir.appendingPathComponent(name + ".docx").path,
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name): soffice exited \(process.terminationStatus)")
            #expect(
                (try? Data(contentsOf: dir.appendingPathComponent(name + ".pdf")))?.starts(with: Array("%PDF".utf8))
                    == true, "\(name) did not convert")
        }

        static func docxText(_ res: TestingHTTPResponse) throws -> String {
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            let data = Data(buffer: res.body)
            try convertsWithLibreOffice(data, name: "doc-\(UUID().uuidString.prefix(8))")
            let archive = try Archive(data: data, accessMode: .read)
            var text = ""
            for entry in archive {
                var xml = Data()
                _ = try archive.extract(entry) { xml.append($0) }
                #expect(XMLParser(data: xml).parse(), "\(entry.path)")
                if entry.path == "word/document.xml" { text = String(decoding: xml, as: UTF8.self) }
            }
            return text
        }

        @Test func iupAgreementAndContractArePrintableAndDownloadable() async throws {
            try await withApp { app in
                // setup: «Учеников0 Тест» of «Школа № 1» (parent1's child) studies in the centre's group; a child of
                // «Школа № 3» applied there with the guardian's agreement; «Школа № 4» has no network groups.
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .teacher1, .school1])
                let (centerID, schoolID) = (cast.center, cast.school)
                let otherID = try await world.school("Школа № 3")
                let school4 = try await world.school("Школа № 4")
                let program = try await world.program(at: centerID, "Программирование на Python")
                let group = try await world.group(of: program, "Информатика-10")
                let child = try #require(try await world.students(at: schoolID, count: 1).first)
                try await world.enroll([child], in: group)
                try await world.guardian(of: child, "Ученикова Вера Николаевна", account: "parent1")
                let applicant = try #require(try await world.students(at: otherID, count: 1, from: 2).first)
                let campaign = try await world.campaign(programs: [program])
                let applied = try await world.application(in: campaign, for: applicant, choices: [group])
                let application = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$id == applied.id!).with(\.$student).first())
                #expect(application.guardianAgreedAt != nil)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let url = ApplicationsController.url(application.id!)
                let page = try await kmc.get(url + "/iup")
                #expect(page.status == .ok && page.body.string.contains("Индивидуальный учебный план обучающегося"))
                #expect(page.body.string.contains("Скачать DOCX"))
                let iup = try Self.docxText(try await kmc.get(url + "/iup.docx"))
                #expect(iup.contains(application.student.fullName) && iup.contains("Сетевые курсы по приоритету"))
                let agreement = try Self.docxText(try await kmc.get(url + "/agreement.docx"))
                #expect(
                    agreement.contains("Согласие родителя (законного представителя) на обучение по сетевым программам"))

                // The contract of «Школа № 1» with the centre lists its child, and only its own.
                let school = schoolID
                let center = centerID
                var admin = Browser(app)
                _ = try await admin.login("school1", password: World.password)
                let enrollments = try await admin.get("/enrollments").body.string
                #expect(
                    enrollments.contains(
                        "/contracts/\(school.uuidString.lowercased())/\(center.uuidString.lowercased())"))
                let contract = try Self.docxText(
                    try await admin.get(
                        "/contracts/\(school.uuidString.lowercased())/\(center.uuidString.lowercased())/docx"))
                #expect(
                    contract.contains("Договор о сетевой форме реализации образовательных программ")
                        && contract.contains("Учеников0 Тест") && !contract.contains("Учеников2 Тест"))
                // Another school's contract, a teacher, a parent: not found.
                let other = otherID
                #expect(
                    try await admin.get("/contracts/\(other.uuidString.lowercased())/\(center.uuidString.lowercased())")
                        .status == .notFound)
                // Not with itself, and not with a school that teaches no network groups this year.
                for pair in [(school, school), (school, school4)] {
                    let response = try await admin.get(
                        "/contracts/\(pair.0.uuidString.lowercased())/\(pair.1.uuidString.lowercased())")
                    #expect(response.status == .notFound && response.body.string.contains("не ведёт сетевых групп"))
                }
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let ownLinks = try await head.get("/enrollments").body.string
                #expect(
                    !ownLinks.contains("/contracts/\(center.uuidString.lowercased())/\(center.uuidString.lowercased())")
                )
                #expect(
                    ownLinks.contains("/contracts/\(school.uuidString.lowercased())/\(center.uuidString.lowercased())"))
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(
                    try await teacher.get(
                        "/contracts/\(school.uuidString.lowercased())/\(center.uuidString.lowercased())"
                    ).status == .notFound)
                var parent = Browser(app)
                _ = try await parent.login("parent1", password: World.password)
                // parent1's own child has no application: another child's ИУП is not found.
                #expect(try await parent.get(url + "/iup.docx").status == .notFound)
            }
        }
    }
}
