import Domain
import Fluent
import Vapor
import Views

/// Undoing a committed import: the confirmation page and the revert itself.
extension StudentImportController {
    func revertConfirm(req: Request) async throws -> Response {
        let batch = try await find(req)
        guard batch.state == StudentImportBatch.State.committed.rawValue else {
            return req.redirect(to: Self.url(try batch.requireID()), redirectType: .normal)
        }
        let url = Self.url(try batch.requireID())
        let page = StudentImportWords.revertConfirm(
            url: url, fileName: batch.fileName, created: batch.createdCount, merged: batch.mergedCount)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func revert(req: Request) async throws -> Response {
        let batch = try await find(req)
        do {
            try await StudentImportService.revert(batchID: try batch.requireID(), req: req)
            return req.redirect(to: Self.url(try batch.requireID()), flash: StudentImportWords.reverted)
        } catch let error as AppError where error.status == .conflict {
            return try await renderBatch(req, batch: batch, analysis: nil, problem: error.reason, status: .conflict)
        }
    }
}
