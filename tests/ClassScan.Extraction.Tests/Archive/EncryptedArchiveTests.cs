using ClassScan.Core.Documents;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Archive;

/// <summary>
/// Password-protected archives made by 7-Zip (Golden/make.sh): an encrypted entry is that entry's
/// <see cref="ExtractionResult.Encrypted"/> whatever the cipher, and a 7z whose names are encrypted is encrypted as a
/// whole, since nothing in it can be listed.
/// </summary>
public class EncryptedArchiveTests
{
    private static ExtractionResult Result(string file)
    {
        var path = Path.Combine(SharedData.RepoRoot, "tests", "ClassScan.Extraction.Tests", "Archive", "Golden", file);
        return ExtractionHelper.SelectAndResult(file, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("aes.zip")]
    [InlineData("zipcrypto.zip")]
    public void Extract_ZipWithOneEncryptedEntry_ThatEntryEncryptedTheOtherRead(string file)
    {
        var result = Assert.IsType<ExtractionResult.Container>(Result(file));

        var entries = result.Entries.ToDictionary(e => e.Path, e => e.Result);
        Assert.IsType<ExtractionResult.Encrypted>(entries["hemlig.txt"]);
        Assert.Equal("Öppen anteckning.", ExtractionHelper.WholeText(entries["oppen.txt"]).AllText());
    }

    [Fact]
    public void Extract_SevenZipWithEncryptedContent_EntryEncrypted()
    {
        var result = Assert.IsType<ExtractionResult.Container>(Result("content-encrypted.7z"));

        Assert.IsType<ExtractionResult.Encrypted>(Assert.Single(result.Entries).Result);
    }

    [Fact]
    public void Extract_SevenZipWithEncryptedHeaders_ArchiveEncrypted()
    {
        Assert.IsType<ExtractionResult.Encrypted>(Result("header-encrypted.7z"));
    }
}
