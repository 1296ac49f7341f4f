using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Image;

/// <summary>
/// A raster image (PNG, JPEG, TIFF, BMP) has no text layer: the result is one page without text, which the OCR stage
/// reads (a photographed form, a scanned letter saved as an image). Only the signature is checked here: a file named
/// .png that is not an image is <see cref="ExtractionResult.Corrupt"/>, not a page for OCR. Without OCR the file is a
/// no-text row like a scanned PDF. Stateless and thread-safe.
/// </summary>
internal sealed class ImageExtractor : ITextExtractor
{
    public static ImageExtractor Instance { get; } = new();

    private ImageExtractor()
    {
    }

    /// <summary>The note on every image: it has no text layer (the words "saknar textlager" are what the OCR stage replaces).</summary>
    public const string Note = "bilden saknar textlager (bara OCR kan läsa den)";

    public string Name => "image";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ct.ThrowIfCancellationRequested();
        Span<byte> head = stackalloc byte[8];
        var n = content.Stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (!HasSignature(head[..n]))
            return new ExtractionResult.Corrupt("not an image (no PNG, JPEG, TIFF or BMP signature)");
        // The note keeps an image inside a container (an e-mail's attachment) from vanishing without a word: only
        // a file's own pages go to OCR. At top level the OCR stage replaces it with what OCR did.
        return new ExtractionResult.Text(new ExtractedText([], [Note], pagesWithoutText: 1, pageCount: 1) { TextlessPages = [1] });
    }

    /// <summary>PNG, JPEG, TIFF (either byte order) or BMP ("BM" alone, too weak to pick a file by: see <see cref="HasStrongSignature"/>).</summary>
    public static bool HasSignature(ReadOnlySpan<byte> head) =>
        HasStrongSignature(head) || head.StartsWith("BM"u8);

    /// <summary>
    /// Signatures strong enough to pick an image whatever its name: PNG, JPEG, TIFF, and a BMP whose file header holds
    /// together ("BM", zero reserved words, a known DIB header size, pixel data behind the headers).
    /// </summary>
    public static bool HasStrongSignature(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)
        || IsBitmapHeader(head);

    private static bool IsBitmapHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < 18 || !head.StartsWith("BM"u8)) return false;
        uint reserved = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head[6..]);
        uint pixels = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head[10..]);
        uint dib = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head[14..]);
        return reserved == 0 && dib is 12 or 40 or 52 or 56 or 64 or 108 or 124 && pixels >= 14 + dib;
    }
}
