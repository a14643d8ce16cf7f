import Vapor

extension HTTPMediaType {
    /// An Office Open XML workbook (XLSX).
    static let xlsx = HTTPMediaType(
        type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    /// An Office Open XML document (DOCX).
    static let docx = HTTPMediaType(
        type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
}

extension Response {
    /// A file the browser saves under `name` (an attachment).
    static func download(_ data: Data, name: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// A DOCX document the browser saves under `name`.
    static func docx(_ data: Data, name: String) -> Response { download(data, name: name, type: .docx) }
}
