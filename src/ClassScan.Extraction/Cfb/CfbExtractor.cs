using System.Buffers.Binary;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Legacy;
using ClassScan.Extraction.Mail;

namespace ClassScan.Extraction.Cfb;

/// <summary>
/// Handles OLE2 compound files (D0 CF 11 E0). An Outlook message (.msg) is read by <see cref="MsgReader"/>, its
/// attachments with the selector. Otherwise it first tells a password-protected OOXML package (an
/// <c>EncryptionInfo</c> + <c>EncryptedPackage</c> container, whatever its extension) and encrypted legacy Office
/// files (<see cref="ExtractionResult.Encrypted"/>) apart, so an encrypted file is never reported as "no findings";
/// then reads Word 97-2003/6/95 (<see cref="DocReader"/>), Excel 97-2003/5/95 (<see cref="XlsWorkbookReader"/>) and
/// PowerPoint 97-2003 (<see cref="PptReader"/>; 4.0/95 by <see cref="Ppt95Reader"/>) over this bounded CFB reader, with their document properties. The
/// readers are ours, after the published [MS-DOC]/[MS-XLS]/[MS-PPT]: the only .NET library the registry offers
/// (NPOI 2.4.1, 2018) does not restore on .NET 10 without unserved dependencies, loads a workbook whole, has a
/// scratchpad-quality .doc reader and none for .ppt. One extractor ("cfb") for all, as the format is only known
/// after the directory is read. Thread-safe; holds only the selector for attachments.
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

        if (file.FindInRoot("WordDocument") is { } word)
        {
            // FIB base: wIdent at 0, flags at 0x0A; fEncrypted = 0x0100 (MS-DOC 2.5.2), Word 95 uses the same bit.
            var fib = file.ReadPrefix(word, 32);
            if (fib.Length >= 12 && (BinaryPrimitives.ReadUInt16LittleEndian(fib.AsSpan(0x0A)) & 0x0100) != 0)
                return new ExtractionResult.Encrypted("password-protected legacy Word document (.doc)");
            var doc = new SegmentCollector(limits, ct);
            DocReader.Read(file.ReadStream(word, limits.MaxFileBytes), name => Sibling(file, name, limits), doc);
            ReadProperties(file, limits, doc);
            return doc.Result();
        }
        if ((file.Find("Workbook") ?? file.Find("Book")) is { } book)
        {
            if (HasFilePass(file.ReadPrefix(book, 8192)))
                return new ExtractionResult.Encrypted("password-protected legacy Excel workbook (.xls)");
            // The whole stream: it lies inside the file, which InputGuard has held to MaxFileBytes.
            var workbook = file.ReadPrefix(book, (int)Math.Min(content.Length, int.MaxValue));
            var collector = new SegmentCollector(limits, ct);
            XlsWorkbookReader.Read(workbook, collector);
            ReadProperties(file, limits, collector);
            return collector.Result();
        }
        if (file.FindInRoot("PowerPoint Document") is { } slides)
        {
            // Encrypted presentations carry an "EncryptedSummary" stream (MS-PPT 2.1.3) and mark the
            // CurrentUserAtom with headerToken 0xF3D1C4DF instead of 0xE391C05F (MS-PPT 2.3.2).
            if (file.Find("EncryptedSummary") is not null || HasEncryptedCurrentUser(file))
                return new ExtractionResult.Encrypted("password-protected legacy PowerPoint presentation (.ppt)");
            var ppt = new SegmentCollector(limits, ct);
            // Without a readable Current User stream the reader walks the whole stream instead.
            PptReader.Read(file.ReadStream(slides, limits.MaxFileBytes), OptionalSibling(file, "Current User", limits), ppt);
            ReadProperties(file, limits, ppt);
            return ppt.Result();
        }
        if (file.FindInRoot("PP40") is { Type: CompoundFileEntryType.Stream } pp40)
        {
            var ppt95 = new SegmentCollector(limits, ct);
            Ppt95Reader.Read(file.ReadStream(pp40, limits.MaxFileBytes), ppt95);
            ReadProperties(file, limits, ppt95);
            return ppt95.Result();
        }
        return new ExtractionResult.Unsupported("OLE2 compound file (unknown application)");
    }

    private static void ReadProperties(CompoundFile file, ExtractionLimits limits, SegmentCollector c) =>
        OlePropertySets.Read(file, limits.MaxFileBytes, c, "dokumentegenskaper");

    /// <summary>Like <see cref="Sibling"/> for a stream the text does not need: damage there reads as no stream.</summary>
    internal static byte[]? OptionalSibling(CompoundFile file, string name, ExtractionLimits limits) => OptionalSibling(file, name, limits.MaxFileBytes);

    internal static byte[]? OptionalSibling(CompoundFile file, string name, long maxBytes)
    {
        try
        {
            return file.FindInRoot(name) is { Type: CompoundFileEntryType.Stream } entry ? file.ReadStream(entry, maxBytes) : null;
        }
        catch (ExtractionStop stop) when (stop.Result is ExtractionResult.Corrupt)
        {
            return null;
        }
    }

    /// <summary>A stream of the file by name, read whole within the size limit; null when there is none.</summary>
    internal static byte[]? Sibling(CompoundFile file, string name, ExtractionLimits limits) =>
        file.FindInRoot(name) is { Type: CompoundFileEntryType.Stream } entry ? file.ReadStream(entry, limits.MaxFileBytes) : null;

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
