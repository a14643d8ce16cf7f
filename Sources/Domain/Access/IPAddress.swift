import Foundation

/// An IPv4 or IPv6 address as its bytes (4 or 16), read without the C library. An IPv4-mapped IPv6 address
/// (`::ffff:192.0.2.7`) is the IPv4 address it carries, so a proxy list names each client once.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// Reads `192.0.2.7`, `2001:db8::1`, `[2001:db8::1]` or `fe80::1%eth0` (the zone is dropped); nil for anything else.
    public init?(_ text: String) {
        var address = Substring(text.trimmingCharacters(in: .whitespaces))
        if address.hasPrefix("["), address.hasSuffix("]") { address = address.dropFirst().dropLast() }
        if let zone = address.firstIndex(of: "%") { address = address[..<zone] }
        if let v4 = Self.readV4(address) {
            bytes = v4
        } else if let v6 = Self.readV6(address) {
            bytes = v6.prefix(12).elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) ? Array(v6.suffix(4)) : v6
        } else {
            return nil
        }
    }

    public var isV4: Bool { bytes.count == 4 }

    /// The usual text: dotted IPv4, or IPv6 in lower case with the longest run of zero groups written `::`.
    public var description: String {
        if isV4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = (0..<8).map { Int(bytes[2 * $0]) << 8 | Int(bytes[2 * $0 + 1]) }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > best.length { best = (index, end - index) }
            index = end == index ? index + 1 : end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }

    /// What throttles count an address by: an IPv4 address itself, an IPv6 address by its /64 network (one
    /// subscriber usually holds a whole /64, so counting single IPv6 addresses would count nothing).
    public var throttleKey: String {
        guard !isV4 else { return description }
        return IPAddress(bytes: Array(bytes.prefix(8)) + Array(repeating: 0, count: 8)).description + "/64"
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func readV4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt8(part)
            else { return nil }
            out.append(n)
        }
        return out
    }

    static func readV6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, v4Tail: Bool) -> [UInt8]? {
            guard !part.isEmpty else { return [] }
            var out: [UInt8] = []
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, item) in items.enumerated() {
                if v4Tail, i == items.count - 1, item.contains(".") {
                    guard let v4 = readV4(item) else { return nil }
                    out += v4
                    continue
                }
                guard (1...4).contains(item.count), item.allSatisfy(\.isHexDigit), let n = UInt16(item, radix: 16)
                else { return nil }
                out += [UInt8(n >> 8), UInt8(n & 0xFF)]
            }
            return out
        }
        if halves.count == 1 {
            guard let all = groups(halves[0], v4Tail: true), all.count == 16 else { return nil }
            return all
        }
        guard let head = groups(halves[0], v4Tail: false), let tail = groups(halves[1], v4Tail: true),
            head.count + tail.count <= 14
        else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}

/// An address or a network in CIDR form (`10.0.0.0/8`, `2001:db8::/32`); a plain address is a network of one.
public struct AddressRange: Sendable, Hashable {
    public let network: IPAddress
    public let prefix: Int

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(String(parts[0])) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let prefix = Int(parts[1]),
                (0...bits).contains(prefix)
            else { return nil }
            self.prefix = prefix
        } else {
            prefix = bits
        }
        network = address
    }

    public func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var left = prefix
        for (a, b) in zip(address.bytes, network.bytes) where left > 0 {
            let mask: UInt8 = left >= 8 ? 0xFF : ~(0xFF >> UInt8(left))
            if a & mask != b & mask { return false }
            left -= 8
        }
        return true
    }
}

/// The reverse proxies whose `X-Forwarded-For` is believed (issue 19); nobody else's is.
public struct TrustedProxies: Sendable, Hashable {
    public var ranges: [AddressRange]

    public init(_ ranges: [AddressRange] = []) { self.ranges = ranges }

    /// Reads a comma-separated list (`127.0.0.1,10.0.0.0/8`): the proxies and the items that are neither an
    /// address nor a network.
    public static func read(_ text: String) -> (proxies: TrustedProxies, bad: [String]) {
        var ranges: [AddressRange] = []
        var bad: [String] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if let range = AddressRange(item) { ranges.append(range) } else { bad.append(item) }
        }
        return (TrustedProxies(ranges), bad)
    }

    public func contains(_ address: IPAddress) -> Bool { ranges.contains { $0.contains(address) } }

    /// The client's address: the peer's, unless the peer is a trusted proxy — then the right-most address of
    /// `X-Forwarded-For` (every header line, in order) that is not a trusted proxy itself, since everything left of
    /// what our own proxies appended was written by the client and may be made up. Nil without a peer address.
    public func client(peer: String?, forwardedFor: [String]) -> IPAddress? {
        guard let peer = peer.flatMap(IPAddress.init) else { return nil }
        guard contains(peer) else { return peer }
        var client = peer
        let chain = forwardedFor.flatMap { $0.split(separator: ",").map(String.init) }
        for hop in chain.reversed() {
            guard let address = IPAddress(hop) else { break }
            client = address
            if !contains(address) { break }
        }
        return client
    }
}
