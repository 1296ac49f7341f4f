using System.Buffers.Binary;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Mail;
using ClassScan.Extraction.Tests.Corpus;
using ClassScan.TestSupport;
using ClassScan.TestSupport.Documents;
using FsCheck.Xunit;
using MimeKit.Tnef;

namespace ClassScan.Extraction.Tests.Mail;

/// <summary>The [MS-OXRTFCP] decompressor: published vectors, a round trip, damaged streams, and real .msg bodies.</summary>
public class LzfuTests
{
    // [MS-OXRTFCP] 3.1.2 example: a reference into the preloaded dictionary, then one that overlaps its own output.
    private const string OverlappingVector = "1a0000001c0000004c5a4675e2d44b51410004205758595a0d6e7d010eb0";

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    private static byte[] Decompress(byte[] data, long maxBytes = 1 << 20) =>
        CompressedRtf.Decompress(data, maxBytes, CancellationToken.None);

    private static ExtractionResult Failure(byte[] data, long maxBytes = 1 << 20)
    {
        var ex = Assert.Throws<ExtractionStop>(() => Decompress(data, maxBytes));
        return ex.Result;
    }

    [Fact]
    public void Preload_Is207Bytes() => Assert.Equal(207, CompressedRtf.Preload.Length);

    [Theory]
    [InlineData(OverlappingVector, "{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}")]
    // The compressed_rtf package's example: references into the preloaded dictionary only.
    [InlineData("23000000220000004c5a4675335ce87403000a007263706731323592320af320740790747d0f10", "{\\rtf1\\ansi\\ansicpg1252\\pard test}")]
    public void Decompress_PublishedVectors_Rtf(string compressed, string rtf)
    {
        Assert.Equal(rtf, System.Text.Encoding.ASCII.GetString(Decompress(Hex(compressed))));
    }

    [Fact]
    public void Decompress_UncompressedWithNonZeroCrc_RawReturned()
    {
        // Some writers fill the CRC of raw content although it "MUST be 0"; raw RTF needs no check to be read safely.
        var raw = CompressedRtfWriter.Uncompressed("{\\rtf1 raw}"u8.ToArray());
        BinaryPrimitives.WriteUInt32LittleEndian(raw.AsSpan(12), 0xCE12DF20);

        Assert.Equal("{\\rtf1 raw}"u8.ToArray(), Decompress(raw));
    }

    [Property(MaxTest = 200)]
    public bool Decompress_LiteralsOnlyStream_RoundTrips(byte[] rtf) =>
        Decompress(CompressedRtfWriter.LiteralsOnly(rtf ?? [])).AsSpan().SequenceEqual(rtf ?? []);

    [Fact]
    public void Decompress_LiteralsPastTheDictionarySize_RoundTrips()
    {
        // Past 4096 bytes the write position wraps around the ring, and so does the end marker's offset.
        var rtf = new byte[10_000];
        new Random(7).NextBytes(rtf);

        Assert.Equal(rtf, Decompress(CompressedRtfWriter.LiteralsOnly(rtf)));
    }

    [Fact]
    public void Crc_MatchesTheIndependentBitwiseCrc()
    {
        var data = Hex(OverlappingVector)[16..];

        Assert.Equal(CompressedRtfWriter.Crc(data), CompressedRtf.Crc(data));
        Assert.Equal(0x514BD4E2u, CompressedRtf.Crc(data));
    }

    [Fact]
    public void Decompress_RawSizeSmallerThanContent_CutAtRawSize()
    {
        var data = Hex(OverlappingVector);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 10);

