import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Reads whole files into byte arrays for ``CSVReader``.
enum FileBytes {
    /// The bytes of the file at `url`.
    ///
    /// - Throws: ``SalesDataError/missingFile(path:)`` when the file does not exist, otherwise the
    ///   underlying read error.
    static func read(_ url: URL) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else { throw SalesDataError.missingFile(path: url.path) }
        // Read straight into the array: one copy less and half the peak memory of going through `Data`.
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size, let base = buffer.baseAddress {
                let got = systemRead(descriptor, base + count, size - count)
                if got <= 0 {
                    failed = got < 0
                    break
                }
                count += got
            }
        }
        if failed { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        return bytes
    }
}
