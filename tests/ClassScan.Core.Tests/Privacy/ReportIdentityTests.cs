using ClassScan.Core.Privacy;

namespace ClassScan.Core.Tests.Privacy;

/// <summary>The keyed report id: stable per key and item, well formed, and never the same across keys.</summary>
public sealed class ReportIdentityTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly ReportIdentity Ids = new(Key);

    [Fact]
    public void ReportIdentity_SameKeyAndItem_SameId_OtherKeyOrItem_OtherId()
    {
        var again = new ReportIdentity(Key);
        var other = new ReportIdentity(Enumerable.Repeat((byte)7, 32).ToArray());

        Assert.Equal(Ids.Of("/share/a.docx"), again.Of("/share/a.docx"));
        Assert.NotEqual(Ids.Of("/share/a.docx"), other.Of("/share/a.docx"));
        Assert.NotEqual(Ids.Of("/share/a.docx"), Ids.Of("/share/b.docx"));
        Assert.NotEqual(Ids.Of("/share/a.docx"), ReportIdentity.Ephemeral().Of("/share/a.docx"));
        Assert.Equal(Ids.Of("x"), ReportIdentity.FromStoredKey(Convert.ToBase64String(Key)).Of("x"));
    }

    [Fact]
    public void ReportIdentity_ManyItems_WellFormedStartWithALetterAndDistinct()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => Ids.Of($"/share/mapp {i % 97}/fil {i}.docx")).ToList();

        Assert.All(ids, id => Assert.True(ReportIdentity.IsWellFormed(id), id));
        Assert.All(ids, id => Assert.False(char.IsAsciiDigit(id[0])));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // Every character position uses the whole alphabet: the id spends all of its 60 bits.
        for (var i = 1; i <= ReportIdentity.Length; i++) Assert.Equal(32, ids.Select(id => id[i]).Distinct().Count());
    }

    [Theory]
    [InlineData("f0123456789ab", true)]
    [InlineData("F0123456789AB", true)]
    [InlineData("f0123456789a", false)]
    [InlineData("g0123456789ab", false)]
    [InlineData("f0123456789ai", false)] // 'i' is not in Crockford's alphabet
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ReportIdentity_IsWellFormed(string? text, bool expected) => Assert.Equal(expected, ReportIdentity.IsWellFormed(text));

    [Fact]
    public void ReportIdentity_ShortKey_Refused() => Assert.Throws<ArgumentException>(() => new ReportIdentity(new byte[8]));
}
