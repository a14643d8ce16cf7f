import Domain
import Fluent
import Vapor
import Views

/// Undoing a committed import: the confirmation page and the revert itself.
extension StudentImportController {
    func revertConfirm(req: Request) async throws -> Response {
        let b = try await find(req)
        guard b.state == StudentImportBatch.State.committed.rawValue else {
            return req.redirect(to: Self.url(try b.requireID()), redirectType: .normal)
        }
        let url = Self.url(try b.requireID())
        let page = StudentImportWords.revertConfirm(
            url: url, fileName: b.fileName, created: b.createdCount, merged: b.mergedCount)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func revert(req: Request) async throws -> Response {
        let b = try await find(req)
        do {
            try await StudentImportService.revert(batchID: try b.requireID(), req: req)
            return req.redirect(to: Self.url(try b.requireID()), flash: StudentImportWords.reverted)
        } catch let e as AppError where e.status == .conflict {
            return try await renderBatch(req, batch: b, analysis: nil, problem: e.reason, status: .conflict)
        }
    }
}
