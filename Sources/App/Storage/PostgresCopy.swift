import Domain
import Fluent
import FluentPostgresDriver
import NIOCore
import Vapor

/// Bulk rows into PostgreSQL with `COPY … FROM STDIN` (text format) on the transaction's own connection (issue 3's
/// benchmark: 100 000 students as 800-row INSERTs spent most of their time binding values one by one). The values are
/// the same `DBValue`s the INSERT path writes; COPY checks every constraint and index as an INSERT does, and a bad row
/// fails the whole statement, so the transaction around it keeps its all-or-nothing.
enum PostgresCopy {
    /// Writes the rows; `db` must be PostgreSQL. The text is built a megabyte at a time while PostgreSQL reads the
    /// previous one (the two cores overlap: building 100 000 students' text costs about as much as half their COPY).
    static func rows(
        into table: String, columns: [String], count: Int, on db: any Database,
        _ values: @escaping @Sendable (Int) -> [DBValue]
    ) async throws {
        guard let pg = db as? any PostgresDatabase else {
            throw Abort(.internalServerError, reason: "COPY needs PostgreSQL")
        }
        guard count > 0 else { return }
        try await pg.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                try await conn.copyFrom(table: table, columns: columns, logger: conn.logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20 + 4096)
                    for i in 0..<count {
                        for (n, value) in values(i).enumerated() {
                            if n > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                            write(value, to: &buffer)
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer = ByteBuffer()
                            buffer.reserveCapacity(1 << 20 + 4096)
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// One value as COPY's text format reads it: `\N` for NULL, backslash escapes in text, timestamps in UTC.
    static func write(_ value: DBValue, to b: inout ByteBuffer) {
        switch value {
        case .uuid(let u): writeUUID(u, to: &b)
        case .int(let n): writeDecimal(n, to: &b)
        case .bool(let f): b.writeInteger(UInt8(ascii: f ? "t" : "f"))
        case .text(nil), .date(nil): b.writeStaticString("\\N")
        case .text(let t?): escape(t, to: &b)
        case .date(let d?): writeTimestamp(d, to: &b)
        }
    }

    static func escape(_ t: String, to b: inout ByteBuffer) {
        var t = t
        t.withUTF8 { bytes in
            // Most text needs no escape: copied in one piece.
            guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                b.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): b.writeStaticString("\\\\")
                case 0x09: b.writeStaticString("\\t")
                case 0x0A: b.writeStaticString("\\n")
                case 0x0D: b.writeStaticString("\\r")
                default: b.writeInteger(byte)
                }
            }
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// 8-4-4-4-12 lower-case hex digits, as PostgreSQL reads a uuid, without a `String` in between.
    static func writeUUID(_ u: UUID, to b: inout ByteBuffer) {
        withUnsafeBytes(of: u.uuid) { raw in
            for (i, byte) in raw.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { b.writeInteger(UInt8(ascii: "-")) }
                b.writeInteger(hex[Int(byte >> 4)])
                b.writeInteger(hex[Int(byte & 0x0F)])
            }
        }
    }

    static func writeDecimal(_ n: Int, to b: inout ByteBuffer) {
        guard n >= 0, n < 10 else {
            b.writeString(String(n))
            return
        }
        b.writeInteger(UInt8(ascii: "0") + UInt8(n))
    }

    /// The number with at least `width` digits, leading zeros (non-negative numbers only).
    static func writePadded(_ n: Int, width: Int, to b: inout ByteBuffer) {
        var digits: [UInt8] = []
        var k = n
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(k % 10))
            k /= 10
        } while k > 0
        if digits.count < width { for _ in digits.count..<width { b.writeInteger(UInt8(ascii: "0")) } }
        for d in digits.reversed() { b.writeInteger(d) }
    }

    static func writeTimestamp(_ d: Date, to b: inout ByteBuffer) {
        let micros = Int((d.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (y, m, day) = RuDate.date(days: days)
        writePadded(y, width: 4, to: &b)
        b.writeInteger(UInt8(ascii: "-"))
        writePadded(m, width: 2, to: &b)
        b.writeInteger(UInt8(ascii: "-"))
        writePadded(day, width: 2, to: &b)
        b.writeInteger(UInt8(ascii: " "))
        writePadded(inDay / 3600, width: 2, to: &b)
        b.writeInteger(UInt8(ascii: ":"))
        writePadded(inDay / 60 % 60, width: 2, to: &b)
        b.writeInteger(UInt8(ascii: ":"))
        writePadded(inDay % 60, width: 2, to: &b)
        b.writeInteger(UInt8(ascii: "."))
        writePadded(fraction, width: 6, to: &b)
        b.writeStaticString("+00")
    }

    /// «2010-03-14 21:00:00.000000+00»: microseconds, as timestamptz keeps them.
    static func timestamp(_ d: Date) -> String {
        var b = ByteBuffer()
        writeTimestamp(d, to: &b)
        return String(buffer: b)
    }
}
