using ClassScan.Core.Documents;
using ClassScan.Extraction.Isolation;

namespace ClassScan.Extraction.Isolation.Tests;

/// <summary>
/// The worker boundary carries an <see cref="ExtractionResult"/> unchanged, case for case, and a request carries
/// the document the way its <see cref="DocumentContent"/> says: its bytes, or a local file's path.
/// </summary>
public sealed class WorkerProtocolTests
{
    private static ExtractedText SampleText(bool truncated) =>
        new([new TextSegment(SegmentKind.Body, "sida 1", "första sidan"), new TextSegment(SegmentKind.Header, "sidhuvud", "HEMLIG")],
            ["1 av 2 sidor saknar textlager (skannade?)"], pagesWithoutText: 1, pageCount: 2) { Truncated = truncated, TextlessPages = [2] };

    public static TheoryData<ExtractionResult> Failures => new()
    {
        new ExtractionResult.Encrypted("password-protected PDF (AES-256)"),
        new ExtractionResult.Unsupported("legacy Excel 97-2003 (.xls)"),
        new ExtractionResult.Corrupt("tolkaren kraschade (avslutskod 134)"),
        new ExtractionResult.LimitReached("WorkerMemory", "minnesgränsen för tolkaren nåddes"),
        new ExtractionResult.TimedOut("tidsgräns"),
        new ExtractionResult.Unreadable("kunde inte öppnas (IOException)"),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void WriteResult_Failure_ReadBackEqual(ExtractionResult failure)
    {
        Assert.Equal(failure, RoundTrip(failure));
    }

    [Fact]
    public void WriteResult_Text_SegmentsNotesAndPagesKept()
    {
        var back = Assert.IsType<ExtractionResult.Text>(RoundTrip(new ExtractionResult.Text(SampleText(truncated: false))));

        AssertSameText(SampleText(truncated: false), back.Content);
        Assert.False(back.Content.Truncated);
    }

    [Fact]
    public void WriteResult_PartialText_StaysPartialWithItsLimit()
    {
        var back = Assert.IsType<ExtractionResult.PartialText>(RoundTrip(new ExtractionResult.PartialText(SampleText(truncated: true), 16_777_216)));

        AssertSameText(SampleText(truncated: true), back.Content);
        Assert.True(back.Content.Truncated);
        Assert.Equal(16_777_216, back.Limit);
    }

    [Fact]
    public void WriteResult_Container_EntriesWithTheirLeafResultsAndNotesKept()
    {
        var container = new ExtractionResult.Container(
            [
                new ContainerEntry("inner.zip!/Elevakter/beslut.docx", new ExtractionResult.Text(SampleText(truncated: false))),
                new ContainerEntry("stor.txt", new ExtractionResult.PartialText(SampleText(truncated: true), 100)),
                new ContainerEntry("hemlig.txt", new ExtractionResult.Encrypted("krypterad fil i arkivet (lösenord krävs)")),
                new ContainerEntry("n.zip", new ExtractionResult.LimitReached("MaxNestingDepth", "arkiv i arkiv djupare än 3 nivåer")),
                new ContainerEntry("bild.png", new ExtractionResult.Unsupported("format som inte läses: .png")),
            ],
            ["1 poster lästes inte: gräns"]);

        var back = Assert.IsType<ExtractionResult.Container>(RoundTrip(container));

        Assert.Equal(container.Entries.Select(e => e.Path), back.Entries.Select(e => e.Path));
        AssertSameText(SampleText(truncated: false), Assert.IsType<ExtractionResult.Text>(back.Entries[0].Result).Content);
        var partial = Assert.IsType<ExtractionResult.PartialText>(back.Entries[1].Result);
        Assert.True(partial.Content.Truncated);
        Assert.Equal(100, partial.Limit);
        Assert.Equal(container.Entries.Skip(2).Select(e => e.Result), back.Entries.Skip(2).Select(e => e.Result));
        Assert.Equal(container.Notes, back.Notes);
    }

    [Fact]
    public void WriteResult_EmptyContainer_StaysAnEmptyContainer()
    {
        var back = Assert.IsType<ExtractionResult.Container>(RoundTrip(new ExtractionResult.Container([], [])));

        Assert.Empty(back.Entries);
        Assert.Empty(back.Notes);
    }

    [Fact]
    public void ReadResult_ContainerInsideAContainer_RejectedAsBadData()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)8);
            w.Write(1);
            w.Write("inner.zip");
            w.Write((byte)8);
        }
        buffer.Position = 0;
        using var r = new BinaryReader(buffer);

        Assert.Throws<InvalidDataException>(() => WorkerProtocol.ReadResult(r));
    }

    [Fact]
    public void WriteRequest_LocalFile_PathOnlyNoBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), "rapport.docx");
        using var stream = new MemoryStream(new byte[100_000]);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            WorkerProtocol.WriteRequest(w, "openxml-word", DocumentContent.LocalFile(stream, path), ExtractionLimits.Default);
        buffer.Position = 0;

        using var r = new BinaryReader(buffer);
        Assert.True(WorkerProtocol.TryReadRequest(r, out var extractor, out _, out _, out var length, out var localPath));
        Assert.Equal("openxml-word", extractor);
        Assert.Equal(path, localPath);
        Assert.Equal(0, length);
        Assert.True(buffer.Length < 1000, $"{buffer.Length} bytes sent for a path");
    }

    [Fact]
    public void WriteRequest_StreamOnly_TheBytesAndTheLimits()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("hej hopp");
        using var stream = new MemoryStream(bytes);
        var limits = ExtractionLimits.Default with { MaxPdfPages = 7, MaxExtractedChars = 1234, MaxExtractionTime = TimeSpan.FromSeconds(9), MaxArchiveEntries = 42 };
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            WorkerProtocol.WriteRequest(w, "text", DocumentContent.Of(stream), limits);
        buffer.Position = 0;

        using var r = new BinaryReader(buffer);
        Assert.True(WorkerProtocol.TryReadRequest(r, out var extractor, out var readLimits, out var content, out var length, out var localPath));
        Assert.Equal("text", extractor);
        Assert.Null(localPath);
        Assert.Equal(bytes, content.AsSpan(0, length).ToArray());
        Assert.Equal(limits, readLimits);
        Assert.False(WorkerProtocol.TryReadRequest(r, out _, out _, out _, out _, out _));
    }

    private static ExtractionResult RoundTrip(ExtractionResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) WorkerProtocol.WriteResult(w, result);
        buffer.Position = 0;
        using var r = new BinaryReader(buffer);
        var back = WorkerProtocol.ReadResult(r);
        Assert.Equal(buffer.Length, buffer.Position);
        return back;
    }

    private static void AssertSameText(ExtractedText expected, ExtractedText actual)
    {
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.PagesWithoutText, actual.PagesWithoutText);
        Assert.Equal(expected.PageCount, actual.PageCount);
        Assert.Equal(expected.TextlessPages, actual.TextlessPages); // the OCR stage reads exactly these pages
    }
}
