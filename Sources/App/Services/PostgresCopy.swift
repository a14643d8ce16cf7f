import Vapor
import Fluent
import FluentPostgresDriver
import NIOCore
import Domain

/// Bulk rows into PostgreSQL with `COPY … FROM STDIN` (text format) on the transaction's own connection (issue 3's
/// benchmark: 100 000 students as 800-row INSERTs spent most of their time binding values one by one). The values are
/// the same `DBValue`s the INSERT path writes; COPY checks every constraint and index as an INSERT does, and a bad row
/// fails the whole statement, so the transaction around it keeps its all-or-nothing.
enum PostgresCopy {
    /// Writes the rows; `db` must be PostgreSQL.
    static func rows(into table: String, columns: [String], count: Int, on db: any Database, _ values: (Int) -> [DBValue]) async throws {
        guard let pg = db as? any PostgresDatabase else { throw Abort(.internalServerError, reason: "COPY needs PostgreSQL") }
        guard count > 0 else { return }
        var chunks: [ByteBuffer] = []
        var buffer = ByteBuffer()
        for i in 0 ..< count {
            for (n, value) in values(i).enumerated() {
                if n > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                write(value, to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
            if buffer.readableBytes > 1 << 20 { chunks.append(buffer); buffer = ByteBuffer() }
        }
        if buffer.readableBytes > 0 { chunks.append(buffer) }
        let parts = chunks
        try await pg.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                try await conn.copyFrom(table: table, columns: columns, logger: conn.logger) { writer in
                    for part in parts { try await writer.write(part) }
                }
            }
        }.get()
    }

    /// One value as COPY's text format reads it: `\N` for NULL, backslash escapes in text, timestamps in UTC.
    static func write(_ value: DBValue, to b: inout ByteBuffer) {
        switch value {
        case .uuid(let u): b.writeString(u.uuidString)
        case .int(let n): b.writeString(String(n))
        case .bool(let f): b.writeInteger(UInt8(ascii: f ? "t" : "f"))
        case .text(nil), .date(nil): b.writeString("\\N")
        case .text(let t?): escape(t, to: &b)
        case .date(let d?): b.writeString(timestamp(d))
        }
    }

    static func escape(_ t: String, to b: inout ByteBuffer) {
        for byte in t.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): b.writeString("\\\\")
            case 0x09: b.writeString("\\t")
            case 0x0A: b.writeString("\\n")
            case 0x0D: b.writeString("\\r")
            default: b.writeInteger(byte)
            }
        }
    }

    /// «2010-03-14 21:00:00.000000+00»: microseconds, as timestamptz keeps them.
    static func timestamp(_ d: Date) -> String {
        let micros = Int((d.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (y, m, day) = RuDate.date(days: days)
        func pad(_ n: Int, _ width: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, width - s.count)) + s }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(day, 2) + " " + pad(inDay / 3600, 2) + ":" + pad(inDay / 60 % 60, 2) + ":"
            + pad(inDay % 60, 2) + "." + pad(fraction, 6) + "+00"
    }
}
