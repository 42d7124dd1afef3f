import Crypto
import Foundation

extension FileDigest {
    /// Reads a file and digests its bytes.
    ///
    /// - Parameters:
    ///   - url: the file to read.
    ///   - path: the name recorded in ``path`` (as the plan names it, or relative to the output folder).
    /// - Throws: the read error when the file cannot be read.
    public init(contentsOf url: URL, recordedAs path: String) throws {
        let data = try Data(contentsOf: url)
        self.init(path: path, sha256: SHA256Digest.hex(of: data), bytes: Int64(data.count))
    }
}

/// SHA-256 in lowercase hex, the one content hash of run records and the step cache.
public enum SHA256Digest {
    /// The digest of `bytes` as 64 lowercase hex characters.
    public static func hex<Bytes: DataProtocol>(of bytes: Bytes) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hex(of text: String) -> String {
        hex(of: Data(text.utf8))
    }
}
