using System.Buffers.Binary;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Mail;

namespace ClassScan.Extraction.Cfb;

/// <summary>
/// Handles OLE2 compound files (D0 CF 11 E0). It tells a password-protected OOXML package
/// (an <c>EncryptionInfo</c> + <c>EncryptedPackage</c> container, whatever its extension) and encrypted legacy
/// Office files (<see cref="ExtractionResult.Encrypted"/>) from unencrypted legacy .doc/.ppt
/// (<see cref="ExtractionResult.Unsupported"/>), so an encrypted file is never reported as "no findings".
/// An unencrypted legacy Excel workbook (.xls, BIFF8 or BIFF5) is read by <see cref="XlsWorkbookReader"/>; Outlook
/// messages (.msg) by <see cref="MsgReader"/>, their attachments with the selector.
/// Stateless and thread-safe.
/// </summary>
internal sealed class CfbExtractor : ITextExtractor
{
    /// <summary>Reads an Outlook message's attachments with <see cref="ExtractorSelector.Default"/>.</summary>
    public static CfbExtractor Instance { get; } = new(null);

    private readonly IExtractorSelector? attachments;

    /// <param name="attachments">Chooses the readers of an Outlook message's attachments; null: <see cref="ExtractorSelector.Default"/>.</param>
    public CfbExtractor(IExtractorSelector? attachments)
    {
        this.attachments = attachments;
    }

    public string Name => "cfb";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Classify(content.Stream, limits, ct));

    private ExtractionResult Classify(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        InputGuard.CheckSize(content, limits);
        var file = CompoundFile.Open(content, ct);

        // An Outlook message first: its attachments are storages inside it, whose streams (an encrypted workbook's
        // EncryptionInfo, an embedded document's WordDocument) must not pass for the message's own.
        if (MsgReader.IsMessage(file)) return new MsgReader(attachments ?? ExtractorSelector.Default).Read(file, limits, ct);

        if (file.Find("EncryptionInfo") is not null || file.Find("EncryptedPackage") is not null)
            return new ExtractionResult.Encrypted("password-protected Office document (encrypted OOXML package)");
        // IRM/DRM protection (Rights Management) keeps the content in a transformed, encrypted stream.
        if (file.Find("\u0006DataSpaces") is not null)
            return new ExtractionResult.Encrypted("rights-management (IRM/DRM) protected Office document");

        if (file.Find("WordDocument") is { } word)
        {
            // FIB base: wIdent at 0, flags at 0x0A; fEncrypted = 0x0100 (MS-DOC 2.5.2), Word 95 uses the same bit.
            var fib = file.ReadPrefix(word, 32);
            if (fib.Length >= 12 && (BinaryPrimitives.ReadUInt16LittleEndian(fib.AsSpan(0x0A)) & 0x0100) != 0)
                return new ExtractionResult.Encrypted("password-protected legacy Word document (.doc)");
            return new ExtractionResult.Unsupported("legacy Word 97-2003 (.doc)");
        }
        if ((file.Find("Workbook") ?? file.Find("Book")) is { } book)
        {
            if (HasFilePass(file.ReadPrefix(book, 8192)))
                return new ExtractionResult.Encrypted("password-protected legacy Excel workbook (.xls)");
            // The whole stream: it lies inside the file, which InputGuard has held to MaxFileBytes.
            var workbook = file.ReadPrefix(book, (int)Math.Min(content.Length, int.MaxValue));
            var collector = new SegmentCollector(limits, ct);
            XlsWorkbookReader.Read(workbook, collector);
            XlsProperties.Read(file, collector, "dokumentegenskaper");
            return collector.Result();
        }
        if (file.Find("PowerPoint Document") is not null)
        {
            // Encrypted presentations carry an "EncryptedSummary" stream (MS-PPT 2.1.3) and mark the
            // CurrentUserAtom with headerToken 0xF3D1C4DF instead of 0xE391C05F (MS-PPT 2.3.2).
            if (file.Find("EncryptedSummary") is not null || HasEncryptedCurrentUser(file))
                return new ExtractionResult.Encrypted("password-protected legacy PowerPoint presentation (.ppt)");
            return new ExtractionResult.Unsupported("legacy PowerPoint 97-2003 (.ppt)");
        }
        return new ExtractionResult.Unsupported("OLE2 compound file (unknown application)");
    }

    private static bool HasEncryptedCurrentUser(CompoundFile file)
    {
        if (file.Find("Current User") is not { } user) return false;
        var atom = file.ReadPrefix(user, 16);
        return atom.Length >= 16 && BinaryPrimitives.ReadUInt32LittleEndian(atom.AsSpan(12)) == 0xF3D1C4DF;
    }

    /// <summary>
    /// Walks the BIFF records of the workbook globals until the first BOUNDSHEET/end: a FILEPASS record (0x002F)
    /// there means the workbook is encrypted (MS-XLS 2.4.117).
    /// </summary>
    private static bool HasFilePass(byte[] data)
    {
        int pos = 0;
        for (int records = 0; records < 64 && pos + 4 <= data.Length; records++)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(pos));
            ushort len = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(pos + 2));
            if (type == 0x002F) return true;
            if (type is 0x0085 or 0x000A) return false; // BOUNDSHEET8 or EOF: past where FILEPASS may stand
            pos += 4 + len;
        }
        return false;
    }
}
