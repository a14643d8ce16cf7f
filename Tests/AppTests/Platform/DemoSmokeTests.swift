import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// The demo's one smoke test (every other HTTP test builds its own world): the demo municipality loads whole and
    /// every demo login can use it — signs in, and its start page and every page of its menu answer 200.
    @Suite struct DemoSmokeTests {
        /// The logins of README's table «Demo logins», in its order.
        static func readmeLogins() throws -> [String] {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
            let section = try #require(readme.components(separatedBy: "## Demo logins").dropFirst().first)
            let table = section.components(separatedBy: "\n## ")[0]
            return table.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
                return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
            }
        }

        /// The links of the left menu («Разделы») of a page.
        static func menuLinks(_ html: String) throws -> [String] {
            let start = try #require(html.range(of: "aria-label=\"Разделы\""))
            let end = try #require(html[start.upperBound...].range(of: "</nav>"))
            return html[start.upperBound..<end.lowerBound].components(separatedBy: "href=\"").dropFirst().compactMap {
                $0.split(separator: "\"", maxSplits: 1).first.map(String.init)
            }
        }

        @Test func theDemoLoadsWholeAndEveryLoginCanUseIt() async throws {
            try await withApp(demo: true) { app in
                // The loader's own promises: what README says it loads, and nothing twice.
                #expect(DemoData.logins.map { $0.0 } == (try Self.readmeLogins()))
                #expect(DemoData.users.map { $0.login } == DemoData.logins.map { $0.0 })
                let municipality = try #require(try await Municipality.query(on: app.db).first())
                #expect(municipality.name == DemoData.municipalityName)
                #expect(
                    try await Organization.query(on: app.db).filter(\.$kind == "school").count()
                        == DemoData.organizations.filter { $0.kind == .school }.count)
                #expect(try await ResourceCenter.query(on: app.db).count() == DemoData.centers.count)
                #expect(try await User.query(on: app.db).count() == DemoData.users.count)
                let students = try await Student.query(on: app.db).count()
                #expect(try await DemoData.load(app) == false)
                #expect(try await Municipality.query(on: app.db).count() == 1)
                #expect(try await Student.query(on: app.db).count() == students)

                var anonymous = Browser(app)
                let home = try await anonymous.get("/")
                #expect(home.status == .ok)
                for (center, _, _, _) in DemoData.centers { #expect(home.body.string.contains(center), "\(center)") }

                for (login, role) in DemoData.logins {
                    var browser = Browser(app)
                    _ = try await browser.get("/login")
                    let signIn = try await browser.post("/login", ["username": login, "password": DemoData.password])
                    #expect(signIn.status == .seeOther, "\(login)")
                    let start = try #require(signIn.headers.first(name: .location), "\(login)")
                    let page = try await browser.get(start)
                    #expect(page.status == .ok, "\(login): \(start)")
                    let menu = try Self.menuLinks(page.body.string)
                    #expect(menu.contains("/profile"), "\(login) (\(role)): \(menu)")
                    for path in menu {
                        // «Расписание» sends each role on to its own week or the month: a redirect is followed.
                        var res = try await browser.get(path)
                        var hops = 0
                        while res.status == .seeOther, hops < 3, let next = res.headers.first(name: .location),
                            next.hasPrefix("/"), !next.hasPrefix("/login")
                        {
                            res = try await browser.get(next)
                            hops += 1
                        }
                        #expect(
                            res.status == .ok, "\(login): \(path) answered \(res.status.code) after \(hops) redirects")
                    }
                }
            }
        }
    }
}