        Assert.Equal("{\\rtf1 WXY"u8.ToArray(), Decompress(data));
    }

    public static TheoryData<string, string> DamagedStreams() => new()
    {
        { "shorter than header", "invalid compressed RTF body: shorter than its header" },
        { "compsize past end", "invalid compressed RTF body: truncated" },
        { "compsize below header", "invalid compressed RTF body: truncated" },
        { "unknown type", "invalid compressed RTF body: unknown compression type" },
        { "bad crc", "invalid compressed RTF body: CRC mismatch" },
        { "content flipped", "invalid compressed RTF body: CRC mismatch" },
        { "rawsize beyond inflation", "invalid compressed RTF body: size larger than the content can hold" },
        { "reference cut", "invalid compressed RTF body: truncated reference" },
    };

    [Theory]
    [MemberData(nameof(DamagedStreams))]
    public void Decompress_DamagedStream_CorruptWithReason(string damage, string reason)
    {
        var data = Hex(OverlappingVector);
        data = damage switch
        {
            "shorter than header" => data[..15],
            "compsize past end" => With(data, 0, 0x1B),
            "compsize below header" => With(data, 0, 4),
            "unknown type" => With(data, 8, 0x12345678),
            "bad crc" => With(data, 12, 0x514BD4E3),
            "content flipped" => Flip(data, 20),
            "rawsize beyond inflation" => With(data, 4, 14 * 8 + 1),
            "reference cut" => CutReference(data),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };

        Assert.Equal(reason, Assert.IsType<ExtractionResult.Corrupt>(Failure(data)).Reason);
    }

    [Theory]
    [InlineData("lzfu")]
    [InlineData("mela")]
    public void Decompress_RtfLargerThanBound_LimitReached(string kind)
    {
        var rtf = new byte[1000];
        var data = kind == "lzfu" ? CompressedRtfWriter.LiteralsOnly(rtf) : CompressedRtfWriter.Uncompressed(rtf);

        var limit = Assert.IsType<ExtractionResult.LimitReached>(Failure(data, maxBytes: 999));

        Assert.Equal(nameof(ExtractionLimits.MaxUncompressedBytes), limit.LimitName);
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(10_000_000)]
    public void Decompress_HostileRawSize_NoAllocationPastTheContent(int rawSize)
    {
        // A claim the content cannot back is refused before any buffer of that size exists.
        var data = With(Hex(OverlappingVector), 4, (uint)rawSize);

        Assert.IsType<ExtractionResult.Corrupt>(Failure(data, maxBytes: long.MaxValue));
    }

    public static TheoryData<string> RealRtfBodies() =>
        ["other/markitdown__test_outlook_msg.msg", "other/poi__attachment_test_msg.msg", "other/poi__quick.msg", "other/tika__testMSG.msg",
         "other/tika__testMSG_chinese.msg", "other/unstructured__fake-encrypted.msg", "other/tika__test-outlook2003.msg"];

    [SharedTheory]
    [MemberData(nameof(RealRtfBodies))]
    public void Decompress_RealMessageBody_SameAsMimeKit(string file)
    {
        using var stream = File.OpenRead(RealCorpus.PathOf(file));
        var cfb = CompoundFile.Open(stream, CancellationToken.None);
        var entry = Assert.Single(cfb.Children(cfb.Entries[0]), e => e.Name == "__substg1.0_10090102");
        var compressed = cfb.ReadPrefix(entry, int.MaxValue);
        var filter = new RtfCompressedToRtf();
        var expected = filter.Flush(compressed, 0, compressed.Length, out int index, out int length).AsSpan(index, length).ToArray();

        var rtf = Decompress(compressed, long.MaxValue);

        if (filter.CompressionMode == RtfCompressionMode.Compressed) Assert.True(filter.IsValidCrc32);
        Assert.Equal(expected, rtf);
        Assert.StartsWith("{\\rtf1", System.Text.Encoding.ASCII.GetString(rtf), StringComparison.Ordinal);
    }

    private static byte[] With(byte[] data, int offset, uint value)
    {
        var copy = data.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static byte[] Flip(byte[] data, int offset)
    {
        var copy = data.ToArray();
        copy[offset] ^= 0x01;
        return copy;
    }

    private static byte[] CutReference(byte[] data)
    {
        // Drop the end marker's last byte: the final control byte promises a reference that is not there.
        var content = data[16..^1];
        var cut = new byte[16 + content.Length];
        data.AsSpan(0, 16).CopyTo(cut);
        content.CopyTo(cut, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(cut, (uint)(content.Length + 12));
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(12), CompressedRtfWriter.Crc(content));
        return cut;
    }
}
