using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>
/// The golden RTF, OpenDocument and EPUB files damaged a few hundred ways each (truncated, bytes flipped, ranges
/// zeroed), through selector and extractor: every case ends in a result, never an exception. A cheap, always-run
/// cousin of the fuzz targets for the parsers written here rather than taken from a library.
/// </summary>
public class GoldenMutationTests
{
    public static TheoryData<string, string> Files() => new()
    {
        { "Rtf", "beslut.rtf" },
        { "Rtf", "utredning.rtf" },
        { "OpenDocument", "utredning.odt" },
        { "OpenDocument", "utredning.fodt" },
        { "OpenDocument", "elevlista.ods" },
        { "OpenDocument", "presentation.odp" },
        { "Epub", "bok.epub" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Extract_MutatedGoldenFile_OnlyResults(string format, string name)
    {
        var original = Golden.Read(format, name);
        var random = new Random(name.Length * 7919);
        var cases = new List<byte[]>();
        for (int i = 1; i <= 40; i++) cases.Add(original[..(original.Length * i / 41)]);
        for (int i = 0; i < 200; i++)
        {
            var copy = (byte[])original.Clone();
            for (int k = 0; k < 1 + (i % 4); k++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
            cases.Add(copy);
        }
        for (int i = 0; i < 40; i++)
        {
            var copy = (byte[])original.Clone();
            int start = random.Next(copy.Length), length = Math.Min(copy.Length - start, random.Next(1, 512));
            Array.Clear(copy, start, length);
            cases.Add(copy);
        }

        foreach (var bytes in cases)
        {
            // The extractor the name asks for, so damage to the magic bytes still reaches this format's parser.
            var extractor = ExtractionHelper.Select(name, bytes) ?? throw new Xunit.Sdk.XunitException($"{name}: no extractor");
            var result = ExtractionHelper.Result(extractor, bytes);
            Assert.True(result is ExtractionResult.Text or ExtractionResult.PartialText or ExtractionResult.Corrupt
                or ExtractionResult.Encrypted or ExtractionResult.Unsupported or ExtractionResult.LimitReached, $"{name}: {result}");
        }
    }
}
